import type { Cadence } from '../../scheme/types.ts';
import { addMonths } from '../../time/dates.ts';
import { heldDates, makeItem, type RuleContext } from '../context.ts';
import { chain, resolveCycle } from '../cycles.ts';
import { firstBetween, monthsWith } from '../history.ts';
import type { DueItem } from '../types.ts';
import { longDate, monthName } from '../words.ts';
import { firstOfMonth, isEveryNthMonth, lastOfMonth, monthsBetween, monthsOwnedBy } from './months.ts';

type EveryNMonths = Extract<Cadence, { kind: 'every-n-months' }>;
type Monthly = Extract<Cadence, { kind: 'monthly' }>;

/** 004 Big Picture: one conversation in each Big Picture month; a late one still counts until the next. */
export const everyNMonths = (ctx: RuleContext, cadence: EveryNMonths): DueItem[] => {
  const { employee, on } = ctx;
  const start = firstOfMonth(employee.startDate);
  const upTo = monthsBetween(start, on) + cadence.months;
  const months = Array.from({ length: Math.floor(upTo / cadence.months) }, (_, i) =>
    addMonths(start, cadence.months * (i + 1)),
  ).filter((m) => isEveryNthMonth(employee.startDate, m, cadence.months));
  const cycles = chain(months.map((m) => ({ windowStart: m, dueDate: lastOfMonth(m) })));
  const resolved = resolveCycle(cycles, heldDates(ctx), on);
  if (resolved === undefined) return [];
  const { cycle, status, completedOn } = resolved;
  const month = monthName(cycle.windowStart.slice(0, 7));
  const reason =
    status === 'completed' && completedOn !== undefined
      ? `Your ${ctx.rule.label} for ${month} was held on ${longDate(completedOn)}.`
      : `A ${ctx.rule.label} is held every ${String(cadence.months)} months; this one belongs to ${month}.`;
  return [
    makeItem(ctx, {
      status,
      windowStart: cycle.windowStart,
      dueDate: cycle.dueDate,
      reason,
      ...(completedOn === undefined ? {} : { completedOn }),
    }),
  ];
};

/**
 * 004 Regular: one in each calendar month from the start month, except a month owned by another type.
 * Last month's missed conversation stays overdue until one is held this month.
 */
export const monthly = (ctx: RuleContext, cadence: Monthly): DueItem[] => {
  const { employee, on } = ctx;
  const scheduled = monthsOwnedBy(ctx.pack, cadence.suppressedInMonthsOf, employee);
  const held =
    cadence.suppressedInMonthsOf === undefined
      ? new Set<string>()
      : monthsWith(ctx.history, cadence.suppressedInMonthsOf, { group: ctx.group });
  const suppressed = (month: string): boolean => scheduled(month) || held.has(month);
  const done = heldDates(ctx);
  const thisMonth = firstOfMonth(on);
  const heldThisMonth = firstBetween(done, thisMonth, addMonths(thisMonth, 1));
  const items: DueItem[] = [];
  const previous = addMonths(thisMonth, -1);
  if (
    heldThisMonth === undefined &&
    previous >= firstOfMonth(employee.startDate) &&
    !suppressed(previous) &&
    firstBetween(done, previous, thisMonth) === undefined
  ) {
    items.push(
      makeItem(ctx, {
        status: 'overdue',
        windowStart: previous,
        dueDate: lastOfMonth(previous),
        reason: `No ${ctx.rule.label} was held in ${monthName(previous.slice(0, 7))}; one is expected every month.`,
      }),
    );
  }
  const current = resolveCycle(chain([{ windowStart: thisMonth, dueDate: lastOfMonth(thisMonth) }]), done, on);
  if (current === undefined) return items;
  const month = monthName(thisMonth.slice(0, 7));
  if (suppressed(thisMonth) && current.status !== 'completed') {
    const owner =
      ctx.pack.conversations.find((c) => c.type === cadence.suppressedInMonthsOf)?.label ?? 'another conversation';
    items.push(
      makeItem(ctx, {
        status: 'suppressed',
        windowStart: thisMonth,
        dueDate: lastOfMonth(thisMonth),
        reason: scheduled(thisMonth)
          ? `No ${ctx.rule.label} is expected in ${month} because it is your ${owner} month.`
          : `No ${ctx.rule.label} is expected in ${month} because your ${owner} is held or booked this month.`,
      }),
    );
    return items;
  }
  items.push(
    makeItem(ctx, {
      status: current.status,
      windowStart: thisMonth,
      dueDate: lastOfMonth(thisMonth),
      reason:
        current.completedOn === undefined
          ? `A ${ctx.rule.label} is expected once a month; this month's is due by ${longDate(lastOfMonth(thisMonth))}.`
          : `Your ${ctx.rule.label} for ${month} was held on ${longDate(current.completedOn)}.`,
      ...(current.completedOn === undefined ? {} : { completedOn: current.completedOn }),
    }),
  );
  return items;
};
