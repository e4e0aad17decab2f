import { z } from 'zod';
import { id, isoDate, isoDateTime, shortText } from './primitives.ts';

/** A series of Regular conversations: the first meeting sets the weekday and time of every other. */
export const bookingSeriesInput = z.object({
  employeeId: id,
  start: isoDateTime,
  end: isoDateTime,
  /** The last day a meeting may fall on. */
  until: isoDate,
  subject: shortText(255).optional(),
  agenda: z.array(shortText(500)).max(30).default([]),
});
export type BookingSeriesInput = z.infer<typeof bookingSeriesInput>;

const meeting = z.object({ date: isoDate, start: isoDateTime, end: isoDateTime });
const skipped = z.object({ date: isoDate, why: z.enum(['big-picture', 'bank-holiday']), reason: z.string() });

export const bookingSeriesPlan = z.object({
  every: z.string(),
  until: isoDate,
  occurrences: z.array(meeting),
  skipped: z.array(skipped),
});

export const bookingSeriesResult = bookingSeriesPlan.extend({
  subject: z.string(),
  booked: z.array(meeting.extend({ conversationId: z.string() })),
});
