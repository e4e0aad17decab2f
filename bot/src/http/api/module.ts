import { buildOpenApi } from '@pc/core/api';
import { createTokenValidator, type TokenValidator } from '../../auth/index.ts';
import type { AppConfig } from '../../config.ts';
import type { AppModule, AppModuleContext } from '../../module.ts';
import { createRequestLimiter } from '../rate-limits.ts';
import { route } from '../route.ts';
import { registerAdminRoutes } from './admin.ts';
import { registerAppealRoutes } from './appeals.ts';
import { registerBookingRoutes } from './bookings.ts';
import { registerConversationRoutes } from './conversations.ts';
import { registerExportRoutes } from './exports.ts';
import { registerMeetingRoutes } from './meetings.ts';
import { registerMeetingDeckRoutes } from './meeting-deck.ts';
import { registerNudgeSettingsRoutes } from './nudge-settings.ts';
import { registerObjectiveRoutes } from './objectives.ts';
import { registerOrganisationRoutes } from './organisation.ts';
import { registerPeopleRoutes } from './people.ts';
import { registerRatingRoutes } from './ratings.ts';
import { registerPayStepRoutes } from './pay-step.ts';
import { registerRetentionRoutes } from './retention.ts';
import { registerHomeRoutes } from './home.ts';
import type { ApiContext } from './register.ts';
import { registerTeamRoutes } from './team.ts';
import { agendaLinkFor } from '../../tab-links.ts';

export interface ApiModuleOptions {
  /** Defaults to Entra tokens from the configured authority, audiences and tenants. */
  readonly tokens?: TokenValidator;
}

export const tokenValidatorFor = (config: AppConfig): TokenValidator => {
  const host = config.auth.authorityHost.replace(/\/+$/, '');
  return createTokenValidator({
    issuerBaseUrl: host,
    jwksUri: `${host}/discovery/v2.0/keys`,
    audiences: config.auth.audiences,
    allowedTenants: config.auth.allowedTenants,
    requiredScope: config.auth.apiScope,
    allowedClients: config.auth.allowedClients,
  });
};

/** The REST API under /api/v1 for the tab and the add-in, and its OpenAPI document. */
export const createApiModule = (options: ApiModuleOptions = {}): AppModule => ({
  name: 'api',
  register: ({ server, config, services, version }: AppModuleContext) => {
    const api: ApiContext = {
      deps: services.deps,
      tokens: options.tokens ?? tokenValidatorFor(config),
      agendaLink: agendaLinkFor(config),
      ...(config.rateLimits.enabled ? { limits: createRequestLimiter(config.rateLimits) } : {}),
    };
    const document = buildOpenApi(version);
    route(server, {
      method: 'get',
      path: '/api/v1/openapi.json',
      handler: () => Promise.resolve({ status: 200, body: document }),
    });
    registerPeopleRoutes(server, api);
    registerHomeRoutes(server, api);
    registerObjectiveRoutes(server, api);
    registerConversationRoutes(server, api);
    registerBookingRoutes(server, api);
    registerTeamRoutes(server, api);
    registerExportRoutes(server, api);
    registerAppealRoutes(server, api);
    registerRatingRoutes(server, api);
    registerPayStepRoutes(server, api);
    registerRetentionRoutes(server, api);
    registerAdminRoutes(server, api);
    registerOrganisationRoutes(server, api);
    registerMeetingRoutes(server, api);
    registerMeetingDeckRoutes(server, api);
    registerNudgeSettingsRoutes(server, api);
  },
});
