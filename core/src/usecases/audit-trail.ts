import type { AuditEvent } from '../domain/audit.ts';
import type { PersonId } from '../domain/people.ts';
import type { IsoDate } from '../time/dates.ts';
import { AppError } from '../errors.ts';
import type { AuditQuery, PageRequest } from '../ports/repositories.ts';
import { loadActor, lookUpPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { strip } from './export-support.ts';

type Maybe<T> = T | undefined;
export interface AuditFilters {
  readonly personId?: Maybe<PersonId>;
  readonly actorId?: Maybe<PersonId>;
  readonly action?: Maybe<string>;
  readonly from?: Maybe<IsoDate>;
  readonly to?: Maybe<IsoDate>;
  readonly pageSize?: Maybe<number>;
  readonly continuationToken?: Maybe<string>;
}

/**
 * The organisation's audit trail for an auditor (or HR), read-only, newest first: who opened or
 * exported whose records, when, and the reason they gave (003 §6), narrowed by person, actor,
 * action and dates. One paged query; names are looked up for the page shown only.
 */
export const auditTrail = async (deps: UseCaseDeps, caller: Caller, filters: AuditFilters) => {
  const { employee } = await loadActor(deps, caller);
  if (!employee.orgRoles.some((r) => r === 'auditor' || r === 'hr')) {
    throw new AppError('forbidden', 'The audit trail is for auditors and HR.');
  }
  const { personId, actorId, action, from, to, pageSize, continuationToken } = filters;
  if (from !== undefined && to !== undefined && from > to) {
    throw new AppError('validation', 'The dates must end on or after they start.', {
      details: [{ path: 'query.to', message: 'Must be on or after from.' }],
    });
  }
  const query: AuditQuery = {
    ...(personId === undefined ? {} : { subjectId: personId }),
    ...(actorId === undefined ? {} : { actorId }),
    // An action the trail has never held simply matches nothing.
    ...(action === undefined ? {} : { action: action as AuditEvent['action'] }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
  const page: PageRequest = {
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(continuationToken === undefined ? {} : { continuationToken }),
  };
  const found = await deps.repos.audit.listForTenant(caller.tenantId, query, page);
  const ids = [...new Set(found.items.flatMap((e) => [e.actorId, e.subjectId]))];
  const names = new Map<PersonId, string>();
  for (const id of ids) names.set(id, (await lookUpPerson(deps, caller.tenantId, id))?.displayName ?? id);
  return {
    items: found.items.map((e) => ({
      ...strip(e),
      actorName: names.get(e.actorId) ?? e.actorId,
      subjectName: names.get(e.subjectId) ?? e.subjectId,
    })),
    ...(found.continuationToken === undefined ? {} : { continuationToken: found.continuationToken }),
  };
};
