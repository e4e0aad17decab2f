import { z } from 'zod';
import { conversationType, id, isoDate, isoDateTime, shortText } from './primitives.ts';

export { bookedTime } from '../time/booked-time.ts';

/**
 * The end a series of Regular conversations is offered with, until the person chooses another: the
 * last day of the sixth month after the month of its first meeting (UTC), as the tab and the
 * Outlook add-in both offer it.
 */
export const seriesUntilByDefault = (firstStart: string): string => {
  const first = new Date(firstStart);
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 7, 0)).toISOString().slice(0, 10);
};

/** The detail path under which a refused second booking names the one already made (its id). */
export const EXISTING_BOOKING = 'existingConversationId';

export const suggestTimesInput = z
  .object({
    employeeId: id,
    type: conversationType.exclude(['in-the-moment']),
    from: isoDate,
    to: isoDate,
    durationMinutes: z.number().int().min(15).max(240).default(60),
  })
  .refine((v) => v.from <= v.to, { message: 'The range must end on or after its start.', path: ['to'] });

export const slot = z.object({ start: isoDateTime, end: isoDateTime, confidence: z.number().min(0).max(100) });
export const suggestTimesResult = z.object({ slots: z.array(slot), explanation: z.string().optional() });

export const bookingInput = z.object({
  employeeId: id,
  type: conversationType.exclude(['in-the-moment']),
  start: isoDateTime,
  end: isoDateTime,
  subject: shortText(255).optional(),
  /** Extra agenda lines typed by the organiser; carried-over items and feedback are added by the server. */
  agenda: z.array(shortText(500)).max(30).default([]),
  jobIds: z.array(id).max(4).optional(),
});
export type BookingInput = z.infer<typeof bookingInput>;

export const rescheduleInput = z.object({ start: isoDateTime, end: isoDateTime });

export const bulkBookingInput = z.object({
  type: conversationType.exclude(['in-the-moment']),
  employeeIds: z.array(id).min(1).max(60),
  days: z.array(isoDate).min(1).max(20),
  dayStart: z.string().regex(/^\d{2}:\d{2}$/, 'Use HH:MM.'),
  dayEnd: z.string().regex(/^\d{2}:\d{2}$/, 'Use HH:MM.'),
  durationMinutes: z.number().int().min(15).max(240).default(60),
  gapMinutes: z.number().int().min(0).max(60).default(15),
});

export const bookingResult = z.object({
  conversationId: z.string(),
  etag: z.string(),
  start: isoDateTime,
  end: isoDateTime,
  onlineMeetingUrl: z.string().optional(),
  subject: z.string(),
  bodyHtml: z.string(),
});
export const bulkBookingResult = z.object({
  booked: z.array(bookingResult.extend({ employeeId: z.string() })),
  notBooked: z.array(z.object({ employeeId: z.string(), reason: z.string() })),
});
export const bookingParams = z.object({ conversationId: id, personId: id });
