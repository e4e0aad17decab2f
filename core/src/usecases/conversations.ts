import type { ConversationInput } from '../api/conversations.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize, type TenantActor } from '../permissions/decide.ts';
import { currentManagerIds, type SubjectContext } from '../permissions/relationships.ts';
import { viewConversation, type ConversationView, type RatingPolicy } from '../permissions/visibility.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import { assertMeetingDate } from '../rules/record-checks.ts';
import { assertMayRecordHeld, roleOnRecord } from '../rules/record-lifecycle.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { frequencyRuleOf, packOf, ratingPolicyOf } from './scheme.ts';
import { zonedDate } from './zoned-time.ts';

export interface StoredView {
  readonly view: ConversationView;
  readonly etag: string;
}

/**
 * What a write hands back: the writer's view by the same rule as a GET, so a reply never shows
 * more than reading the record again would (a Bexley rating stays hidden until Step 3).
 */
export const callerView = (
  actor: TenantActor,
  subject: SubjectContext,
  stored: Stored<ConversationRecord>,
  policy: RatingPolicy,
): StoredView => {
  const view = viewConversation(actor, subject, stored.item, policy);
  if (!view) throw new AppError('not-found', 'No such conversation.');
  return { view, etag: stored.etag };
};

export const listConversations = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  query: { type?: ConversationRecord['type'] } = {},
  page?: PageRequest,
): Promise<Page<ConversationView>> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const ratingPolicy = ratingPolicyOf(packOf(tenant));
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'conversation.facts.read', subject);
  const found = await deps.repos.conversations.listForEmployee(caller.tenantId, personId, query, page);
  const views = found.items
    .map((record) => viewConversation(actor, subject, record, ratingPolicy))
    .filter((v): v is ConversationView => v !== undefined);
  return { items: views, continuationToken: found.continuationToken };
};

export const getConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
): Promise<StoredView> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const ratingPolicy = ratingPolicyOf(packOf(tenant));
  const subject = await loadSubject(deps, caller.tenantId, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  const view = stored ? viewConversation(actor, subject, stored.item, ratingPolicy) : undefined;
  if (!stored || !view) throw new AppError('not-found', 'No such conversation.');
  return { view, etag: stored.etag };
};

/** Jobs a conversation counts for: the ones the recording manager manages, else every current job (000 dual roles). */
const jobsFor = (employee: Employee, managerId: PersonId, requested?: readonly string[]): string[] => {
  const current = employee.jobs.filter((job) => job.endDate === undefined);
  if (requested && requested.length > 0) {
    const unknown = requested.filter((id) => !current.some((job) => job.id === id));
    if (unknown.length > 0) {
      throw new AppError('validation', 'Choose jobs the colleague currently holds.', {
        details: [{ path: 'jobIds', message: 'Unknown or ended job.' }],
      });
    }
    return [...requested];
  }
  const managed = current.filter((job) => job.managerIds.includes(managerId)).map((job) => job.id);
  return managed.length > 0 ? managed : current.map((job) => job.id);
};

export const createConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  input: ConversationInput,
): Promise<Stored<ConversationRecord>> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'conversation.content.write', subject);
  assertMayRecordHeld(roleOnRecord(caller.userId, personId), input.type);
  assertMeetingDate('held', input.date, zonedDate(deps.clock.now(), tenant.timeZone));
  const weeks = input.agreedRegularEveryWeeks;
  if (weeks !== undefined) frequencyRuleOf(packOf(tenant))(weeks, roleOnRecord(caller.userId, personId));
  const managers = currentManagerIds(subject.employee);
  const recordingManager = managers.includes(caller.userId) ? caller.userId : managers[0];
  if (recordingManager === undefined) {
    throw new AppError(
      'validation',
      'This colleague has no line manager on record, so a conversation cannot be recorded yet.',
    );
  }
  const now = deps.clock.now();
  const record: ConversationRecord = {
    tenantId: caller.tenantId,
    id: deps.newId(),
    employeeId: personId,
    managerIds: [recordingManager],
    jobIds: jobsFor(subject.employee, recordingManager, input.jobIds),
    type: input.type,
    status: 'held',
    date: input.date,
    topics: input.topics,
    sections: input.sections,
    notes: input.notes,
    issuesRaised: input.issuesRaised,
    actionsAgreed: input.actionsAgreed,
    agenda: input.agenda,
    agreement: {},
    ...(input.forwardLooking !== undefined ? { forwardLooking: input.forwardLooking } : {}),
    ...(weeks === undefined ? {} : { agreedRegularEveryWeeks: weeks }),
    createdAt: now,
    updatedAt: now,
    updatedBy: caller.userId,
  };
  return deps.repos.conversations.create(record);
};

/** Loads a record the caller may change, or refuses. */
export const loadForChange = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  action:
    | 'conversation.content.write'
    | 'conversation.agree'
    | 'conversation.disagree'
    | 'conversation.rating.write'
    | 'conversation.rating.release'
    | 'appeal.lodge',
) => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  authorize(actor, action, subject, { recordManagerIds: stored.item.managerIds });
  return { actor, tenant, subject, stored };
};
