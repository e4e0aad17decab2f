import type { z } from 'zod';
import type { conversationType } from '@pc/core/api';

export type ConversationType = z.infer<typeof conversationType>;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2026-03-12 → "12 March 2026"; a calendar date has no zone, so it is read as UTC. */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** One slot in the user's own zone: "Tue 3 March, 10:00 to 11:00". */
export const formatSlot = (start: string, end: string, timeZone?: string): string => {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', timeZone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `${day.format(new Date(start))}, ${time.format(new Date(start))} to ${time.format(new Date(end))}`;
};
