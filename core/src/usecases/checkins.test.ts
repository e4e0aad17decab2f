// The check-in's wellbeing answer over the in-memory repositories: kept, and readable by the pair only.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import { pairWellbeing, recordWellbeing, snoozeCheckins } from './checkins.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-checkins';
const as = (userId: string): Caller => ({ tenantId: TENANT, userId });
let deps: UseCaseDeps;

beforeEach(async () => {
  deps = { repos: inMemoryRepositories(), clock: fixedClock('2027-05-10T09:00:00.000Z'), newId: () => 'id' };
  await deps.repos.tenants.put(tenant(TENANT));
  // Sam and Alex report to mgr-1 (the fixture's default manager).
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
  await deps.repos.employees.create(employee(TENANT, 'alex'));
});

describe('check-in wellbeing answer', () => {
  it('is kept, and the person and their line manager can read it', async () => {
    expect(await recordWellbeing(deps, as('sam'), 'struggling')).toBe('struggling');
    const expected = { answer: 'struggling', answeredOn: '2027-05-10T09:00:00.000Z' };
    expect(await pairWellbeing(deps, as('sam'), 'sam')).toEqual(expected);
    expect(await pairWellbeing(deps, as('mgr-1'), 'sam')).toEqual(expected);
  });

  it('is not shown to a colleague', async () => {
    await recordWellbeing(deps, as('sam'), 'okay');
    const refused = await pairWellbeing(deps, as('alex'), 'sam').then(
      () => 'shown',
      (e: unknown) => (isAppError(e) ? e.code : 'other'),
    );
    expect(refused).toBe('forbidden');
  });

  it('"I\'d rather not say" and unknown values keep nothing', async () => {
    expect(await recordWellbeing(deps, as('sam'), 'not-said')).toBeUndefined();
    expect(await recordWellbeing(deps, as('sam'), '<script>')).toBeUndefined();
    expect(await pairWellbeing(deps, as('sam'), 'sam')).toBeUndefined();
  });

  it('survives snoozing, which changes other settings', async () => {
    await recordWellbeing(deps, as('sam'), 'good');
    await snoozeCheckins(deps, as('sam'));
    expect((await pairWellbeing(deps, as('sam'), 'sam'))?.answer).toBe('good');
  });
});
