import { getRatingReview, reviewRating } from '@pc/core/usecases';
import type { Server } from 'restify';
import { registerApiRoute, type ApiContext } from './register.ts';

/** The grandparent's consistency check and Step 3 (002). */
export const registerRatingRoutes = (server: Server, api: ApiContext): void => {
  registerApiRoute(server, api, 'ratings.review.get', async (r) => ({ body: await getRatingReview(r.deps, r.caller) }));
  registerApiRoute(server, api, 'ratings.review.post', async (r) => {
    const { personId, conversationId } = r.params;
    const stored = await reviewRating(r.deps, r.caller, personId, conversationId, r.ifMatch, r.body);
    const state = stored.item.rating?.releasedToEmployeeAt === undefined ? 'returned' : 'released';
    return { body: { state, etag: stored.etag }, etag: stored.etag };
  });
};
