import type { Cadence } from '../../scheme/types.ts';
import { addMonths } from '../../time/dates.ts';
import { heldDates, makeItem, type RuleContext } from '../context.ts';
import { resolveCycle } from '../cycles.ts';
import type { DueItem } from '../types.ts';
import { longDate } from '../words.ts';

type Anniversary = Extract<Cadence, { kind: 'anniversary' }>;

/**
 * A yearly conversation at each anniversary of the incremental date (003 §5.8). Without a recorded
 * incremental date the start date stands in, which is where Agenda for Change pay-step dates begin.
 */
export const anniversary = (ctx: RuleContext, cadence: Anniversary): DueItem[] => {
  const { employee, on } = ctx;
  const base = employee.incrementalDate ?? employee.startDate;
  const years = Math.max(1, Number(on.slice(0, 4)) - Number(base.slice(0, 4)) + 2);
  const cycles = Array.from({ length: years }, (_, i) => {
    const dueDate = addMonths(base, 12 * (i + 1));
    return { windowStart: addMonths(dueDate, -cadence.windowOpensMonthsBefore), dueDate };
  });
  const resolved = resolveCycle(cycles, heldDates(ctx), on);
  if (resolved === undefined) return [];
  const { cycle, status, completedOn } = resolved;
  const anchor = employee.incrementalDate === undefined ? 'start date' : 'incremental date';
  const reason =
    status === 'completed' && completedOn !== undefined
      ? `Your ${ctx.rule.label} for the year to ${longDate(cycle.dueDate)} was held on ${longDate(completedOn)}.`
      : `Your ${ctx.rule.label} is due on the anniversary of your ${anchor}, ${longDate(cycle.dueDate)}.`;
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
