import {
  agreeConversation,
  createConversation,
  disagreeConversation,
  getAppealWindow,
  getConversation,
  listConversationViews,
  lodgeAppeal,
  openWithExceptionalAccess,
  releaseRating,
  updateConversation,
  viewAfterWrite,
} from '@pc/core/usecases';
import { conversationFacts } from '@pc/core/permissions';
import type { Server } from 'restify';
import { viewOut, viewsOut } from './mappers.ts';
import { registerApiRoute, type ApiContext } from './register.ts';

export const registerConversationRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'conversations.list', async (r) => {
    const { type, ...page } = r.query;
    const found = await listConversationViews(r.deps, r.caller, r.params.personId, type ? { type } : {}, page);
    return { body: viewsOut(found) };
  });
  registerApiRoute(server, api, 'conversations.get', async (r) => {
    const found = await getConversation(r.deps, r.caller, r.params.personId, r.params.conversationId);
    return { body: viewOut(found), ...(found.view.kind === 'full' ? { etag: found.etag } : {}) };
  });
  registerApiRoute(server, api, 'conversations.create', async (r) => {
    const stored = await createConversation(r.deps, r.caller, r.params.personId, r.body);
    return { body: viewOut(await viewAfterWrite(r.deps, r.caller, stored)), etag: stored.etag };
  });
  registerApiRoute(server, api, 'conversations.update', async (r) => {
    const { personId, conversationId } = r.params;
    const stored = await updateConversation(r.deps, r.caller, personId, conversationId, r.body, r.ifMatch);
    return { body: viewOut(await viewAfterWrite(r.deps, r.caller, stored)), etag: stored.etag };
  });
  registerApiRoute(server, api, 'conversations.agree', async (r) => {
    const { personId, conversationId } = r.params;
    const agreed = await agreeConversation(r.deps, r.caller, personId, conversationId, r.ifMatch);
    return { body: viewOut(agreed), etag: agreed.etag };
  });
  registerApiRoute(server, api, 'conversations.releaseRating', async (r) => {
    const { personId, conversationId } = r.params;
    const stored = await releaseRating(r.deps, r.caller, personId, conversationId, r.ifMatch);
    // The releaser sits outside the pair: facts and the rating, never the notes.
    return {
      body: { kind: 'facts' as const, facts: conversationFacts(stored.item, stored.item.rating) },
      etag: stored.etag,
    };
  });
  registerApiRoute(server, api, 'conversations.disagree', async (r) => {
    const { personId, conversationId } = r.params;
    const found = await disagreeConversation(r.deps, r.caller, personId, conversationId, r.body.text, r.ifMatch);
    return { body: viewOut(found), etag: found.etag };
  });
  registerApiRoute(server, api, 'conversations.appealWindow', async (r) => ({
    body: await getAppealWindow(r.deps, r.caller, r.params.personId, r.params.conversationId),
  }));
  registerApiRoute(server, api, 'conversations.appeal', async (r) => {
    const { personId, conversationId } = r.params;
    const stored = await lodgeAppeal(r.deps, r.caller, personId, conversationId, r.body, r.ifMatch);
    return { body: viewOut(await viewAfterWrite(r.deps, r.caller, stored)), etag: stored.etag };
  });
  registerApiRoute(server, api, 'conversations.exceptionalAccess', async (r) => {
    const { personId, conversationId } = r.params;
    const found = await openWithExceptionalAccess(r.deps, r.caller, personId, conversationId, r.body);
    return { body: viewOut(found), etag: found.etag };
  });
};
