import type { Offset } from '../../scheme/types.ts';
import { addDays, addMonths, daysBetween, type IsoDate } from '../../time/dates.ts';
import { plural } from '../words.ts';
import { monthsBetween } from './months.ts';

export const addOffset = (date: IsoDate, offset: Offset): IsoDate =>
  'weeks' in offset ? addDays(date, offset.weeks * 7) : addMonths(date, offset.months);

export const describeOffset = (offset: Offset): string =>
  'weeks' in offset ? plural(offset.weeks, 'week') : plural(offset.months, 'month');

/**
 * The due date a held conversation answered on a rolling clock: the one outstanding when it was
 * held, unless later cycles had opened their window by then with nothing held in between — those
 * were missed, and it answers the latest of them (as a late conversation in the calendar-driven
 * rules completes its cycle only until the next window opens). So a completed item never carries a
 * due date more than a cycle before the conversation, however far back the previous record on file
 * (or the start date) lies. Computed in one step, not cycle by cycle.
 */
export const answeredDue = (outstanding: IsoDate, held: IsoDate, every: Offset, windowDays: number): IsoDate => {
  const reach = addDays(held, windowDays);
  if (reach < outstanding) return outstanding;
  if ('weeks' in every) {
    const days = every.weeks * 7;
    return addDays(outstanding, Math.floor(daysBetween(outstanding, reach) / days) * days);
  }
  const whole = Math.floor(monthsBetween(outstanding, reach) / every.months) * every.months;
  const candidate = addMonths(outstanding, whole);
  return candidate <= reach ? candidate : addMonths(outstanding, whole - every.months);
};
