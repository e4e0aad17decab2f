import * as booking from '../bookings.ts';
import type { RouteDef } from '../route.ts';
import { base, ok, person } from './paths.ts';

export const suggest = {
  method: 'POST',
  path: `${base}/bookings/suggest`,
  tag: 'bookings',
  summary: 'Suggested times over both calendars',
  body: booking.suggestTimesInput,
  response: booking.suggestTimesResult,
} satisfies RouteDef;

export const create = {
  method: 'POST',
  path: `${base}/bookings`,
  tag: 'bookings',
  summary: 'Book a conversation into both calendars with a Teams meeting',
  body: booking.bookingInput,
  response: booking.bookingResult,
  status: 201,
} satisfies RouteDef;

export const bulk = {
  method: 'POST',
  path: `${base}/bookings/bulk`,
  tag: 'bookings',
  summary: "Book a team's round over chosen days",
  body: booking.bulkBookingInput,
  response: booking.bulkBookingResult,
  status: 201,
} satisfies RouteDef;

export const reschedule = {
  method: 'PATCH',
  path: `${person}/bookings/:conversationId`,
  tag: 'bookings',
  summary: 'Move a booked conversation',
  params: booking.bookingParams,
  body: booking.rescheduleInput,
  response: booking.bookingResult,
  ifMatch: true,
} satisfies RouteDef;

export const cancel = {
  method: 'DELETE',
  path: `${person}/bookings/:conversationId`,
  tag: 'bookings',
  summary: 'Cancel a booked conversation',
  params: booking.bookingParams,
  response: ok,
  ifMatch: true,
} satisfies RouteDef;
