/**
 * The first screen's one call (`me.home`), started by the page's first script (main-start.ts)
 * before the rest of the app has even been evaluated, instead of after React has rendered, Teams
 * has answered and the signed-in view has mounted: the token, the call and the opening page's code
 * then overlap the app's own start. The API client later makes the same call through `fetch`
 * here and is handed the reply already on its way; every other call goes to the network.
 *
 * This module is evaluated first, so it imports no schemas or route table (types only).
 */
import type { ComponentType } from 'react';
import type { Fetch, TokenSource } from '@pc/core/api';
import { LOCAL_SESSION_KEY, localSignInUrl } from './auth/local-sign-in.ts';
import { parseHash, type PageId } from './router.ts';
import { connectTeams, mightBeInTeams, type TeamsHost } from './teams.ts';

/** `routes['me.home'].path`, written out so the schemas need not load first (a test keeps them equal). */
export const FIRST_LOAD_PATH = '/api/v1/me/home';

/** A page's code: its default export shows the page for the route's segments after the page. */
export interface PageModule {
  readonly default: ComponentType<{ readonly rest: readonly string[] }>;
}

export const loadObjectivesPage = (): Promise<PageModule> => import('./pages/objectives/page.tsx');
export const loadConversationsPage = (): Promise<PageModule> => import('./pages/conversations/page.tsx');
/** Pages whose code is fetched while the first call is in flight, when the tab opens on them. */
export const PAGES_FETCHED_EARLY: Partial<Record<PageId, () => Promise<PageModule>>> = {
  objectives: loadObjectivesPage,
  conversations: loadConversationsPage,
};

export interface FirstLoad {
  /** Teams' start (null in a plain browser, or when Teams does not answer). */
  readonly teams: Promise<TeamsHost | null>;
  /** The token the early call was made with (null when nobody is signed in yet), until its reply is handed out. */
  earlyToken(): Promise<string | null> | undefined;
  /** `fetch` that answers the first `me.home` call made with that token from the early reply. */
  readonly fetch: Fetch;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The stored local session's sign-in address, read without the schema library; the app checks it properly later. */
const storedSignInUrl = (storage: Storage): string | undefined => {
  try {
    const raw = storage.getItem(LOCAL_SESSION_KEY);
    const value = (raw === null ? undefined : JSON.parse(raw)) as
      { person?: Record<string, unknown>; config?: Record<string, unknown> } | undefined;
    const [issuerUrl, audience] = [text(value?.config?.issuerUrl), text(value?.config?.audience)];
    const [id, tenantId, displayName] = [value?.person?.id, value?.person?.tenantId, value?.person?.displayName].map(
      text,
    );
    if (issuerUrl === undefined || audience === undefined) return undefined;
    if (id === undefined || tenantId === undefined || displayName === undefined) return undefined;
    return localSignInUrl({ issuerUrl, audience }, { id, tenantId, displayName });
  } catch {
    // A damaged entry: the app's own reading of the session deals with it (it asks to sign in again).
    return undefined;
  }
};

/** The stored local session's token from the local issuer, or null when nobody is signed in yet. */
const localFirstToken = async (win: Window): Promise<string | null> => {
  const url = storedSignInUrl(win.sessionStorage);
  if (url === undefined) return null;
  const res = await win.fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as { access_token?: unknown };
  return res.ok ? (text(body.access_token) ?? null) : null;
};

/**
 * In Teams the single sign-on token; in a plain browser the stored local session's, asked for at
 * once rather than after a turn of the event loop (the rest of the app is still being evaluated).
 */
const firstToken = (win: Window, teams: Promise<TeamsHost | null>): Promise<string | null> =>
  mightBeInTeams(win)
    ? teams.then((host) => (host === null ? localFirstToken(win) : host.getToken()))
    : localFirstToken(win);

export const startFirstLoad = (win: Window): FirstLoad => {
  const teams = connectTeams(win).catch(() => null);
  const token = firstToken(win, teams).catch(() => null);
  const reply = token.then((t) =>
    t === null
      ? null
      : win
          .fetch(FIRST_LOAD_PATH, {
            method: 'GET',
            headers: { accept: 'application/json', authorization: `Bearer ${t}` },
          })
          // A failed early call is made again by the app, which reports its failure as usual.
          .catch(() => null),
  );
  void PAGES_FETCHED_EARLY[parseHash(win.location.hash).page]?.();
  let early: Promise<Response | null> | undefined = reply;
  return {
    teams,
    earlyToken: () => (early === undefined ? undefined : token),
    fetch: async (url, init) => {
      const pending = early;
      const home = url === FIRST_LOAD_PATH && (init.method ?? 'GET') === 'GET';
      const givenUp = (): boolean => init.signal?.aborted === true;
      if (pending === undefined || !home || givenUp()) return win.fetch(url, init);
      early = undefined;
      const [sentWith, res] = await Promise.all([token, pending]);
      // A call given up meanwhile (React mounts twice in development) leaves the reply to the next one.
      if (givenUp()) {
        early = pending;
        return win.fetch(url, init);
      }
      const asked = new Headers(init.headers).get('authorization');
      return res === null || sentWith === null || asked !== `Bearer ${sentWith}` ? win.fetch(url, init) : res;
    },
  };
};

/** Starts from the early call's token, so the first call can be answered from it; then `source` as before. */
export const fromFirstToken =
  (first: FirstLoad | undefined, source: TokenSource): TokenSource =>
  async (opts) => {
    const early = opts.forceRefresh ? undefined : first?.earlyToken();
    return (early === undefined ? null : await early) ?? source(opts);
  };
