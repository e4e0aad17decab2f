import type { Employee, PersonId } from '../domain/people.ts';

/**
 * How the person acting stands to the person whose data is touched. Derived from
 * the employee records (org chart facts synced from Graph), never from claims the
 * caller makes about themself.
 */
export type Relationship =
  | 'self'
  | 'line-manager'
  | 'previous-manager'
  | 'grandparent'
  | 'hr'
  | 'coordinator'
  | 'auditor'
  | 'senior-manager'
  | 'none';

export interface Actor {
  readonly id: PersonId;
  readonly orgRoles: Employee['orgRoles'];
}

/** The subject and the line managers of the subject's line managers (for grandparent checks). */
export interface SubjectContext {
  readonly employee: Employee;
  /** Line managers of each of the subject's line managers. */
  readonly grandparentIds: readonly PersonId[];
  /** Everyone above the grandparents, for senior-manager roll-ups (policy 000 Team Themes). */
  readonly seniorChainIds?: readonly PersonId[];
}

export const currentManagerIds = (employee: Employee): PersonId[] => [
  ...new Set(employee.jobs.filter((job) => job.endDate === undefined).flatMap((job) => job.managerIds)),
];

/** Previous managers keep access only until the handover they owe is done (policy 000 Internal Transfers). */
const pendingPreviousManagerIds = (employee: Employee): PersonId[] =>
  employee.managerChanges
    .filter((change) => change.handoverCompletedOn === undefined)
    .map((change) => change.previousManagerId);

/** Every relationship that holds, strongest first; 'none' only when nothing else does. */
export const relationshipsOf = (actor: Actor, subject: SubjectContext): Relationship[] => {
  const found: Relationship[] = [];
  const { employee } = subject;
  if (actor.id === employee.id) found.push('self');
  if (currentManagerIds(employee).includes(actor.id)) found.push('line-manager');
  if (pendingPreviousManagerIds(employee).includes(actor.id)) found.push('previous-manager');
  if (subject.grandparentIds.includes(actor.id)) found.push('grandparent');
  if (actor.orgRoles.includes('hr')) found.push('hr');
  if (actor.orgRoles.includes('coordinator') && !employee.hasOwnPc) found.push('coordinator');
  if (actor.orgRoles.includes('auditor')) found.push('auditor');
  if (actor.orgRoles.includes('senior-manager') && (subject.seniorChainIds ?? []).includes(actor.id)) {
    found.push('senior-manager');
  }
  if (found.length === 0) found.push('none');
  return found;
};
