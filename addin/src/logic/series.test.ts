import { describe, expect, it } from 'vitest';
import { createApiClient, EXISTING_BOOKING, seriesUntilByDefault, type ApiClient } from '@pc/core/api';
import { bookingAttempts } from './booking.ts';
import { bookSeries, checkUntil, planWords, seriesProblem, type SeriesPlan } from './series.ts';

/** The shared client over canned replies, one a call, recording the Idempotency-Key each call sent. */
const replying = (replies: readonly { status: number; body: unknown }[], keys: (string | null)[]): ApiClient => {
  let n = 0;
  return createApiClient({
    baseUrl: '',
    getToken: () => Promise.resolve('token-1'),
    fetch: (_url, init) => {
      keys.push(new Headers(init.headers).get('idempotency-key'));
      const reply = replies[Math.min(n, replies.length - 1)];
      n += 1;
      return Promise.resolve(
        new Response(JSON.stringify(reply?.body), {
          status: reply?.status ?? 500,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
    sleep: () => Promise.resolve(),
  });
};

const plan: SeriesPlan = {
  every: 'every month on the first Tuesday',
  until: '2027-10-31',
  occurrences: [
    { date: '2027-05-04', start: '2027-05-04T09:00:00.000Z', end: '2027-05-04T10:00:00.000Z' },
    { date: '2027-06-01', start: '2027-06-01T09:00:00.000Z', end: '2027-06-01T10:00:00.000Z' },
  ],
  skipped: [
    { date: '2027-07-06', why: 'big-picture', reason: 'Not needed: July holds the Big Picture conversation (004).' },
    { date: '2027-08-03', why: 'bank-holiday', reason: 'Tuesday 3 August 2027 is a bank holiday.' },
  ],
};
const intent = {
  employeeId: 'p21',
  start: '2027-05-04T09:00:00.000Z',
  end: '2027-05-04T10:00:00.000Z',
  until: '2027-10-31',
};
const booked = { ...plan, subject: 'Regular conversation', booked: [] };

describe('a series of Regular conversations in the pane (004 Regular)', () => {
  it('offers the end of the sixth month after the first meeting, and refuses an end before it', () => {
    expect(seriesUntilByDefault('2027-05-04T09:00:00.000Z')).toBe('2027-11-30');
    expect(seriesUntilByDefault('2027-08-31T09:00:00.000Z')).toBe('2028-02-29');
    expect(checkUntil('', intent.start)).toBe('Choose the last day the series may run to.');
    expect(checkUntil('2027-05-04', intent.start)).toBe('The series must end after its first meeting.');
    expect(checkUntil('2027-05-05', intent.start)).toBeUndefined();
  });

  it('lists every planned meeting, and every day left out with the reason the server gave', () => {
    const words = planWords(plan, 'Europe/London');
    expect(words.heading).toBe('Repeats every month on the first Tuesday until 31 October 2027: 2 conversations.');
    expect(words.dates).toEqual(['Tue 4 May, 10:00 to 11:00', 'Tue 1 June, 10:00 to 11:00']);
    expect(words.leftOut).toEqual([
      '6 July 2027 is left out: Not needed: July holds the Big Picture conversation (004).',
      '3 August 2027 is left out: Tuesday 3 August 2027 is a bank holiday.',
    ]);
  });

  it('pressing Book again after a failure sends the same key, so the server makes one series', async () => {
    const keys: (string | null)[] = [];
    const api = replying(
      [
        { status: 400, body: { error: { code: 'validation', message: 'Try again.' } } },
        { status: 201, body: booked },
      ],
      keys,
    );
    const attempts = bookingAttempts();
    await expect(bookSeries(api, attempts, intent, [])).rejects.toThrow('Try again.');
    await expect(bookSeries(api, attempts, intent, ['Training'])).resolves.toMatchObject({ subject: booked.subject });
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBeNull();
    expect(keys[1]).toBe(keys[0]);
    // Booked: the next series the person means is a new one.
    await bookSeries(api, attempts, intent, []);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('a refusal keeps the server’s sentence and leaves out the clashing record’s id', async () => {
    const api = replying(
      [
        {
          status: 400,
          body: {
            error: {
              code: 'validation',
              message: 'Joe’s Regular conversation this month is already booked for 4 May 2027.',
              details: [{ path: EXISTING_BOOKING, message: 'record-123' }],
            },
          },
        },
      ],
      [],
    );
    const error = await bookSeries(api, bookingAttempts(), intent, []).catch((e: unknown) => e);
    const text = seriesProblem(error, 'booking');
    expect(text).toBe(
      'The series is not booked. Joe’s Regular conversation this month is already booked for 4 May 2027.',
    );
    const reused = await bookSeries(
      replying(
        [{ status: 409, body: { error: { code: 'conflict', message: 'That key was used at another time.' } } }],
        [],
      ),
      bookingAttempts(),
      intent,
      [],
    ).catch((e: unknown) => e);
    expect(seriesProblem(reused, 'booking')).toBe(
      'The series is not booked. Someone changed this booking a moment ago. Reload it and try again.',
    );
    expect(seriesProblem(new Error('boom'), 'planning')).toMatch(/^The dates could not be worked out\. .*try again/i);
  });
});
