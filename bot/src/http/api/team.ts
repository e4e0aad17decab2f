import {
  getCompliance,
  getTeamThemes,
  listFeedback,
  logFeedback,
  pairWellbeing,
  putTeamThemes,
  recordHandover,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

const optionalIfMatch = (value: string): string | undefined => (value === '' ? undefined : value);

export const registerTeamRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'feedback.create', async (r) => {
    const { entry, addedToAgenda, agenda } = await logFeedback(r.deps, r.caller, r.body, r.idempotencyKey);
    return { body: { ...entry.item, addedToAgenda, agenda } };
  });
  registerApiRoute(server, api, 'feedback.list', async (r) => ({
    body: await listFeedback(r.deps, r.caller, r.params.personId, r.query),
  }));
  registerApiRoute(server, api, 'team.themes.get', async (r) => {
    const stored = await getTeamThemes(r.deps, r.caller, r.params.personId);
    return stored === null ? { body: null } : { body: { ...stored.item, etag: stored.etag }, etag: stored.etag };
  });
  // Without If-Match the first version is created; with it, an update that must be current.
  registerApiRoute(server, api, 'team.themes.put', async (r) => {
    const stored = await putTeamThemes(r.deps, r.caller, r.params.personId, r.body, optionalIfMatch(r.ifMatch));
    return { body: { ...stored.item, etag: stored.etag }, etag: stored.etag };
  });
  registerApiRoute(server, api, 'person.wellbeing', async (r) => ({
    body: (await pairWellbeing(r.deps, r.caller, r.params.personId)) ?? null,
  }));
  registerApiRoute(server, api, 'team.compliance', async (r) => ({
    body: await getCompliance(r.deps, r.caller, r.params.personId, r.query.on, r.query),
  }));
  registerApiRoute(server, api, 'person.handover', async (r) => {
    await recordHandover(r.deps, r.caller, r.params.personId, r.body);
    return { body: { ok: true } };
  });
};
