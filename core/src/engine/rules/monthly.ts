import type { ConversationTypeId } from '../../domain/conversations.ts';
import type { Cadence } from '../../scheme/types.ts';
import { addDays, addMonths, minDate, type IsoDate } from '../../time/dates.ts';
import { agreedEveryWeeks, heldDates, makeItem, openStatus, type RuleContext } from '../context.ts';
import { resolveCycle } from '../cycles.ts';
import { doneDates, firstBetween, monthsWith, type FrequencyAgreement } from '../history.ts';
import type { DueItem } from '../types.ts';
import { agreedEvery, basisNote, longDate, monthName, plural } from '../words.ts';
import { answeredMonth, dueMonthAsOf, firstOfMonth, lastOfMonth, nextDueMonth } from './months.ts';

type EveryNMonths = Extract<Cadence, { kind: 'every-n-months' }>;
type Monthly = Extract<Cadence, { kind: 'monthly' }>;

/**
 * 004 Big Picture: "every four months", counted from the last one the pair held (from the start
 * month before the first). A late or early conversation moves the next one with it.
 */
export const everyNMonths = (ctx: RuleContext, cadence: EveryNMonths): DueItem[] => {
  const done = heldDates(ctx);
  const start = ctx.group.startDate;
  const last = done.at(-1);
  const next = nextDueMonth(done, start, cadence.months);
  const every = `every ${String(cadence.months)} months`;
  if (last !== undefined && ctx.on < next) {
    const answered = answeredMonth(dueMonthAsOf(done, start, cadence.months, last), last, cadence.months);
    return [
      makeItem(ctx, {
        status: 'completed',
        windowStart: answered,
        dueDate: lastOfMonth(answered),
        completedOn: last,
        reason: `Your ${ctx.rule.label} was held on ${longDate(last)}; held ${every}, the next belongs to ${monthName(next.slice(0, 7))}.`,
      }),
    ];
  }
  const month = monthName(next.slice(0, 7));
  return [
    makeItem(ctx, {
      status: openStatus(ctx.on, next, lastOfMonth(next)),
      windowStart: next,
      dueDate: lastOfMonth(next),
      reason:
        last === undefined
          ? `A ${ctx.rule.label} is held ${every}; the first belongs to ${month}, ${String(cadence.months)} months after you started.`
          : `A ${ctx.rule.label} is held ${every}; the last was on ${longDate(last)}, so the next belongs to ${month}.`,
    }),
  ];
};

/**
 * Whether a month is the one another type's conversation was due in (004: "if a 'Big Picture'
 * performance conversation is due in a particular month"), as the pair's own conversations set it.
 */
const bigPictureMonths = (ctx: RuleContext, type: ConversationTypeId | undefined): ((month: IsoDate) => boolean) => {
  const owner = ctx.pack.conversations.find((c) => c.type === type);
  if (owner?.cadence.kind !== 'every-n-months') return () => false;
  const every = owner.cadence.months;
  const done = doneDates(ctx.history, [owner.type], { group: ctx.group }, ctx.on);
  return (month) => month === dueMonthAsOf(done, ctx.group.startDate, every, month);
};

/**
 * 004 Regular, when the pair agreed to meet more often than monthly ("someone new to their job will
 * need more frequent performance conversations"): within a month that expects a Regular one, the
 * next is due the agreed number of weeks after the last one, or after the month began, by month end.
 */
const moreOften = (ctx: RuleContext, done: readonly IsoDate[], agreement: FrequencyAgreement): DueItem => {
  const { weeks } = agreement;
  const thisMonth = firstOfMonth(ctx.on);
  const end = lastOfMonth(thisMonth);
  const after = (d: IsoDate | undefined): IsoDate =>
    addDays(d !== undefined && d > thisMonth ? d : thisMonth, weeks * 7);
  const last = done.at(-1);
  const next = after(last);
  const every = agreedEvery(agreement);
  if (last !== undefined && last >= thisMonth && ctx.on < next) {
    return makeItem(ctx, {
      status: 'completed',
      windowStart: thisMonth,
      dueDate: minDate(after(done.at(-2)), end),
      completedOn: last,
      reason: `Your ${ctx.rule.label} was held on ${longDate(last)}; you meet ${every}, so the next is due by ${longDate(next)}.`,
    });
  }
  const dueDate = minDate(next, end);
  return makeItem(ctx, {
    status: ctx.on <= dueDate ? 'due' : 'overdue',
    windowStart: thisMonth,
    dueDate,
    reason: `A ${ctx.rule.label} is held ${every}; the next is due by ${longDate(dueDate)}.`,
  });
};

/**
 * 004 Regular: "Someone new to their job will need more frequent performance conversations". While a
 * job of the pair's is that new and they have agreed nothing, the reason suggests agreeing to.
 */
const newToJobNote = (ctx: RuleContext): string => {
  const spec = ctx.pack.regularFrequency?.newToJob;
  if (spec === undefined) return '';
  const since = addMonths(ctx.on, -spec.withinMonths);
  if (!ctx.group.jobs.some((j) => j.startDate > since && j.startDate <= ctx.on)) return '';
  const window = `new to the job: the first ${plural(spec.withinMonths, 'month')}`;
  return ` Someone new to their job needs more frequent conversations, so you and your line manager may agree to meet more often${basisNote(window, spec.basis)}.`;
};

/**
 * 004 Regular: one in each calendar month from the start month, except a month owned by another type.
 * Last month's missed conversation stays overdue until one is held this month.
 */
export const monthly = (ctx: RuleContext, cadence: Monthly): DueItem[] => {
  const { employee, on } = ctx;
  const scheduled = bigPictureMonths(ctx, cadence.suppressedInMonthsOf);
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
  const current = resolveCycle([{ windowStart: thisMonth, dueDate: lastOfMonth(thisMonth) }], done, on);
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
  const agreement = cadence.pairMayAgreeMoreOften === true ? agreedEveryWeeks(ctx) : undefined;
  if (agreement !== undefined && agreement.weeks * 7 < 28) {
    items.push(moreOften(ctx, done, agreement));
    return items;
  }
  items.push(
    makeItem(ctx, {
      status: current.status,
      windowStart: thisMonth,
      dueDate: lastOfMonth(thisMonth),
      reason:
        current.completedOn === undefined
          ? `A ${ctx.rule.label} is expected once a month; this month's is due by ${longDate(lastOfMonth(thisMonth))}.${
              agreement === undefined ? newToJobNote(ctx) : ''
            }`
          : `Your ${ctx.rule.label} for ${month} was held on ${longDate(current.completedOn)}.`,
      ...(current.completedOn === undefined ? {} : { completedOn: current.completedOn }),
    }),
  );
  return items;
};
