/**
 * A series of Regular conversations booked from the pane (004 Regular: monthly, or as often as the
 * pair agreed): the plan the server returns, put into words, and the booking itself. No DOM here.
 */
import type { ApiClient, ResponseOf, Routes } from '@pc/core/api';
import type { BookingAttempts } from './booking.ts';
import { explain } from './explain.ts';
import { formatDate, formatSlot } from './labels.ts';

export type SeriesPlan = ResponseOf<Routes['bookings.series.plan']>;
export type SeriesBooked = ResponseOf<Routes['bookings.series.create']>;

/** What the person means: the report, the first meeting and the last day a meeting may fall on. */
export interface SeriesIntent {
  readonly employeeId: string;
  readonly start: string;
  readonly end: string;
  readonly until: string;
}

/** The end date as typed, or the sentence that says what is wrong with it. */
export const checkUntil = (until: string, firstStart: string): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return 'Choose the last day the series may run to.';
  if (until <= firstStart.slice(0, 10)) return 'The series must end after its first meeting.';
  return undefined;
};

export const planSeries = (api: ApiClient, intent: SeriesIntent): Promise<SeriesPlan> =>
  api.call('bookings.series.plan', { body: { ...intent, agenda: [] } });

/**
 * Books the series under one Idempotency-Key per intent: pressing Book again after an error or a
 * lost reply sends the same key, so the server finishes the series it started instead of a second.
 */
export const bookSeries = async (
  api: ApiClient,
  attempts: BookingAttempts,
  intent: SeriesIntent,
  agenda: readonly string[],
): Promise<SeriesBooked> => {
  const booked = await api.call('bookings.series.create', {
    idempotencyKey: attempts.keyFor({ series: intent }),
    body: { ...intent, agenda: [...agenda] },
  });
  attempts.done();
  return booked;
};

export interface PlanWords {
  readonly heading: string;
  readonly dates: readonly string[];
  /** Each day the pattern falls on that the series leaves out, with the server's reason. */
  readonly leftOut: readonly string[];
}

export const planWords = (plan: SeriesPlan, timeZone?: string): PlanWords => {
  const count = plan.occurrences.length;
  return {
    heading: `Repeats ${plan.every} until ${formatDate(plan.until)}: ${String(count)} conversation${count === 1 ? '' : 's'}.`,
    dates: plan.occurrences.map((o) => formatSlot(o.start, o.end, timeZone)),
    leftOut: plan.skipped.map((s) => `${formatDate(s.date)} is left out: ${s.reason}`),
  };
};

export const bookedWords = (booked: SeriesBooked): string =>
  `${String(booked.booked.length)} Regular conversations, ${booked.every}, are in both calendars as one Outlook series${
    booked.skipped.length === 0 ? '.' : `, leaving out ${booked.skipped.map((s) => formatDate(s.date)).join(', ')}.`
  }`;

/** Why the series was not planned or booked, in the server's words where they name the problem. */
export const seriesProblem = (error: unknown, step: 'planning' | 'booking'): string => {
  const lead = step === 'booking' ? 'The series is not booked.' : 'The dates could not be worked out.';
  return `${lead} ${explain(error, step === 'booking' ? 'booking the series' : 'planning the series').message}`;
};
