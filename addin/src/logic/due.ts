import type { z } from 'zod';
import type { dueItem, dueReport } from '@pc/core/api';
import { conversationLabel, type SchemeWording } from '@pc/core/api';
import { formatDate, type ConversationType } from './labels.ts';

export type DueItem = z.infer<typeof dueItem>;
export type DueReport = z.infer<typeof dueReport>;
export type BookableType = Exclude<ConversationType, 'in-the-moment'>;

export interface DueChoice {
  readonly key: string;
  readonly type: BookableType;
  readonly jobIds: readonly string[];
  readonly label: string;
  readonly reason: string;
  readonly policyRef: string;
  readonly windowStart: string;
  readonly dueDate: string;
}

const ORDER: Readonly<Record<DueItem['status'], number>> = {
  overdue: 0,
  due: 1,
  upcoming: 2,
  suppressed: 3,
  completed: 4,
};
const STATUS_TEXT: Readonly<Record<DueItem['status'], string>> = {
  overdue: 'overdue since',
  due: 'due by',
  upcoming: 'next due',
  suppressed: 'not needed',
  completed: 'done',
};

/**
 * What can be booked now, most pressing first. In-the-moment conversations are never booked,
 * and a suppressed item (a Regular conversation in a Big Picture month, policy 004) or a
 * completed one is not offered. Types are named as the scheme names them.
 */
export const bookableChoices = (report: DueReport, scheme: SchemeWording | null): DueChoice[] =>
  report.items
    .filter((i): i is DueItem & { type: BookableType } => i.type !== 'in-the-moment')
    .filter((i) => i.status !== 'suppressed' && i.status !== 'completed')
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.dueDate.localeCompare(b.dueDate))
    .map((i) => ({
      key: `${i.type}|${i.dueDate}|${i.jobIds.join(',')}`,
      type: i.type,
      jobIds: i.jobIds,
      label: `${conversationLabel(i.type, scheme)}: ${STATUS_TEXT[i.status]} ${formatDate(i.dueDate)}`,
      reason: i.reason,
      policyRef: i.policyRef,
      windowStart: i.windowStart,
      dueDate: i.dueDate,
    }));

const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Where to look for a time: from today (or the window's opening, if later) for two weeks,
 * stretched to the due date when that is further away, never more than six weeks.
 */
export const searchRange = (choice: DueChoice, today: string): { from: string; to: string } => {
  const from = choice.windowStart > today ? choice.windowStart : today;
  const twoWeeks = addDays(from, 14);
  const to = choice.dueDate > twoWeeks ? choice.dueDate : twoWeeks;
  const cap = addDays(from, 42);
  return { from, to: to > cap ? cap : to };
};
