import { describe, expect, it } from 'vitest';
import { createApiClient, EXISTING_BOOKING, type ApiClient } from '@pc/core/api';
import { explain } from './explain.ts';

/** The shared client over a canned reply, so the pane explains exactly what the client throws. */
const answering = (status: number, body: unknown, calls: { count: number }): ApiClient =>
  createApiClient({
    baseUrl: '',
    getToken: () => Promise.resolve('token-1'),
    fetch: () => {
      calls.count += 1;
      return Promise.resolve(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
        }),
      );
    },
    sleep: () => Promise.resolve(),
  });

describe('what the pane says when a call fails', () => {
  it('a refusal means the person is not one of mine', async () => {
    const calls = { count: 0 };
    const error = await answering(403, { error: { code: 'forbidden', message: 'Not your report.' } }, calls)
      .call('me.team')
      .catch((e: unknown) => e);
    expect(explain(error, 'loading').situation).toBe('no-relationship');
  });

  it('after the retries run out it passes on why and says how often it tried', async () => {
    const calls = { count: 0 };
    const error = await answering(
      429,
      { error: { code: 'throttled', message: 'Microsoft Graph asked us to slow down.' } },
      calls,
    )
      .call('bookings.suggest', {
        body: { employeeId: 'p1', type: 'big-picture', from: '2026-03-01', to: '2026-03-14' },
      })
      .catch((e: unknown) => e);
    const told = explain(error, 'finding times');
    expect(calls.count).toBe(4);
    expect(told.situation).toBe('throttled');
    expect(told.message).toMatch(/slow down.*tried 4 times.*try again/);
  });

  it('a booking refused for a clash says so in words, without the clashing record’s id', async () => {
    const error = await answering(
      400,
      {
        error: {
          code: 'validation',
          message: 'Joe’s Regular conversation this month is already booked for 4 May 2027.',
          details: [{ path: EXISTING_BOOKING, message: 'record-123' }],
        },
      },
      { count: 0 },
    )
      .call('me.get')
      .catch((e: unknown) => e);
    expect(explain(error, 'booking')).toEqual({
      situation: 'invalid',
      message: 'Joe’s Regular conversation this month is already booked for 4 May 2027.',
    });
  });

  it('a reply the add-in cannot read is a failure with its own words, not a crash', async () => {
    const calls = { count: 0 };
    const error = await answering(200, { nonsense: true }, calls)
      .call('me.get')
      .catch((e: unknown) => e);
    expect(explain(error, 'loading')).toEqual({
      situation: 'failed',
      message: 'The service sent a reply we could not read.',
    });
  });
});
