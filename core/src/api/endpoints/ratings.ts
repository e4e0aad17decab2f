import * as conv from '../conversations.ts';
import * as review from '../rating-review.ts';
import type { RouteDef } from '../route.ts';
import { base, person } from './paths.ts';

export const reviewGet = {
  method: 'GET',
  path: `${base}/me/rating-review`,
  tag: 'ratings',
  summary:
    "The grandparent's consistency check: each manager's rating recommendations, their spread and outliers (002)",
  response: review.ratingReviewView,
} satisfies RouteDef;

export const reviewPost = {
  method: 'POST',
  path: `${person}/conversations/:conversationId/rating-review`,
  tag: 'ratings',
  summary: 'Agree a recommendation, completing Step 3 and releasing it, or return it to the manager (002)',
  params: conv.conversationParams,
  body: review.ratingReviewInput,
  response: review.ratingReviewResult,
  ifMatch: true,
} satisfies RouteDef;
