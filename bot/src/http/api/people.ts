import {
  colleaguesPage,
  findPeople,
  getDue,
  getPerson,
  getTeam,
  getTeamOf,
  listAudit,
  meAtSignIn,
  schemeAtSignIn,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import { schemeOut } from './mappers.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

export const registerPeopleRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'me.get', async (r) => ({ body: await meAtSignIn(r.deps, r.caller) }));
  registerApiRoute(server, api, 'scheme.get', async (r) => ({
    body: schemeOut(await schemeAtSignIn(r.deps, r.caller)),
  }));
  registerApiRoute(server, api, 'me.team', async (r) => ({
    body: await getTeam(r.deps, r.caller, r.query.on, r.query),
  }));
  registerApiRoute(server, api, 'person.team', async (r) => ({
    body: await getTeamOf(r.deps, r.caller, r.params.personId, r.query.on, r.query),
  }));
  registerApiRoute(server, api, 'person.get', async (r) => ({
    body: await getPerson(r.deps, r.caller, r.params.personId),
  }));
  registerApiRoute(server, api, 'person.due', async (r) => ({
    body: await getDue(r.deps, r.caller, r.params.personId, r.query.on),
  }));
  registerApiRoute(server, api, 'me.colleagues', async (r) => ({
    body: await colleaguesPage(r.deps, r.caller, r.query),
  }));
  registerApiRoute(server, api, 'people.search', async (r) => ({
    body: { items: await findPeople(r.deps, r.caller, r.query.q) },
  }));
  registerApiRoute(server, api, 'person.audit', async (r) => ({
    body: await listAudit(r.deps, r.caller, r.params.personId, r.query),
  }));
};
