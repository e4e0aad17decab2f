import { AppError } from '@pc/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-user and per-tenant request budgets for the REST API, counted after the token is checked
 * (an unauthenticated caller cannot spend someone else's budget).
 *
 * Counters live in each instance's memory, with every budget divided by the number of instances:
 * App Service spreads requests over the instances without affinity (`clientAffinityEnabled: false`
 * in infra), so each sees about 1/N of a caller's traffic and the sum stays near the configured
 * figure. A shared counter in Cosmos would add a read and a conditional write to every API call,
 * doubling the store round trips of the busiest pages for a one-second window. A mis-set count
 * can only err one way: fewer instances than configured makes the limits stricter, never looser.
 */
export interface RateLimitSettings {
  /** Requests per second one user may make across all instances. */
  readonly userPerSecond: number;
  /** Requests per second all users of one tenant may make together across all instances. */
  readonly tenantPerSecond: number;
  /** Instances serving the API at most; each keeps 1/N of every budget. */
  readonly instances: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { userPerSecond: 20, tenantPerSecond: 200, instances: 1 };

export interface RequestLimiter {
  /** Counts one request; throws AppError 'throttled' with the seconds to wait when over a budget. */
  admit(caller: { readonly tenantId: string; readonly userId: string }): Promise<void>;
}

/** The share of a budget one instance may spend in a one-second window (at least one request). */
export const perInstance = (perSecond: number, instances: number): number =>
  Math.max(1, Math.floor(perSecond / Math.max(1, instances)));

const waitSeconds = (rejection: RateLimiterRes): number => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));

const throttled = (who: 'user' | 'tenant', rejection: RateLimiterRes): AppError => {
  const seconds = waitSeconds(rejection);
  const message =
    who === 'user'
      ? `Too many requests from you at once. Try again in ${String(seconds)} s.`
      : `Too many requests from your organisation at once. Try again in ${String(seconds)} s.`;
  return new AppError('throttled', message, { retryAfterSeconds: seconds });
};

/** A refusal from the limiter is its result object; anything else is a fault worth reporting. */
const consume = async (limiter: RateLimiterMemory, key: string, who: 'user' | 'tenant'): Promise<void> => {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw throttled(who, error);
    throw error;
  }
};

export const createRequestLimiter = (settings: RateLimitSettings): RequestLimiter => {
  const user = new RateLimiterMemory({
    keyPrefix: 'user',
    points: perInstance(settings.userPerSecond, settings.instances),
    duration: 1,
  });
  const tenant = new RateLimiterMemory({
    keyPrefix: 'tenant',
    points: perInstance(settings.tenantPerSecond, settings.instances),
    duration: 1,
  });
  return {
    admit: async ({ tenantId, userId }) => {
      // The user's own budget first: a refused user does not drain their colleagues' shared budget.
      await consume(user, `${tenantId}|${userId}`, 'user');
      await consume(tenant, tenantId, 'tenant');
    },
  };
};
