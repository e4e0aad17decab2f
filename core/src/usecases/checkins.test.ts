// The check-in's wellbeing answer over the in-memory repositories: kept, and readable by the pair only.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import { checkinTargets, pairWellbeing, recordWellbeing, snoozeCheckins } from './checkins.ts';
import { checkinsEvery, everyoneInstalled } from './checkins.test-support.ts';
import { saveMyNudgeSettings, NO_NUDGE_SETTINGS_ETAG, type MyNudgeSettingsInput } from './nudges-settings.ts';
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

describe('check-in cadence', () => {
  // Everyone has the app (read one by one); Monday mornings, outside the default quiet hours.
  const ODD_WEEK = '2027-05-10T09:00:00.000Z';
  const EVEN_WEEK = '2027-05-17T09:00:00.000Z';
  const FOUR_WEEKS_ON = '2027-06-14T09:00:00.000Z';
  const on = (now: string): UseCaseDeps => ({ ...deps, clock: fixedClock(now) });
  const choose = async (userId: string, checkinCadence: MyNudgeSettingsInput['checkinCadence']) => {
    const body: MyNudgeSettingsInput = {
      nudges: { preparation: true, 'note-told': true, digest: true, deadline: true },
      channel: 'chat',
      quietHours: null,
      namedAnswers: false,
      checkinCadence,
    };
    await saveMyNudgeSettings(deps, as(userId), body, NO_NUDGE_SETTINGS_ETAG);
  };
  const targetsAt = async (now: string) => {
    const tenantNow = (await deps.repos.tenants.get(TENANT))?.item ?? tenant(TENANT);
    const found = await checkinTargets(on(now), { get: everyoneInstalled.get }, tenantNow);
    return { ids: found.targets.map((t) => t.employee.id).sort(), notThisWeek: found.notThisWeek };
  };

  it('a person on fortnightly is asked every other week, the same weeks every run; the others every week', async () => {
    await choose('sam', 'fortnightly');
    expect(await targetsAt(ODD_WEEK)).toEqual({ ids: ['alex', 'mgr-1'], notThisWeek: 1 });
    expect(await targetsAt(ODD_WEEK)).toEqual({ ids: ['alex', 'mgr-1'], notThisWeek: 1 });
    expect(await targetsAt(EVEN_WEEK)).toEqual({ ids: ['alex', 'mgr-1', 'sam'], notThisWeek: 0 });
  });

  it('monthly is every fourth week; never is no week at all', async () => {
    await choose('sam', 'monthly');
    await choose('alex', 'never');
    expect((await targetsAt(EVEN_WEEK)).ids).toEqual(['mgr-1', 'sam']);
    expect((await targetsAt('2027-05-24T09:00:00.000Z')).ids).toEqual(['mgr-1']);
    expect((await targetsAt('2027-05-31T09:00:00.000Z')).ids).toEqual(['mgr-1']);
    expect((await targetsAt('2027-06-07T09:00:00.000Z')).ids).toEqual(['mgr-1']);
    expect(await targetsAt(FOUR_WEEKS_ON)).toEqual({ ids: ['mgr-1', 'sam'], notThisWeek: 1 });
  });

  it("without a choice of their own, people follow the organisation's cadence; a weekly choice overrides it", async () => {
    await deps.repos.tenants.put(checkinsEvery(2)(tenant(TENANT)));
    await choose('sam', 'weekly');
    expect(await targetsAt(ODD_WEEK)).toEqual({ ids: ['sam'], notThisWeek: 2 });
    expect((await targetsAt(EVEN_WEEK)).ids).toEqual(['alex', 'mgr-1', 'sam']);
  });
});
