import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths, type IsoDate } from '../../time/dates.ts';
import { heldDates, makeItem, type RuleContext } from '../context.ts';
import { resolveCycle } from '../cycles.ts';
import type { DueItem } from '../types.ts';
import { longDate, monthName } from '../words.ts';
import { lastOfMonth } from './months.ts';

type CalendarWindows = Extract<Cadence, { kind: 'calendar-windows' }>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Windows of the years around `on`; a window ending in an earlier month runs into the next year (Dec–Jan). */
const windowsAround = (cadence: CalendarWindows, on: IsoDate) => {
  const year = Number(on.slice(0, 4));
  return [year - 2, year - 1, year, year + 1].flatMap((y) =>
    cadence.windows.map((w) => ({
      windowStart: `${String(y)}-${pad(w.fromMonth)}-01`,
      dueDate: lastOfMonth(`${String(w.toMonth < w.fromMonth ? y + 1 : y)}-${pad(w.toMonth)}`),
    })),
  );
};

/** Conversations tied to months of the year, such as Bexley's April/May conversation and progress records (002). */
export const calendarWindows = (ctx: RuleContext, cadence: CalendarWindows): DueItem[] => {
  const start = ctx.employee.startDate;
  const applies = cadence.appliesFrom;
  const expectedFrom = applies.kind === 'employed-before-window' ? addDays(start, 1) : addMonths(start, applies.months);
  const cycles = windowsAround(cadence, ctx.on).filter((c) => c.windowStart >= expectedFrom);
  const resolved = resolveCycle(cycles, heldDates(ctx), ctx.on);
  if (resolved === undefined) return [];
  const { cycle, status, completedOn } = resolved;
  const window = `${monthName(cycle.windowStart.slice(0, 7))} to ${monthName(cycle.dueDate.slice(0, 7))}`;
  const reason =
    status === 'completed' && completedOn !== undefined
      ? `The ${ctx.rule.label} for ${window} was held on ${longDate(completedOn)}.`
      : `The ${ctx.rule.label} is expected between ${monthName(cycle.windowStart.slice(0, 7))} and ${monthName(cycle.dueDate.slice(0, 7))}, by ${longDate(cycle.dueDate)}.`;
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
