import { FluentProvider } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { createApiClient, toApiError, type TokenSource } from '@pc/core/api';
import {
  clearLocalSession,
  loadLocalSession,
  localTokenSource,
  saveLocalSession,
  type LocalSession,
} from './auth/local.ts';
import { fromFirstToken, type FirstLoad } from './api-first-load.ts';
import { Loading } from './components/status.tsx';
import { SignedIn } from './signed-in.tsx';
import { browserContext, connectTeams, type HostContext, type TeamsHost } from './teams.ts';
import { fluentThemeFor } from './theme.ts';

type Boot =
  | { readonly stage: 'starting' }
  | { readonly stage: 'ready'; readonly host: TeamsHost | null; readonly context: HostContext };

/** The API is served by the same origin that serves the tab (under /tab/). */
const API_BASE = '';

/** Only someone not yet signed in sees it, so the first screen's script does not carry it. */
const SignIn = lazy(() => import('./pages/sign-in.tsx').then((m) => ({ default: m.SignIn })));

interface Props {
  readonly win: Window;
  /** Teams' start and the first screen's call, when the page began them before rendering (main-start.ts). */
  readonly firstLoad?: FirstLoad;
}

export const Root = ({ win, firstLoad }: Props) => {
  const [boot, setBoot] = useState<Boot>({ stage: 'starting' });
  const [theme, setTheme] = useState(() => browserContext(win).theme);
  const [local, setLocal] = useState<LocalSession | null>(() => loadLocalSession(win.sessionStorage));

  useEffect(() => {
    let stop: (() => void) | undefined;
    (firstLoad?.teams ?? connectTeams(win)).then(
      (host) => {
        const context = host?.context ?? browserContext(win);
        setTheme(context.theme);
        stop = host?.onThemeChange(setTheme);
        setBoot({ stage: 'ready', host, context });
      },
      () => {
        // Teams failed to start: carry on as a plain browser page rather than hang.
        setBoot({ stage: 'ready', host: null, context: browserContext(win) });
      },
    );
    return () => stop?.();
  }, [win, firstLoad]);

  const tokenSource = useMemo<TokenSource | null>(() => {
    if (boot.stage !== 'ready') return null;
    if (boot.host) {
      const host = boot.host;
      return fromFirstToken(firstLoad, () => host.getToken());
    }
    return local === null
      ? null
      : fromFirstToken(
          firstLoad,
          localTokenSource((i, o) => win.fetch(i, o), local),
        );
  }, [boot, local, win, firstLoad]);

  const api = useMemo(
    () =>
      tokenSource === null
        ? null
        : createApiClient({
            baseUrl: API_BASE,
            getToken: tokenSource,
            fetch: firstLoad?.fetch ?? ((url, init) => win.fetch(url, init)),
          }),
    [tokenSource, win, firstLoad],
  );

  // Files (the annual review form) come as bytes, which the JSON client does not read.
  const download = useMemo(
    () =>
      tokenSource === null
        ? undefined
        : async (path: string): Promise<Blob> => {
            const token = await tokenSource({ forceRefresh: false });
            const res = await win.fetch(`${API_BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
            if (!res.ok) {
              const text = await res.text();
              let body: unknown;
              try {
                body = JSON.parse(text) as unknown;
              } catch {
                body = undefined;
              }
              throw toApiError(res.status, body, res.headers.get('x-correlation-id'));
            }
            return await res.blob();
          },
    [tokenSource, win],
  );

  const content = (() => {
    if (boot.stage === 'starting') return <Loading label="Starting…" />;
    if (api === null)
      return (
        <Suspense fallback={<Loading label="Starting…" />}>
          <SignIn
            win={win}
            baseUrl={API_BASE}
            onSignedIn={(session) => {
              saveLocalSession(win.sessionStorage, session);
              setLocal(session);
            }}
          />
        </Suspense>
      );
    return (
      <SignedIn
        api={api}
        {...(download === undefined ? {} : { download })}
        host={boot.host}
        context={{ ...boot.context, theme }}
        botAppId={local?.config.botAppId ?? import.meta.env.VITE_BOT_APP_ID}
        {...(boot.host === null
          ? {
              onSignOut: () => {
                clearLocalSession(win.sessionStorage);
                setLocal(null);
              },
            }
          : {})}
      />
    );
  })();

  return (
    <FluentProvider theme={fluentThemeFor(theme)} style={{ minHeight: '100vh' }}>
      {content}
    </FluentProvider>
  );
};
