// Finding someone by name for a request about them, over the in-memory repositories.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { findPeople } from './people-search.ts';

const TENANT = 'tenant-search';
const OTHER_TENANT = 'tenant-elsewhere';
const as = (userId: string, tenantId = TENANT): Caller => ({ tenantId, userId });
const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isAppError(error) ? error.code : 'not an AppError'),
  );

let deps: UseCaseDeps;

beforeEach(async () => {
  deps = { repos: inMemoryRepositories(), clock: fixedClock('2027-05-10T09:00:00.000Z'), newId: () => 'id' };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.tenants.put(tenant(OTHER_TENANT));
  await deps.repos.employees.create(employee(TENANT, 'hr', { displayName: 'Hana Reed', orgRoles: ['hr'] }));
  await deps.repos.employees.create(employee(TENANT, 'aud', { displayName: 'Ava Ode', orgRoles: ['auditor'] }));
  await deps.repos.employees.create(employee(TENANT, 'sam', { displayName: 'Sam Patel' }));
  await deps.repos.employees.create(employee(TENANT, 'sal', { displayName: 'Sally Patterson' }));
  await deps.repos.employees.create(employee(OTHER_TENANT, 'sab', { displayName: 'Sam Pattinson' }));
});

describe('finding a person for a request about them', () => {
  it('HR and auditors find people in their own organisation by every word of a name or email, in name order', async () => {
    expect((await findPeople(deps, as('hr'), 'pat')).map((p) => p.displayName)).toEqual([
      'Sally Patterson',
      'Sam Patel',
    ]);
    expect((await findPeople(deps, as('aud'), 'SAM pat')).map((p) => p.id)).toEqual(['sam']);
    expect((await findPeople(deps, as('hr'), 'sal@example')).map((p) => p.id)).toEqual(['sal']);
  });

  it('anyone else is refused, and a query of one letter asks for more', async () => {
    expect(await codeOf(findPeople(deps, as('sam'), 'pat'))).toBe('forbidden');
    expect(await codeOf(findPeople(deps, as('hr'), ' p '))).toBe('validation');
  });
});
