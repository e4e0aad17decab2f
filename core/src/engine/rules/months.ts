import { addMonths, daysInMonth, type IsoDate } from '../../time/dates.ts';
import { lastBefore } from '../history.ts';

/** Whole months from `a` to `b` (both `YYYY-MM…`). */
export const monthsBetween = (a: string, b: string): number =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

export const firstOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;
export const lastOfMonth = (date: IsoDate): IsoDate =>
  `${date.slice(0, 7)}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))))}`;

/**
 * 004 Big Picture: the month (first day) the next conversation is due as it stood at the start of
 * `month` — N months after the month of the last one held before it, or after the start month.
 * The pair's own conversations set the rhythm, so a late or early one moves the months after it.
 */
export const dueMonthAsOf = (done: readonly IsoDate[], start: IsoDate, every: number, month: IsoDate): IsoDate =>
  addMonths(firstOfMonth(lastBefore(done, firstOfMonth(month)) ?? start), every);

/** The month the next one is due after everything held so far. */
export const nextDueMonth = (done: readonly IsoDate[], start: IsoDate, every: number): IsoDate =>
  addMonths(firstOfMonth(done.at(-1) ?? start), every);

/**
 * The month a held conversation answered: the month due when it was held, unless later due months
 * had begun by then with nothing held — then the latest of those (see `answeredDue`).
 */
export const answeredMonth = (dueMonth: IsoDate, held: IsoDate, every: number): IsoDate => {
  const gap = monthsBetween(dueMonth, held);
  return gap < every ? dueMonth : addMonths(dueMonth, Math.floor(gap / every) * every);
};
