import type { AuditEvent } from '../domain/audit.ts';
import type { PersonId } from '../domain/people.ts';
import type { ExceptionalAccessRequest } from '../permissions/decide.ts';
import type { Page, PageRequest } from '../ports/repositories.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

export const allPages = async <T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await read({ pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) });
    items.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return items;
};

export const audit = async (
  deps: UseCaseDeps,
  caller: Caller,
  subjectId: PersonId,
  action: AuditEvent['action'],
  resource: AuditEvent['resource'],
  reason?: ExceptionalAccessRequest,
) => {
  await deps.repos.audit.append({
    tenantId: caller.tenantId,
    id: deps.newId(),
    at: deps.clock.now(),
    actorId: caller.userId,
    subjectId,
    action,
    ...(reason === undefined ? {} : { reason: { category: reason.category, text: reason.text } }),
    resource,
  });
};

export const strip = <T extends { tenantId: string }>(item: T): Omit<T, 'tenantId'> => {
  const { tenantId: _tenant, ...rest } = item;
  return rest;
};
