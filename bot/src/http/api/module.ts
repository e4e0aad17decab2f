import { randomUUID } from 'node:crypto';
import { buildOpenApi } from '@pc/core/api';
import type { HandoverRepository, TeamThemesRepository, UseCaseDeps } from '@pc/core/usecases';
import type { AppModule, AppModuleContext } from '../../app.ts';
import { APP_VERSION } from '../../app.ts';
import { createTokenValidator, type TokenValidator } from '../../auth/index.ts';
import { createGraphCalendar } from '../../calendar/graph-calendar.ts';
import { CosmosHandoverRepository } from '../../cosmos/handover-repository.ts';
import { CosmosTeamThemesRepository } from '../../cosmos/team-themes-repository.ts';
import type { AppConfig } from '../../config.ts';
import { createMsalTokenSource, createMsGraphGateway, type GraphGateway } from '../../graph/index.ts';
import { route } from '../route.ts';
import { registerBookingRoutes } from './bookings.ts';
import { registerConversationRoutes } from './conversations.ts';
import { registerExportRoutes } from './exports.ts';
import { registerObjectiveRoutes } from './objectives.ts';
import { registerPeopleRoutes } from './people.ts';
import type { ApiContext } from './register.ts';
import { registerTeamRoutes } from './team.ts';

export interface ApiModuleOptions {
  /** Default to the Cosmos store's `state` container. */
  readonly teamThemes?: TeamThemesRepository;
  readonly handovers?: HandoverRepository;
  /** Defaults to Graph over MSAL with the bot's app registration, when one is configured. */
  readonly graph?: GraphGateway;
  /** Defaults to Entra tokens from the configured authority, audiences and tenants. */
  readonly tokens?: TokenValidator;
  readonly newId?: () => string;
}

export const tokenValidatorFor = (config: AppConfig): TokenValidator => {
  const host = config.auth.authorityHost.replace(/\/+$/, '');
  return createTokenValidator({
    issuerBaseUrl: host,
    jwksUri: `${host}/discovery/v2.0/keys`,
    audiences: config.auth.audiences,
    allowedTenants: config.auth.allowedTenants,
  });
};

const graphFor = (config: AppConfig): GraphGateway | undefined => {
  const { appId, appPassword } = config.bot;
  if (appId === undefined || appPassword === undefined) return undefined;
  const tokens = createMsalTokenSource({
    clientId: appId,
    clientSecret: appPassword,
    authority: config.auth.authorityHost,
  });
  return createMsGraphGateway({ tokens, baseUrl: config.graph.baseUrl });
};

/** The REST API under /api/v1 for the tab and the add-in, and its OpenAPI document. */
export const createApiModule = (options: ApiModuleOptions = {}): AppModule => ({
  name: 'api',
  register: (context: AppModuleContext) => {
    const { server, config, store, clock } = context;
    const graph = options.graph ?? graphFor(config);
    const deps: UseCaseDeps = {
      repos: {
        tenants: store.tenants,
        employees: store.employees,
        conversations: store.conversations,
        objectives: store.objectives,
        feedback: store.feedback,
        audit: store.audit,
        teamThemes: options.teamThemes ?? new CosmosTeamThemesRepository(store),
        handovers: options.handovers ?? new CosmosHandoverRepository(store),
      },
      clock,
      newId: options.newId ?? randomUUID,
      ...(graph === undefined ? {} : { calendarFor: createGraphCalendar(graph) }),
    };
    const api: ApiContext = { deps, tokens: options.tokens ?? tokenValidatorFor(config) };
    const document = buildOpenApi(APP_VERSION);
    route(server, {
      method: 'get',
      path: '/api/v1/openapi.json',
      handler: () => Promise.resolve({ status: 200, body: document }),
    });
    registerPeopleRoutes(server, api);
    registerObjectiveRoutes(server, api);
    registerConversationRoutes(server, api);
    registerBookingRoutes(server, api);
    registerTeamRoutes(server, api);
    registerExportRoutes(server, api);
  },
});
