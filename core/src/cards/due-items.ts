import { CONVERSATION_TYPE_LABELS } from '../domain/conversation-labels.ts';
import type { ConversationTypeId } from '../domain/conversations.ts';
import type { DueReport, DueStatus } from '../engine/types.ts';

/** What a card needs to show one due conversation; plain data, no scheme internals. */
export interface DueCardItem {
  readonly title: string;
  readonly dueDate: string;
  readonly status: DueStatus;
  readonly reason: string;
  readonly policyRef: string;
  /** Formal reviews the scheme requires: nudges about them cannot be switched off. */
  readonly required: boolean;
  /** The day it is booked for, when it is. */
  readonly bookedFor?: string;
}

const REQUIRED_TYPES: ReadonlySet<ConversationTypeId> = new Set([
  'annual-review',
  'probation-review',
  'progress-record',
  'induction',
  'handover',
]);

export const isRequiredReview = (type: ConversationTypeId): boolean => REQUIRED_TYPES.has(type);

export const STATUS_LABELS: Readonly<Record<DueStatus, string>> = {
  overdue: 'Overdue',
  due: 'Due now',
  upcoming: 'Coming up',
  suppressed: 'Not needed this time',
  completed: 'Done',
};

/** Items worth a person's attention: what is done or not needed is left out. */
export const dueCardItemsFrom = (
  report: DueReport,
  labels: Partial<Readonly<Record<ConversationTypeId, string>>> = {},
): DueCardItem[] =>
  report.items
    .filter((item) => item.status === 'due' || item.status === 'overdue' || item.status === 'upcoming')
    .map((item) => ({
      title: labels[item.type] ?? CONVERSATION_TYPE_LABELS[item.type],
      dueDate: item.dueDate,
      status: item.status,
      reason: item.reason,
      policyRef: item.policyRef,
      required: isRequiredReview(item.type),
      ...(item.bookedFor === undefined ? {} : { bookedFor: item.bookedFor }),
    }));
