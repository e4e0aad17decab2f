import type { FeedbackKind, FeedbackVisibility } from '../domain/feedback.ts';

/** The kinds a person can choose on the form (policy 004 "in the moment"); 'other' is for plain-words notes. */
export const FORM_FEEDBACK_KINDS = [
  'advice',
  'issue-resolved',
  'work-acknowledged',
] as const satisfies readonly FeedbackKind[];

export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  advice: 'Advice given',
  'issue-resolved': 'Issue resolved',
  'work-acknowledged': 'Work done well',
  other: 'Note',
};

export const FEEDBACK_VISIBILITIES = [
  'pair',
  'subject-only',
  'subject-and-managers',
] as const satisfies readonly FeedbackVisibility[];

/** Private to the pair is the default; nothing is ever wider unless the author chooses it. */
export const DEFAULT_FEEDBACK_VISIBILITY: FeedbackVisibility = 'pair';

export const FEEDBACK_VISIBILITY_LABELS: Readonly<Record<FeedbackVisibility, string>> = {
  pair: 'Private to the pair (the person and their line manager)',
  'subject-only': 'Only the person it is about',
  'subject-and-managers': 'The person and all their line managers',
};

/** Long enough for a few sentences; the in-the-moment note is meant to be short. */
export const FEEDBACK_TEXT_MAX = 1000;
