import { AppError } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { createRequestLimiter, perInstance } from './rate-limits.ts';

const refusal = async (attempt: Promise<void>): Promise<AppError> => {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('request limits (#17.8)', () => {
  it('splits each budget between the instances, never below one request a second', () => {
    expect(perInstance(20, 1)).toBe(20);
    expect(perInstance(20, 3)).toBe(6);
    expect(perInstance(2, 5)).toBe(1);
  });

  it('refuses a user over their budget with the seconds to wait, and leaves a colleague alone', async () => {
    const limits = createRequestLimiter({ userPerSecond: 3, tenantPerSecond: 100, instances: 1 });
    const me = { tenantId: 't1', userId: 'u1' };
    for (let i = 0; i < 3; i += 1) await limits.admit(me);
    const error = await refusal(limits.admit(me));
    expect(error.code).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    await limits.admit({ tenantId: 't1', userId: 'u2' });
    // The same user id in another tenant is another person.
    await limits.admit({ tenantId: 't2', userId: 'u1' });
  });

  it("shares a tenant's budget between its users; a refused user does not spend it", async () => {
    const limits = createRequestLimiter({ userPerSecond: 2, tenantPerSecond: 4, instances: 1 });
    const user = (userId: string) => ({ tenantId: 't1', userId });
    await limits.admit(user('a'));
    await limits.admit(user('a'));
    expect((await refusal(limits.admit(user('a')))).message).toMatch(/from you/);
    await limits.admit(user('b'));
    await limits.admit(user('b'));
    expect((await refusal(limits.admit(user('c')))).message).toMatch(/your organisation/);
    await limits.admit({ tenantId: 't2', userId: 'c' });
  });
});
