import { archiveLeavers } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** Leavers' records archived to HR's keeping (003 §6.1). */
export const registerRetentionRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'retention.get', async (r) => ({
    body: await archiveLeavers(r.deps, r.caller, false),
  }));
  registerApiRoute(server, api, 'retention.archive', async (r) => ({ body: await archiveLeavers(r.deps, r.caller) }));
};
