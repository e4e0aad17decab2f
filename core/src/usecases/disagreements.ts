import type { ConversationRecord } from '../domain/conversations.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { DisagreementCase } from '../ports/appeals.ts';
import type { Stored } from '../ports/repositories.ts';
import { countsAsHeld } from '../rules/record-lifecycle.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

/** One case per record: a second disagreement with the same record reopens it. */
export const disagreementIdFor = (tenantId: string, employeeId: string, conversationId: string): string =>
  stableId('disagreement', tenantId, employeeId, conversationId);

/**
 * Opens (or reopens) HR's case when a colleague records a disagreement (004: "you can note this on
 * a performance disagreement form which can be requested from the Human Resources Office"). The
 * case holds facts only; the colleague's words stay in the record, for the pair.
 */
export const openDisagreement = async (deps: UseCaseDeps, record: ConversationRecord): Promise<void> => {
  if (record.disagreement === undefined) return;
  const id = disagreementIdFor(record.tenantId, record.employeeId, record.id);
  const existing = await deps.repos.disagreements.get(record.tenantId, id);
  const base: DisagreementCase = {
    tenantId: record.tenantId,
    id,
    employeeId: record.employeeId,
    conversationId: record.id,
    conversationType: record.type,
    conversationDate: record.date,
    managerIds: record.managerIds,
    recordedAt: record.disagreement.recordedAt,
    stage: 'open',
    updatedAt: deps.clock.now(),
  };
  if (existing?.item.recordedAt === base.recordedAt) return;
  await deps.repos.disagreements.put(base, existing?.etag);
};

export interface DisagreementView extends DisagreementCase {
  readonly etag: string;
  /** The record's status now: 'agreed' once both agreed it again after talking it through. */
  readonly recordStatus: ConversationRecord['status'] | 'missing';
  /** False while the disagreement stands: the record does not count as held for compliance (004). */
  readonly countsAsHeld: boolean;
}

const requireHr = async (deps: UseCaseDeps, caller: Caller): Promise<void> => {
  const { actor } = await loadActor(deps, caller);
  // The HR Office hands out the form and advises on the process (004).
  if (!actor.orgRoles.includes('hr')) {
    throw new AppError('forbidden', 'Only HR handles disagreements with records.');
  }
};

const viewOf = async (deps: UseCaseDeps, stored: Stored<DisagreementCase>): Promise<DisagreementView> => {
  const c = stored.item;
  const record = (await deps.repos.conversations.get(c.tenantId, c.employeeId, c.conversationId))?.item;
  return {
    ...c,
    etag: stored.etag,
    recordStatus: record?.status ?? 'missing',
    countsAsHeld: record !== undefined && countsAsHeld(record),
  };
};

/** HR's list of disagreements, oldest first; open ones unless `open` is false. */
export const listDisagreements = async (
  deps: UseCaseDeps,
  caller: Caller,
  options: { readonly open?: boolean | undefined } = {},
): Promise<DisagreementView[]> => {
  await requireHr(deps, caller);
  const page = await deps.repos.disagreements.list(caller.tenantId, { open: options.open ?? true }, { pageSize: 100 });
  const views: DisagreementView[] = [];
  // Each with its current version, so HR can take the next step from the list.
  for (const item of page.items) {
    const stored = await deps.repos.disagreements.get(caller.tenantId, item.id);
    if (stored !== undefined) views.push(await viewOf(deps, stored));
  }
  return views;
};

/** HR sends the disagreement form, then closes the case once the process has run (004); each audited. */
export const advanceDisagreement = async (
  deps: UseCaseDeps,
  caller: Caller,
  id: string,
  step: 'form-sent' | 'closed',
  etag: string,
): Promise<DisagreementView> => {
  await requireHr(deps, caller);
  const stored = await deps.repos.disagreements.get(caller.tenantId, id);
  if (stored === undefined) throw new AppError('not-found', 'No such disagreement.');
  const c = stored.item;
  if (c.stage === 'closed') throw new AppError('conflict', 'This disagreement has been closed.');
  if (step === 'form-sent' && c.stage !== 'open') throw new AppError('conflict', 'The form has been sent already.');
  const today = deps.clock.today();
  try {
    await deps.repos.audit.append({
      tenantId: c.tenantId,
      id: stableId('audit-disagreement', c.tenantId, c.id, c.recordedAt, step),
      at: deps.clock.now(),
      actorId: caller.userId,
      subjectId: c.employeeId,
      action: step === 'form-sent' ? 'disagreement.form-sent' : 'disagreement.closed',
      resource: { type: 'conversation', id: c.conversationId },
    });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
  }
  const changed: DisagreementCase = {
    ...c,
    stage: step,
    ...(step === 'form-sent' ? { formSentOn: today } : { closedOn: today }),
    handledBy: caller.userId,
    updatedAt: deps.clock.now(),
  };
  return viewOf(deps, await deps.repos.disagreements.put(changed, etag));
};
