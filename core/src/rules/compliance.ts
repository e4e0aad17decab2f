import type { ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import type { DueReport } from '../engine/types.ts';
import { addDays, addMonths, type IsoDate } from '../time/dates.ts';
import type { PayStepResult } from './pay-step.ts';

export interface ComplianceOptions {
  /** The period reported on, inclusive; see `quarterContaining`. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Types that count as reviews; the annual review by default (003 §8: Career Conversations). */
  readonly types?: readonly ConversationTypeId[];
  /** Pay-step decisions in the period; each deferral is counted (003 §8). */
  readonly payStep?: readonly PayStepResult[];
}

export interface OverdueReview {
  readonly employeeId: PersonId;
  readonly type: ConversationTypeId;
  readonly dueDate: IsoDate;
  readonly withIds: readonly PersonId[];
}

export interface TeamCompliance {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Reviews that fell due in the period and are now settled one way or another. */
  readonly reviewsDue: number;
  readonly completedOnTime: number;
  readonly completedLate: number;
  /** Null when nothing fell due in the period. */
  readonly percentOnTime: number | null;
  /** Every review overdue now, whenever it fell due. */
  readonly overdue: readonly OverdueReview[];
  readonly deferralCount: number;
}

/** The calendar quarter containing a date, as an inclusive range. */
export const quarterContaining = (date: IsoDate): { readonly from: IsoDate; readonly to: IsoDate } => {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  const from = `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
};

/** Policy 003 §8: % of reviews completed on time, the overdue list and pay deferrals, for a team. */
export const teamCompliance = (reports: readonly DueReport[], options: ComplianceOptions): TeamCompliance => {
  const types = options.types ?? ['annual-review'];
  const items = reports.flatMap((r) =>
    r.items.filter((i) => types.includes(i.type)).map((i) => ({ report: r, item: i })),
  );
  const inPeriod = items.filter(({ item }) => item.dueDate >= options.from && item.dueDate <= options.to);
  const completed = inPeriod.filter(({ item }) => item.status === 'completed');
  const onTime = completed.filter(
    ({ item }) => item.completedOn !== undefined && item.completedOn <= item.dueDate,
  ).length;
  const missed = inPeriod.filter(({ item }) => item.status === 'overdue').length;
  const reviewsDue = completed.length + missed;
  return {
    from: options.from,
    to: options.to,
    reviewsDue,
    completedOnTime: onTime,
    completedLate: completed.length - onTime,
    percentOnTime: reviewsDue === 0 ? null : Math.round((onTime / reviewsDue) * 1000) / 10,
    overdue: items
      .filter(({ item }) => item.status === 'overdue')
      .map(({ report, item }) => ({
        employeeId: report.employeeId,
        type: item.type,
        dueDate: item.dueDate,
        withIds: item.withIds,
      })),
    deferralCount: (options.payStep ?? []).filter((p) => !p.eligible).length,
  };
};
