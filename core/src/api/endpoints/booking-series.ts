import * as series from '../booking-series.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

export const plan = {
  method: 'POST',
  path: `${base}/bookings/series/plan`,
  tag: 'bookings',
  summary: 'The days a series of Regular conversations would hold, and those it leaves out and why',
  body: series.bookingSeriesInput,
  response: series.bookingSeriesPlan,
} satisfies RouteDef;

export const create = {
  method: 'POST',
  path: `${base}/bookings/series`,
  tag: 'bookings',
  summary: 'Book Regular conversations as one Outlook series, leaving out Big Picture months',
  body: series.bookingSeriesInput,
  response: series.bookingSeriesResult,
  status: 201,
} satisfies RouteDef;
