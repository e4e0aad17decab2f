import type { ExceptionalAccessReason } from '../domain/audit.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { visibleLength } from '../rules/visible-text.ts';
import { refusalFor } from './action-words.ts';
import { EXCEPTIONAL_ACCESS_HOLDERS, MATRIX, PAIR_CONTENT_ACTIONS, type Action } from './matrix.ts';
import { relationshipsOf, type Actor, type Relationship, type SubjectContext } from './relationships.ts';

export interface TenantActor extends Actor {
  readonly tenantId: TenantId;
}

export interface ExceptionalAccessRequest {
  readonly category: ExceptionalAccessReason;
  readonly text: string;
}

export interface DecideOptions {
  /** Managers named on the record being touched; they belong to its pair. */
  readonly recordManagerIds?: readonly PersonId[];
  readonly exceptionalAccess?: ExceptionalAccessRequest;
}

export type Decision =
  | { readonly allowed: true; readonly via: Relationship | 'record-manager'; readonly audit: boolean }
  | { readonly allowed: false; readonly reason: string };

export const MIN_REASON_LENGTH = 10;

const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Who still reaches a leaver's records once they are archived to People Services. */
const ARCHIVE_KEEPERS: ReadonlySet<Relationship> = new Set<Relationship>(['hr', 'auditor']);

export const decide = (
  actor: TenantActor,
  action: Action,
  subject: SubjectContext,
  options: DecideOptions = {},
): Decision => {
  if (actor.tenantId !== subject.employee.tenantId) {
    return deny('That person is not in your organisation.');
  }
  // A leaver's archived records are in People Services' keeping (003 §6): their former managers,
  // grandparents and colleagues reach them no longer; HR and auditors as before.
  const archived = subject.employee.archive !== undefined;
  const relationships = relationshipsOf(actor, subject).filter((r) => !archived || ARCHIVE_KEEPERS.has(r));
  if (relationships.length === 0) {
    return deny("This person's records are archived to People Services since they left; HR can open them.");
  }
  const allowedVia = MATRIX[action].find((row) => relationships.includes(row));
  if (allowedVia !== undefined) return { allowed: true, via: allowedVia, audit: false };

  if (PAIR_CONTENT_ACTIONS.has(action)) {
    if (!archived && options.recordManagerIds?.includes(actor.id)) {
      return { allowed: true, via: 'record-manager', audit: false };
    }
    return decideExceptional(relationships, options.exceptionalAccess);
  }
  return deny(refusalFor(action));
};

const decideExceptional = (relationships: Relationship[], request: ExceptionalAccessRequest | undefined): Decision => {
  const holder = EXCEPTIONAL_ACCESS_HOLDERS.find((row) => relationships.includes(row));
  if (holder === undefined) {
    return deny('Conversation notes are private to the colleague and their manager.');
  }
  if (request === undefined) {
    return deny(
      'Conversation notes are private to the colleague and their manager. Exceptional access needs a stated reason: serious incident, capability, disciplinary or audit.',
    );
  }
  if (visibleLength(request.text) < MIN_REASON_LENGTH) {
    return deny(`Describe the reason for exceptional access in at least ${MIN_REASON_LENGTH} visible characters.`);
  }
  return { allowed: true, via: holder, audit: true };
};

/** Throws AppError('forbidden') with the decision's reason; returns the decision when allowed. */
export const authorize = (
  actor: TenantActor,
  action: Action,
  subject: SubjectContext,
  options: DecideOptions = {},
): Extract<Decision, { allowed: true }> => {
  const decision = decide(actor, action, subject, options);
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
  return decision;
};
