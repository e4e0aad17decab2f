import { auditTrail, organisationCompliance, organisationThemes } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** The organisation views for HR and senior managers (003 §8 compliance, 000 Team Themes). */
export const registerOrganisationRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'organisation.compliance', async (r) => ({
    body: await organisationCompliance(r.deps, r.caller, { unit: r.query.unit }),
  }));
  registerApiRoute(server, api, 'organisation.themes', async (r) => ({
    body: await organisationThemes(r.deps, r.caller),
  }));
  registerApiRoute(server, api, 'organisation.audit', async (r) => ({
    body: await auditTrail(r.deps, r.caller, r.query),
  }));
};
