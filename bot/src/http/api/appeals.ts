import {
  acknowledgeAppeal,
  advanceDisagreement,
  agreeAppealExtension,
  decideAppeal,
  getAppeal,
  listAppeals,
  listDisagreements,
  lodgeAppealCase,
  proposeAppealExtension,
  recordAppealHearing,
  type AppealView,
} from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

const reply = (view: AppealView) => ({ body: view, etag: view.etag });
const flag = (value: 'true' | 'false' | undefined): boolean | undefined =>
  value === undefined ? undefined : value === 'true';

/** Appeals (002 Appendix 6, 003 §5.10) and HR's disagreement cases (004). */
export const registerAppealRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'appeals.list', async (r) => ({
    body: { items: await listAppeals(r.deps, r.caller, { open: flag(r.query.open) }) },
  }));
  registerApiRoute(server, api, 'appeals.lodge', async (r) => {
    const { personId, conversationId, ...input } = r.body;
    const { appeal } = await lodgeAppealCase(r.deps, r.caller, personId, conversationId, input);
    return reply(await getAppeal(r.deps, r.caller, appeal.item.id));
  });
  registerApiRoute(server, api, 'appeals.get', async (r) =>
    reply(await getAppeal(r.deps, r.caller, r.params.appealId)),
  );
  registerApiRoute(server, api, 'appeals.acknowledge', async (r) =>
    reply(await acknowledgeAppeal(r.deps, r.caller, r.params.appealId, r.ifMatch)),
  );
  registerApiRoute(server, api, 'appeals.hearing', async (r) =>
    reply(await recordAppealHearing(r.deps, r.caller, r.params.appealId, r.body, r.ifMatch)),
  );
  registerApiRoute(server, api, 'appeals.decide', async (r) =>
    reply(await decideAppeal(r.deps, r.caller, r.params.appealId, r.body, r.ifMatch)),
  );
  registerApiRoute(server, api, 'appeals.proposeExtension', async (r) =>
    reply(await proposeAppealExtension(r.deps, r.caller, r.params.appealId, r.body, r.ifMatch)),
  );
  registerApiRoute(server, api, 'appeals.agreeExtension', async (r) =>
    reply(await agreeAppealExtension(r.deps, r.caller, r.params.appealId, r.params.extensionId, r.ifMatch)),
  );
  registerApiRoute(server, api, 'disagreements.list', async (r) => ({
    body: { items: await listDisagreements(r.deps, r.caller, { open: flag(r.query.open) }) },
  }));
  registerApiRoute(server, api, 'disagreements.step', async (r) => {
    const view = await advanceDisagreement(r.deps, r.caller, r.params.disagreementId, r.body.step, r.ifMatch);
    return { body: view, etag: view.etag };
  });
};
