import {
  adminImportHr,
  adminSyncNow,
  adminSyncStatus,
  getTenantSettings,
  listRoleHolders,
  onboardingStatus,
  onboardOrganisation,
  tenantSettingsHistory,
  updateTenantSettings,
  type SyncStatusView,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import { parseHrCsv } from '../../cli/hr-csv.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

/** The sync state without its links and lease: what an administrator reads. */
const syncOut = ({ state, running, graphConfigured }: SyncStatusView) => ({
  running,
  graphConfigured,
  deltaStored: state?.deltaLink !== undefined,
  current: running ? (state?.current ?? null) : null,
  lastRun: state?.lastRun ?? null,
});

/**
 * Tenant administration: onboarding, settings (versioned, If-Match), directory sync, HR import,
 * roles. Administrators only, except asking whether one's organisation is set up.
 */
export const registerAdminRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'admin.settings.get', async (r) => {
    const view = await getTenantSettings(r.deps, r.caller);
    return { body: view, etag: view.etag };
  });
  registerApiRoute(server, api, 'admin.settings.put', async (r) => {
    const view = await updateTenantSettings(r.deps, r.caller, r.body, r.ifMatch);
    return { body: view, etag: view.etag };
  });
  registerApiRoute(server, api, 'admin.settings.history', async (r) => ({
    body: await tenantSettingsHistory(r.deps, r.caller, r.query),
  }));
  registerApiRoute(server, api, 'admin.sync.get', async (r) => ({
    body: syncOut(await adminSyncStatus(r.deps, r.caller)),
  }));
  registerApiRoute(server, api, 'admin.sync.run', async (r) => ({
    body: syncOut(await adminSyncNow(r.deps, r.caller)),
  }));
  registerApiRoute(server, api, 'admin.import', async (r) => {
    const file = parseHrCsv(r.body.csv, r.body.mapping ?? {}, 'The file');
    return { body: await adminImportHr(r.deps, r.caller, file, { dryRun: r.body.dryRun }) };
  });
  registerApiRoute(server, api, 'admin.roles', async (r) => ({
    body: { items: await listRoleHolders(r.deps, r.caller) },
  }));
  registerApiRoute(server, api, 'onboarding.get', async (r) => ({ body: await onboardingStatus(r.deps, r.caller) }));
  registerApiRoute(server, api, 'onboarding.create', async (r) => ({
    body: await onboardOrganisation(r.deps, r.caller, r.body),
  }));
};
