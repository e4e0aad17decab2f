import type { ObjectiveInput, ObjectivePatch } from '../api/objectives.ts';
import type { Objective } from '../domain/objectives.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../permissions/decide.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import { assertObjectiveMove, roleOnRecord } from '../rules/record-lifecycle.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const guard = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  action: 'objective.read' | 'objective.write',
) => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, action, subject);
  return { actor, tenant, subject };
};

export const listObjectives = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  page?: PageRequest,
): Promise<Page<Stored<Objective>>> => {
  await guard(deps, caller, personId, 'objective.read');
  const found = await deps.repos.objectives.listForOwner(caller.tenantId, personId, page);
  // List results carry no etag of their own; a client edits after fetching the item.
  const items = await Promise.all(found.items.map((o) => deps.repos.objectives.get(caller.tenantId, personId, o.id)));
  return {
    items: items.filter((i): i is Stored<Objective> => i !== undefined),
    continuationToken: found.continuationToken,
  };
};

export const getObjective = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  objectiveId: string,
): Promise<Stored<Objective>> => {
  await guard(deps, caller, personId, 'objective.read');
  const found = await deps.repos.objectives.get(caller.tenantId, personId, objectiveId);
  if (!found) throw new AppError('not-found', 'No such objective.');
  return found;
};

export const createObjective = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  input: ObjectiveInput,
  validateKind: (kind: string) => boolean,
): Promise<Stored<Objective>> => {
  await guard(deps, caller, personId, 'objective.write');
  if (!validateKind(input.kind)) {
    throw new AppError('validation', 'That kind of objective is not part of your scheme.', {
      details: [{ path: 'kind', message: 'Choose one of the kinds your scheme uses.' }],
    });
  }
  const now = deps.clock.now();
  const objective: Objective = {
    tenantId: caller.tenantId,
    id: deps.newId(),
    ownerId: personId,
    ...input,
    status: 'draft',
    progress: 0,
    progressNotes: [],
    createdAt: now,
    updatedAt: now,
  };
  return deps.repos.objectives.create(objective);
};

/** A progress note names a conversation of the same colleague, or none. */
const assertConversationOf = async (deps: UseCaseDeps, caller: Caller, personId: PersonId, conversationId: string) => {
  if (await deps.repos.conversations.get(caller.tenantId, personId, conversationId)) return;
  throw new AppError('validation', 'Link the note to one of this colleague’s conversations, or to none.', {
    details: [{ path: 'conversationId', message: 'No conversation of this colleague has that id.' }],
  });
};

export const updateObjective = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  objectiveId: string,
  patch: ObjectivePatch,
  etag: string,
  validateKind: (kind: string) => boolean,
): Promise<Stored<Objective>> => {
  await guard(deps, caller, personId, 'objective.write');
  const current = await deps.repos.objectives.get(caller.tenantId, personId, objectiveId);
  if (!current) throw new AppError('not-found', 'No such objective.');
  if (patch.kind !== undefined && !validateKind(patch.kind)) {
    throw new AppError('validation', 'That kind of objective is not part of your scheme.', {
      details: [{ path: 'kind', message: 'Choose one of the kinds your scheme uses.' }],
    });
  }
  if (patch.status !== undefined)
    assertObjectiveMove(current.item.status, patch.status, roleOnRecord(caller.userId, personId));
  const { progressNote, conversationId, ...fields } = patch;
  if (conversationId !== undefined) await assertConversationOf(deps, caller, personId, conversationId);
  const now = deps.clock.now();
  const notes = progressNote
    ? [
        ...current.item.progressNotes,
        {
          at: now,
          by: caller.userId,
          text: progressNote,
          ...(fields.progress !== undefined ? { percent: fields.progress } : {}),
          ...(conversationId ? { conversationId } : {}),
        },
      ]
    : current.item.progressNotes;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => (v as unknown) !== undefined));
  const next: Objective = { ...current.item, ...defined, progressNotes: notes, updatedAt: now };
  return deps.repos.objectives.update(next, etag);
};
