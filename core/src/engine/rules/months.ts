import type { ConversationTypeId } from '../../domain/conversations.ts';
import type { Employee } from '../../domain/people.ts';
import type { SchemePack } from '../../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../../time/dates.ts';

/** Whole months from `a` to `b` (both `YYYY-MM…`). */
export const monthsBetween = (a: string, b: string): number =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

export const firstOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;
export const lastOfMonth = (date: IsoDate): IsoDate => addDays(addMonths(firstOfMonth(date), 1), -1);

/**
 * 004 Big Picture months: every N months counted from the colleague's start month, the first one
 * N months after it. Anchoring on each person's start spreads a team's Big Picture conversations.
 */
export const isEveryNthMonth = (startDate: IsoDate, month: IsoDate, every: number): boolean => {
  const n = monthsBetween(startDate, month);
  return n > 0 && n % every === 0;
};

/** A predicate telling whether a month belongs to another conversation type (004: Big Picture suppresses Regular). */
export const monthsOwnedBy = (
  pack: SchemePack,
  type: ConversationTypeId | undefined,
  employee: Employee,
): ((month: IsoDate) => boolean) => {
  const cadence = pack.conversations.find((c) => c.type === type)?.cadence;
  if (cadence?.kind !== 'every-n-months') return () => false;
  return (month) => isEveryNthMonth(employee.startDate, month, cadence.months);
};
