import type { Relationship } from './relationships.ts';

/**
 * Every action the services guard. Each has one row in MATRIX; the exhaustive
 * test walks every (relationship × action) cell.
 */
export const ACTIONS = [
  'profile.read',
  'due.read',
  'objective.read',
  'objective.write',
  'conversation.facts.read',
  'conversation.content.read',
  'conversation.content.write',
  'conversation.agree',
  'conversation.disagree',
  'conversation.rating.read',
  'conversation.rating.write',
  'conversation.rating.release',
  'conversation.book',
  'handover.write',
  'appeal.lodge',
  'appeal.read',
  'appeal.decide',
  'teamThemes.write',
  'teamThemes.read',
  'compliance.read',
  'audit.read',
  'export.annualReview',
  'export.completionRecord',
  'export.subjectAccess',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions on content that the pair alone holds (policy 003 §6); others need exceptional access. */
export const PAIR_CONTENT_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'conversation.content.read',
  'export.annualReview',
]);

/** Who may ask for exceptional access to note text, with a stated reason (003 §6). */
export const EXCEPTIONAL_ACCESS_HOLDERS: readonly Relationship[] = ['hr', 'auditor', 'grandparent', 'senior-manager'];

const pair: readonly Relationship[] = ['self', 'line-manager'];
const chain: readonly Relationship[] = ['self', 'line-manager', 'grandparent', 'senior-manager', 'hr'];

/**
 * Relationship rows per action, and the policy each rests on. Rows for
 * pair-content actions also admit the managers named on the record itself
 * (checked in `decide`), so a past manager keeps sight of conversations they held.
 */
export const MATRIX: Readonly<Record<Action, readonly Relationship[]>> = {
  // Names and jobs are visible across the organisation in Teams already.
  'profile.read': [
    'self',
    'line-manager',
    'previous-manager',
    'grandparent',
    'hr',
    'coordinator',
    'auditor',
    'senior-manager',
    'none',
  ],
  // Completion facts: HR (003 §8 compliance), grandparent (002 consistency), coordinator books (004).
  'due.read': [
    'self',
    'line-manager',
    'previous-manager',
    'grandparent',
    'hr',
    'coordinator',
    'auditor',
    'senior-manager',
  ],
  'conversation.facts.read': ['self', 'line-manager', 'grandparent', 'hr', 'coordinator', 'auditor', 'senior-manager'],
  // Objectives travel in the handover between old and new manager (000).
  'objective.read': ['self', 'line-manager', 'previous-manager', 'grandparent'],
  // Both may write; the manager has the final say on what is recorded (004).
  'objective.write': pair,
  'conversation.content.read': pair,
  'conversation.content.write': pair,
  // Both parties agree the record (004).
  'conversation.agree': pair,
  // Only the colleague records a disagreement (004).
  'conversation.disagree': ['self'],
  // HR sees ratings where the scheme needs them (002 pay, 003 compliance); the employee's view is gated by release.
  'conversation.rating.read': ['self', 'line-manager', 'grandparent', 'hr'],
  'conversation.rating.write': ['line-manager'],
  // Step 3: recommendations are reviewed above the manager before the employee sees them (002).
  'conversation.rating.release': ['grandparent', 'senior-manager', 'hr'],
  // Staff arrange their own (004); a coordinator books for staff without a PC (004).
  'conversation.book': ['self', 'line-manager', 'coordinator'],
  'handover.write': ['line-manager', 'previous-manager'],
  'appeal.lodge': ['self'],
  // HR attends the hearing (002, 003); the hearer is above the manager.
  'appeal.read': ['self', 'line-manager', 'grandparent', 'senior-manager', 'hr'],
  'appeal.decide': ['grandparent', 'senior-manager'],
  // Subject is the manager whose team it is (000 Team Themes).
  'teamThemes.write': ['self'],
  'teamThemes.read': chain,
  'compliance.read': chain,
  // The employee can always see who looked at their records.
  'audit.read': ['self', 'hr', 'auditor'],
  'export.annualReview': pair,
  'export.completionRecord': ['line-manager', 'hr'],
  'export.subjectAccess': ['self', 'hr'],
};
