import { decidePayStep, getPayStep, recordPayStepFacts } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** The pay-step decision and the facts People Services enter (003 §5.8). */
export const registerPayStepRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'payStep.get', async (r) => {
    const view = await getPayStep(r.deps, r.caller, r.params.personId);
    return { body: view, etag: view.etag };
  });
  registerApiRoute(server, api, 'payStep.facts', async (r) => {
    await recordPayStepFacts(r.deps, r.caller, r.params.personId, r.ifMatch, r.body);
    const view = await getPayStep(r.deps, r.caller, r.params.personId);
    return { body: view, etag: view.etag };
  });
  registerApiRoute(server, api, 'payStep.decide', async (r) => {
    await decidePayStep(r.deps, r.caller, r.params.personId, r.ifMatch, r.body);
    const view = await getPayStep(r.deps, r.caller, r.params.personId);
    return { body: view, etag: view.etag };
  });
};
