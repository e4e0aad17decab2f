import type { IsoDateTime } from './dates.ts';

/**
 * `2026-12-12T10:00:00Z` → "12 Dec, 10:00": how every surface says when a conversation is booked,
 * in the given zone (the organisation's, or the reader's own).
 */
export const bookedTime = (instant: IsoDateTime, timeZone: string): string => {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
};
