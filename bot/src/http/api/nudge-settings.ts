import { getMyNudgeSettings, saveMyNudgeSettings } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** Each person's own settings page: read, and save against the version read (If-Match). */
export const registerNudgeSettingsRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'me.settings.get', async (r) => {
    const view = await getMyNudgeSettings(r.deps, r.caller);
    return { body: view, etag: view.etag };
  });
  registerApiRoute(server, api, 'me.settings.put', async (r) => {
    const view = await saveMyNudgeSettings(r.deps, r.caller, r.body, r.ifMatch);
    return { body: view, etag: view.etag };
  });
};
