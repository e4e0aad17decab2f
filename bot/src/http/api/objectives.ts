import {
  checkSmartDraft,
  createObjective,
  getObjective,
  getScheme,
  listObjectives,
  loadActor,
  objectiveKindOf,
  packOf,
  updateObjective,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import { objectiveOut } from './mappers.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

export const registerObjectiveRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'objectives.list', async (r) => {
    const page = await listObjectives(r.deps, r.caller, r.params.personId, r.query);
    return { body: { ...page, items: page.items.map(objectiveOut) } };
  });
  registerApiRoute(server, api, 'objectives.get', async (r) => {
    const stored = await getObjective(r.deps, r.caller, r.params.personId, r.params.objectiveId);
    return { body: objectiveOut(stored), etag: stored.etag };
  });
  registerApiRoute(server, api, 'objectives.create', async (r) => {
    const kinds = objectiveKindOf(packOf((await loadActor(r.deps, r.caller)).tenant));
    const stored = await createObjective(r.deps, r.caller, r.params.personId, r.body, kinds);
    return { body: objectiveOut(stored), etag: stored.etag };
  });
  registerApiRoute(server, api, 'objectives.update', async (r) => {
    const kinds = objectiveKindOf(packOf((await loadActor(r.deps, r.caller)).tenant));
    const { personId, objectiveId } = r.params;
    const stored = await updateObjective(r.deps, r.caller, personId, objectiveId, r.body, r.ifMatch, kinds);
    return { body: objectiveOut(stored), etag: stored.etag };
  });
  registerApiRoute(server, api, 'objectives.smartCheck', async (r) => ({
    body: checkSmartDraft(await getScheme(r.deps, r.caller), r.body, r.deps.clock.today()),
  }));
};
