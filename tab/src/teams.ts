/**
 * The one place that talks to the Teams JavaScript client library. Everything else asks this
 * module for the host context, a token, theme changes or a deep link, so the tab also runs in a
 * plain browser (local development) where Teams is absent.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import { openSubPage } from './teams-sub-page.ts';

export type ThemeName = 'default' | 'dark' | 'contrast';
export type EntityId = 'objectives' | 'conversations' | 'team';

export interface HostContext {
  readonly inTeams: boolean;
  readonly theme: ThemeName;
  /** BCP 47, e.g. "en-gb". */
  readonly locale: string;
  readonly userId?: string;
  readonly tenantId?: string;
  /** The static tab's entityId, or the configured tab's. */
  readonly entityId?: string;
  /** 'settings' when Teams shows the configuration page of a team tab; 'sidePanel' or 'meetingStage' in a meeting. */
  readonly frameContext?: string;
  /** The chat the tab is in: in a meeting, the meeting chat's thread id (19:meeting_…@thread.v2). */
  readonly chatId?: string;
  /** The page a deep link opened the tab at: the router's route, e.g. `/conversations/<person>/<id>`. */
  readonly subPageId?: string;
}

export interface TeamsHost {
  readonly context: HostContext;
  /** Single sign-on: an Entra access token for this app's API. */
  getToken(): Promise<string>;
  /** Returns a function that stops listening. */
  onThemeChange(handler: (theme: ThemeName) => void): () => void;
  openLink(url: string): Promise<void>;
  /** For the configurable team tab: what Teams saves when the user presses Save. */
  enableConfigSave(config: { entityId: EntityId; contentUrl: string; suggestedDisplayName: string }): void;
  /** In a meeting: whether Teams lets this person share the app to the stage, and sharing a page there. */
  readonly stage?: StageSharing;
}

export interface StageSharing {
  canShare(): Promise<boolean>;
  share(url: string): Promise<void>;
}

/** teams-js's meeting calls answer through a callback with an error first. */
const settled = <T>(start: (done: (error: { message?: string } | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => {
    start((error, value) => {
      if (error === null) resolve(value);
      else reject(new Error(error.message ?? 'Teams could not do that.'));
    });
  });

export const normaliseTheme = (raw: string | null | undefined): ThemeName =>
  raw === 'dark' ? 'dark' : raw === 'contrast' ? 'contrast' : 'default';

/** Teams renders tabs in an iframe (desktop, web) or a webview with a native bridge (mobile). */
export const mightBeInTeams = (win: Window): boolean =>
  win.parent !== win || 'nativeInterface' in win || win.name === 'embedded-page-container';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      resolve('timeout');
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error('Teams did not start.'));
      },
    );
  });

/** TeamsJS v2 names the deep link's sub-page `page.subPageId`; hosts on the v1 shape send `subEntityId`. */
const subPageOf = (ctx: TeamsJs.app.Context): Pick<HostContext, 'subPageId'> => {
  const legacy = (ctx as { readonly subEntityId?: unknown }).subEntityId;
  const subPageId = ctx.page.subPageId ?? (typeof legacy === 'string' ? legacy : undefined);
  return subPageId === undefined || subPageId === '' ? {} : { subPageId };
};

const contextOf = (ctx: TeamsJs.app.Context): HostContext => ({
  inTeams: true,
  theme: normaliseTheme(ctx.app.theme),
  locale: ctx.app.locale,
  ...(ctx.user?.id === undefined ? {} : { userId: ctx.user.id }),
  ...(ctx.user?.tenant?.id === undefined ? {} : { tenantId: ctx.user.tenant.id }),
  ...(ctx.page.id === '' ? {} : { entityId: ctx.page.id }),
  frameContext: ctx.page.frameContext,
  ...(ctx.chat?.id === undefined ? {} : { chatId: ctx.chat.id }),
  ...subPageOf(ctx),
});

const hostOver = (teams: typeof TeamsJs, context: HostContext): TeamsHost => ({
  context,
  getToken: () => teams.authentication.getAuthToken(),
  onThemeChange: (handler) => {
    let active = true;
    teams.app.registerOnThemeChangeHandler((theme) => {
      if (active) handler(normaliseTheme(theme));
    });
    return () => {
      active = false;
    };
  },
  openLink: (url) => teams.app.openLink(url),
  enableConfigSave: (config) => {
    teams.pages.config.registerOnSaveHandler((event) => {
      teams.pages.config.setConfig({ ...config, websiteUrl: config.contentUrl }).then(
        () => {
          event.notifySuccess();
        },
        () => {
          event.notifyFailure('The tab could not be saved. Please try again.');
        },
      );
    });
    teams.pages.config.setValidityState(true);
  },
  stage: {
    canShare: async () =>
      (
        await settled<{ doesAppHaveSharePermission: boolean } | null>((done) => {
          teams.meeting.getAppContentStageSharingCapabilities(done);
        })
      )?.doesAppHaveSharePermission === true,
    share: async (url) => {
      await settled<boolean | null>((done) => {
        teams.meeting.shareAppContentToStage(done, url);
      });
    },
  },
});

/**
 * Connects to Teams when the page is hosted by it; resolves null in a plain browser, or when
 * Teams does not answer within the timeout (so the loading state never hangs).
 */
export const connectTeams = async (win: Window, timeoutMs = 2500): Promise<TeamsHost | null> => {
  if (!mightBeInTeams(win)) return null;
  // Loaded on demand so the plain-browser first page does not carry the library.
  const teams = await import('@microsoft/teams-js');
  const started = await withTimeout(teams.app.initialize(), timeoutMs);
  if (started === 'timeout') return null;
  const host = hostOver(teams, contextOf(await teams.app.getContext()));
  openSubPage(win, host.context.subPageId);
  await teams.app.notifySuccess();
  return host;
};

/**
 * Plain browser: `?theme=dark|contrast` picks the theme, the browser's language the locale, and
 * `?frameContext=sidePanel&chatId=…` previews a meeting's side panel during local development
 * (the server still decides, from the signed-in person, what the panel shows).
 */
export const browserContext = (win: Window): HostContext => {
  const query = new URL(win.location.href).searchParams;
  const frameContext = query.get('frameContext');
  const chatId = query.get('chatId');
  return {
    inTeams: false,
    theme: normaliseTheme(query.get('theme')),
    locale: win.navigator.language || 'en-GB',
    ...(frameContext === 'sidePanel' || frameContext === 'meetingStage' ? { frameContext } : {}),
    ...(chatId === null || chatId === '' ? {} : { chatId }),
  };
};

/** A one-to-one chat with the bot; the bot's Microsoft App ID is its chat identity. */
export const botChatLink = (botAppId: string, message?: string): string => {
  const url = new URL('https://teams.microsoft.com/l/chat/0/0');
  url.searchParams.set('users', `28:${botAppId}`);
  if (message !== undefined) url.searchParams.set('message', message);
  return url.toString();
};

export const openBotChat = async (host: TeamsHost | null, win: Window, botAppId: string): Promise<void> => {
  const link = botChatLink(botAppId);
  if (host) {
    await host.openLink(link);
    return;
  }
  win.open(link, '_blank', 'noopener');
};
