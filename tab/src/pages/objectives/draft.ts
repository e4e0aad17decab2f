import type { BodyOf, ResponseOf, Routes } from '@pc/core/api';

export type Objective = ResponseOf<Routes['objectives.get']>;
export type ObjectiveBody = BodyOf<Routes['objectives.create']>;
export type Horizon = ObjectiveBody['horizon'];
export type MeasureKind = NonNullable<ObjectiveBody['measures']>[number]['kind'];
export type AlignmentLevel = NonNullable<ObjectiveBody['alignment']>[number]['level'];
export type SupportKind = NonNullable<ObjectiveBody['support']>[number];

export const MEASURE_KINDS: readonly MeasureKind[] = ['quality', 'quantity', 'timeliness', 'manner', 'method', 'cost'];
export const ALIGNMENT_LEVELS: readonly { value: AlignmentLevel; label: string }[] = [
  { value: 'strategic-plan', label: 'Strategic Plan' },
  { value: 'department-plan', label: 'Department plan' },
  { value: 'service-plan', label: 'Service plan' },
  { value: 'team-plan', label: 'Team plan' },
];
export const SUPPORT_KINDS: readonly { value: SupportKind; label: string }[] = [
  { value: 'training', label: 'Training' },
  { value: 'mentoring', label: 'Mentoring' },
  { value: 'wellbeing', label: 'Wellbeing' },
  { value: 'systems', label: 'Systems' },
  { value: 'other', label: 'Other' },
];

/** What the form holds while someone types: every field a string, rows possibly blank. */
export interface Draft {
  kind: string;
  title: string;
  description: string;
  horizon: Horizon;
  targetDate: string;
  milestones: { id: string; title: string; dueDate: string; doneOn?: string }[];
  measures: { kind: MeasureKind; text: string }[];
  alignment: { level: AlignmentLevel; reference: string }[];
  support: SupportKind[];
}

export const emptyDraft = (kind: string): Draft => ({
  kind,
  title: '',
  description: '',
  horizon: 'short',
  targetDate: '',
  milestones: [],
  measures: [],
  alignment: [],
  support: [],
});

export const draftOf = (o: Objective): Draft => ({
  kind: o.kind,
  title: o.title,
  description: o.description,
  horizon: o.horizon,
  targetDate: o.targetDate ?? '',
  milestones: o.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    dueDate: m.dueDate ?? '',
    ...(m.doneOn === undefined ? {} : { doneOn: m.doneOn }),
  })),
  measures: o.measures.map((m) => ({ ...m })),
  alignment: o.alignment.map((a) => ({ ...a })),
  support: [...o.support],
});

/** Blank rows are left out rather than rejected: people add a row and then change their mind. */
export const bodyOf = (d: Draft): ObjectiveBody => ({
  kind: d.kind.trim(),
  title: d.title.trim(),
  description: d.description,
  horizon: d.horizon,
  ...(d.targetDate === '' ? {} : { targetDate: d.targetDate }),
  milestones: d.milestones
    .filter((m) => m.title.trim() !== '')
    .map((m) => ({
      id: m.id,
      title: m.title.trim(),
      ...(m.dueDate === '' ? {} : { dueDate: m.dueDate }),
      ...(m.doneOn === undefined ? {} : { doneOn: m.doneOn }),
    })),
  measures: d.measures.filter((m) => m.text.trim() !== '').map((m) => ({ kind: m.kind, text: m.text.trim() })),
  alignment: d.alignment
    .filter((a) => a.reference.trim() !== '')
    .map((a) => ({ level: a.level, reference: a.reference.trim() })),
  support: d.support,
});

export const newRowId = (): string => `m-${crypto.randomUUID()}`;

/** An objective's status in the reader's words: a draft is a proposal the line manager agrees (004 final say). */
export const objectiveStatusText = (status: Objective['status'], readerIsOwner: boolean): string =>
  status === 'draft'
    ? readerIsOwner
      ? 'Proposed, waiting for your manager to agree'
      : 'Proposed, waiting for your agreement'
    : status === 'partly-achieved'
      ? 'Partly achieved'
      : status === 'not-achieved'
        ? 'Not achieved'
        : status.charAt(0).toUpperCase() + status.slice(1);
