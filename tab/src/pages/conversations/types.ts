import type { BodyOf, ResponseOf, Routes } from '@pc/core/api';

export type ConversationView = ResponseOf<Routes['conversations.get']>;
export type ConversationFull = ResponseOf<Routes['conversations.agree']>;
export type ConversationBody = BodyOf<Routes['conversations.create']>;
export type RecordType = ConversationBody['type'];
export type DueItem = ResponseOf<Routes['person.due']>['items'][number];

/** The fields every view of a record has, whether the caller sees it in full or only its facts. */
export const factsOf = (v: ConversationView) =>
  v.kind === 'full'
    ? {
        id: v.record.id,
        type: v.record.type,
        status: v.record.status,
        date: v.record.date,
        employeeId: v.record.employeeId,
      }
    : {
        id: v.facts.id,
        type: v.facts.type,
        status: v.facts.status,
        date: v.facts.date,
        employeeId: v.facts.employeeId,
      };

export const RECORD_TYPES: readonly RecordType[] = [
  'regular',
  'big-picture',
  'progress-record',
  'annual-review',
  'induction',
  'probation-review',
  'handover',
  'team',
];
