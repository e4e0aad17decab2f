import { getHome } from '@pc/core/usecases';
import type { Server } from 'restify';
import { schemeOut } from './mappers.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

export const registerHomeRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'me.home', async (r) => {
    const home = await getHome(r.deps, r.caller);
    return { body: { ...home, scheme: schemeOut(home.scheme) } };
  });
};
