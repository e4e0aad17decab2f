import type { ExceptionalAccessReason } from '../domain/audit.ts';
import type { ManagerChange, PersonId } from '../domain/people.ts';
import type { HandoverNote, TeamThemes } from '../domain/team.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { viewConversation } from '../permissions/visibility.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import type { AuditEvent } from '../domain/audit.ts';
import { retryOnConflict } from './concurrency.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import type { StoredView } from './conversations.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

/**
 * Opens a record for someone outside the pair with a stated reason (003 §6). The
 * audit event is written before anything is returned, so no access goes unrecorded.
 */
export const openWithExceptionalAccess = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  reason: { category: ExceptionalAccessReason; text: string },
): Promise<StoredView> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const ratingPolicy = ratingPolicyOf(packOf(tenant));
  const subject = await loadSubject(deps, caller.tenantId, personId);
  const stored = await deps.repos.conversations.get(caller.tenantId, personId, conversationId);
  if (!stored) throw new AppError('not-found', 'No such conversation.');
  const view = viewConversation(actor, subject, stored.item, ratingPolicy, { exceptionalAccess: reason });
  if (view?.kind !== 'full') {
    throw new AppError(
      'forbidden',
      'Exceptional access is for HR, auditors and senior managers in the chain, with a stated reason.',
    );
  }
  if (view.audit) {
    await deps.repos.audit.append({
      tenantId: caller.tenantId,
      id: deps.newId(),
      at: deps.clock.now(),
      actorId: caller.userId,
      subjectId: personId,
      action: 'exceptional-access',
      reason,
      resource: { type: 'conversation', id: conversationId },
    });
  }
  return { view, etag: stored.etag };
};

export const listAudit = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  page?: PageRequest,
): Promise<Page<AuditEvent>> => {
  const { actor } = await loadActor(deps, caller);
  authorize(actor, 'audit.read', await loadSubject(deps, caller.tenantId, personId));
  return deps.repos.audit.listForSubject(caller.tenantId, personId, page);
};

export const getTeamThemes = async (
  deps: UseCaseDeps,
  caller: Caller,
  managerId: PersonId,
): Promise<Stored<TeamThemes> | null> => {
  const { actor } = await loadActor(deps, caller);
  authorize(actor, 'teamThemes.read', await loadSubject(deps, caller.tenantId, managerId));
  // None yet is the usual state before the first save, not an error the page should log.
  return (await deps.repos.teamThemes.get(caller.tenantId, managerId)) ?? null;
};

export const putTeamThemes = async (
  deps: UseCaseDeps,
  caller: Caller,
  managerId: PersonId,
  input: Omit<TeamThemes, 'tenantId' | 'managerId' | 'updatedAt' | 'submittedToId'>,
  etag: string | undefined,
): Promise<Stored<TeamThemes>> => {
  const { actor } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, managerId);
  authorize(actor, 'teamThemes.write', subject);
  const reports = await deps.repos.employees.listReports(caller.tenantId, managerId);
  if (reports.length === 0) throw new AppError('validation', 'Team Themes are recorded by managers for their team.');
  const seniorId = currentManagerIds(subject.employee)[0];
  const themes: TeamThemes = {
    ...input,
    tenantId: caller.tenantId,
    managerId,
    ...(seniorId ? { submittedToId: seniorId } : {}),
    updatedAt: deps.clock.now(),
  };
  return deps.repos.teamThemes.put(themes, etag);
};

/** One note per manager change and writer: a retried submission finds the note its first attempt stored. */
const handoverNoteId = (tenantId: string, personId: PersonId, change: ManagerChange, writerId: PersonId): string =>
  stableId('handover', tenantId, personId, change.jobId, change.on, change.previousManagerId, writerId);

const storeHandoverOnce = async (deps: UseCaseDeps, note: HandoverNote): Promise<Stored<HandoverNote>> => {
  try {
    return await deps.repos.handovers.create(note);
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
    const earlier = (await deps.repos.handovers.listForEmployee(note.tenantId, note.employeeId)).find(
      (n) => n.id === note.id,
    );
    if (earlier === undefined) throw error;
    return { item: earlier, etag: '' };
  }
};

/**
 * Stores the handover note, then marks the manager change as handed over. The note's id is fixed
 * by the change and its writer, so a retry after a failure between the two writes stores no second
 * note and completes the change.
 */
export const recordHandover = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  input: Pick<HandoverNote, 'strengths' | 'development' | 'personalGoals' | 'other'>,
): Promise<Stored<HandoverNote>> => {
  const { actor } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'handover.write', subject);
  const change = subject.employee.managerChanges.find(
    (c) =>
      c.handoverCompletedOn === undefined &&
      (c.previousManagerId === caller.userId || c.newManagerId === caller.userId),
  );
  if (!change) throw new AppError('validation', 'There is no change of line manager waiting for a handover.');
  const note = await storeHandoverOnce(deps, {
    ...input,
    tenantId: caller.tenantId,
    id: handoverNoteId(caller.tenantId, personId, change, caller.userId),
    employeeId: personId,
    jobId: change.jobId,
    fromManagerId: change.previousManagerId,
    toManagerId: change.newManagerId,
    createdAt: deps.clock.now(),
    createdBy: caller.userId,
  });
  // The handover is what ends the previous manager's access (000 Internal Transfers).
  await retryOnConflict(async () => {
    const stored = await deps.repos.employees.get(caller.tenantId, personId);
    if (!stored) return;
    const managerChanges = stored.item.managerChanges.map((c) =>
      c.jobId === change.jobId && c.on === change.on && c.handoverCompletedOn === undefined
        ? { ...c, handoverCompletedOn: deps.clock.today() }
        : c,
    );
    await deps.repos.employees.update({ ...stored.item, managerChanges }, stored.etag);
  });
  return note;
};
