import { randomUUID } from 'node:crypto';
import type { Clock, ConversationReferenceStore, SendLeaseStore, SendQueueStore } from '@pc/core';
import type {
  ActivityFeed,
  CalendarWatchGateway,
  CalendarWatching,
  DirectorySource,
  HandoverRepository,
  TeamThemesRepository,
  UseCaseDeps,
} from '@pc/core/usecases';
import { createHash } from 'node:crypto';
import { calendarClientState } from './calendar-truth/client-state.ts';
import { createGraphWatch } from './calendar-truth/graph-watch.ts';
import { CALENDAR_LIFECYCLE_PATH, CALENDAR_NOTIFICATIONS_PATH } from './calendar-truth/module.ts';
import { createCalendarWatchStore } from './calendar-truth/store.ts';
import { createGraphCalendar } from './calendar/graph-calendar.ts';
import { appTokensFor } from './app-tokens.ts';
import type { AppConfig } from './config.ts';
import { createBotState, type KeyValueFactory } from './cosmos/bot-state.ts';
import { CosmosAppealRepository, CosmosDisagreementRepository } from './cosmos/appeal-repository.ts';
import { CachedDirectory, storeLookup } from './cosmos/cached-directory.ts';
import { CosmosDirectorySyncStore } from './cosmos/directory-sync-store.ts';
import { CosmosHandoverRepository } from './cosmos/handover-repository.ts';
import { CosmosRoleGrantStore } from './cosmos/role-grant-store.ts';
import { CosmosTenantSettingsStore } from './cosmos/tenant-settings-store.ts';
import { graphDirectory } from './directory-sync.ts';
import type { Store } from './cosmos/index.ts';
import { CosmosTeamThemesRepository } from './cosmos/team-themes-repository.ts';
import { createTeamDeckStore } from './cosmos/team-deck-store.ts';
import { teamDeckChatFor } from './teams/deck-card-updates.ts';
import { createMeetingLinkStore } from './cosmos/meeting-link-store.ts';
import { createMsGraphGateway, type GraphGateway } from './graph/index.ts';
import { createNoticeQueue } from './proactive/notice-queue.ts';
import { tabAddressOf } from './tab-links.ts';
import { createGraphActivityFeed } from './graph/activity-feed.ts';
import { cachedMeetingMembers, MEETING_MEMBERS_TTL_MS } from './graph/meeting-members.ts';
import { GRAPH_MAILBOX_CONCURRENCY, perInstanceLimit } from './graph/keyed-limiter.ts';

/** What tests and the local launcher may put in place of the adapters built from config. */
export interface CompositionOverrides {
  /** Defaults to Graph's activity feed when app tokens and TEAMS_APP_ID are configured. */
  readonly activityFeed?: ActivityFeed;
  readonly teamThemes?: TeamThemesRepository;
  readonly handovers?: HandoverRepository;
  /** Defaults to Graph over MSAL with the bot's app registration, when one is configured. */
  readonly graph?: GraphGateway;
  readonly newId?: () => string;
  /** Bot state (references, send queue, starters, nudge settings); defaults to the store's `keyValues`. */
  readonly keyValues?: KeyValueFactory;
  /** The directory an administrator's "sync now" reads; defaults to Graph's /users/delta when configured. */
  readonly directory?: DirectorySource;
  /** Graph change notifications on organisers' calendars; defaults to Graph when configured. */
  readonly calendarWatch?: CalendarWatchGateway;
  /** The address Graph reaches this server at; defaults to PUBLIC_BASE_URL (read when a subscription is made). */
  readonly publicBaseUrl?: () => string;
}

/** Everything the edges share, built once per process. */
export interface AppServices {
  /** The one set of use-case deps, for the bot and the API alike. */
  readonly deps: UseCaseDeps;
  /** Where the bot can reach each tenant and person later (Teams conversation references). */
  readonly references: ConversationReferenceStore;
  readonly sendQueue: SendQueueStore;
  /** One sender per tenant across instances (the proactive send lease). */
  readonly sendLeases: SendLeaseStore;
}

export const graphFor = (config: AppConfig): GraphGateway | undefined => {
  const tokens = appTokensFor(config);
  if (tokens === undefined) return undefined;
  return createMsGraphGateway({
    tokens,
    baseUrl: config.graph.baseUrl,
    // Outlook counts 4 per mailbox across all instances (APP_INSTANCE_COUNT); each keeps its share.
    maxConcurrentPerMailbox: perInstanceLimit(GRAPH_MAILBOX_CONCURRENCY, config.rateLimits.instances),
  });
};

/** "Sync now" answers within this; a longer round (a large organisation's first) goes on after it. */
const SYNC_NOW_ANSWER_MS = 20_000;

const adminServices = (
  config: AppConfig,
  keyValues: KeyValueFactory,
  directory: DirectorySource | undefined,
): NonNullable<UseCaseDeps['admin']> => ({
  settings: new CosmosTenantSettingsStore(keyValues),
  roleGrants: new CosmosRoleGrantStore(keyValues),
  syncState: new CosmosDirectorySyncStore(keyValues),
  ...(directory === undefined ? {} : { directory }),
  instanceId: `api-${randomUUID()}`,
  syncAnswerWithinMs: SYNC_NOW_ANSWER_MS,
  ...(config.bot.appId === undefined ? {} : { clientId: config.bot.appId }),
  authorityHost: config.auth.authorityHost,
});

/**
 * Calendar change notifications, when Graph is reachable with the app's own token. The clientState
 * key is derived from the app's secret, so every instance makes and checks the same one.
 */
const calendarWatchingFor = (
  config: AppConfig,
  keyValues: KeyValueFactory,
  overrides: CompositionOverrides,
): CalendarWatching | undefined => {
  const tokens = overrides.calendarWatch === undefined ? appTokensFor(config) : undefined;
  const gateway =
    overrides.calendarWatch ??
    (tokens === undefined
      ? undefined
      : createGraphWatch({ appToken: (t) => tokens.appToken(t), baseUrl: config.graph.baseUrl }));
  // Locally (LOCAL_DEV_FAKES) there is no app secret; the fake Graph is the only one posting.
  const secret = config.bot.appPassword ?? (config.localDevFakes ? 'local-dev-only' : undefined);
  if (gateway === undefined || secret === undefined) return undefined;
  const key = createHash('sha256').update(`calendar-notifications\n${secret}`).digest('base64url');
  const base = overrides.publicBaseUrl ?? (() => config.publicBaseUrl);
  return {
    gateway,
    store: createCalendarWatchStore(keyValues),
    get notificationUrl() {
      return `${base()}${CALENDAR_NOTIFICATIONS_PATH}`;
    },
    get lifecycleNotificationUrl() {
      return `${base()}${CALENDAR_LIFECYCLE_PATH}`;
    },
    ...calendarClientState(key),
  };
};

/** The Teams activity feed, when Graph app tokens and the Teams app's id are configured. */
const activityFeedFor = (config: AppConfig, overrides: CompositionOverrides): ActivityFeed | undefined => {
  const tokens = overrides.activityFeed === undefined ? appTokensFor(config) : undefined;
  const teamsAppId = config.activityFeed.teamsAppId;
  if (overrides.activityFeed !== undefined || tokens === undefined || teamsAppId === undefined) {
    return overrides.activityFeed;
  }
  return createGraphActivityFeed({ appToken: (t) => tokens.appToken(t), baseUrl: config.graph.baseUrl, teamsAppId });
};

/** The composition root: adapters behind core's ports, the clock, the directory and the calendar. */
export const composeServices = (
  config: AppConfig,
  store: Store,
  clock: Clock,
  overrides: CompositionOverrides = {},
): AppServices => {
  const keyValues: KeyValueFactory = overrides.keyValues ?? ((kind, partition) => store.keyValues(kind, partition));
  const state = createBotState(keyValues);
  const graph = overrides.graph ?? graphFor(config);
  const calendarWatching = calendarWatchingFor(config, keyValues, overrides);
  const activityFeed = activityFeedFor(config, overrides);
  const deps: UseCaseDeps = {
    repos: {
      tenants: store.tenants,
      employees: store.employees,
      conversations: store.conversations,
      objectives: store.objectives,
      feedback: store.feedback,
      audit: store.audit,
      teamThemes: overrides.teamThemes ?? new CosmosTeamThemesRepository(store),
      handovers: overrides.handovers ?? new CosmosHandoverRepository(store),
      starters: state.starters,
      nudges: state.nudges,
      teamDecks: createTeamDeckStore(keyValues, teamDeckChatFor(config, state.references)),
      meetings: createMeetingLinkStore(keyValues),
      appeals: new CosmosAppealRepository(store),
      disagreements: new CosmosDisagreementRepository(store),
      statusDigests: store.statusDigests,
    },
    clock,
    newId: overrides.newId ?? randomUUID,
    // Display only (names, choices offered): decisions read employee records afresh.
    people: new CachedDirectory(storeLookup(store.employees), { ttlMs: config.bot.directoryCacheSeconds * 1000 }),
    ...(graph === undefined ? {} : { calendarFor: createGraphCalendar(graph) }),
    ...(graph === undefined ? {} : { meetingMembers: cachedMeetingMembers(graph, { ttlMs: MEETING_MEMBERS_TTL_MS }) }),
    ...(calendarWatching === undefined ? {} : { calendarWatching }),
    ...(activityFeed === undefined ? {} : { activityFeed }),
    notices: createNoticeQueue(state.sendQueue, clock, tabAddressOf(config)),
    admin: adminServices(config, keyValues, overrides.directory ?? graphDirectory(config)),
  };
  return { deps, references: state.references, sendQueue: state.sendQueue, sendLeases: state.sendLeases };
};
