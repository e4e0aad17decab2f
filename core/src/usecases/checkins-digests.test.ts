// The weekly check-in fan-out reads people, their references, settings and status digests a page
// of 100 at a time: building each person's card then costs no store operation, so a run grows
// with pages of people, not with people, and says what reading each person's records says. The
// timely nudges run reads settings and digests the same way.
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { countedRepositories, operationCounter } from '@pc/testing/fakes/memory/counting.ts';
import { inMemoryRepositories, RecordingNoticeQueue } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../time/clock.ts';
import { checkinFor, checkinTargets } from './checkins.ts';
import { everyoneInstalled } from './checkins.test-support.ts';
import type { Repositories, UseCaseDeps } from './deps.ts';
import { queueTimelyNudges } from './nudges.ts';

const TENANT = 'tenant-fanout';
// A Monday, mid-morning in London: outside quiet hours, and a check-in week for everyone.
const NOW = '2027-05-10T09:00:00.000Z';
const CYCLE = 'weekly:2027-05-10';
const PAGE = 100;

/** A manager and `reports` people, each with a regular conversation held in the winter. */
const organisation = async (reports: number): Promise<Repositories> => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant(TENANT));
  await repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  for (let i = 1; i <= reports; i += 1) {
    const id = `p-${String(i).padStart(4, '0')}`;
    await repos.employees.create(employee(TENANT, id, { displayName: `Person ${String(i)}` }));
    await repos.conversations.create(
      conversation(TENANT, `c-${id}`, { employeeId: id, status: 'agreed', date: '2027-01-11' }),
    );
  }
  return repos;
};

/** One run's targets and each one's check-in, with the store operations each part asked for. */
const fanOut = async (repos: Repositories) => {
  const counter = operationCounter();
  const deps: UseCaseDeps = { repos: countedRepositories(repos, counter), clock: fixedClock(NOW), newId: () => 'id' };
  const { targets } = await checkinTargets(deps, counter.counted(everyoneInstalled), tenant(TENANT));
  const forTargets = counter.count();
  const checkins = [];
  for (const target of targets) checkins.push(await checkinFor(deps, target, CYCLE));
  return { targets: targets.length, forTargets, forCheckins: counter.count() - forTargets, checkins };
};

describe('the weekly check-in fan-out over status digests (issue #24)', () => {
  it.each([30, 250])('for %s people, costs a few operations per page of 100 and none per check-in', async (n) => {
    const repos = await organisation(n);
    const people = n + 1;
    // The manager has no conversation yet, so no digest: the first run rebuilds it (and stores it).
    const first = await fanOut(repos);
    const fromDigests = await fanOut(repos);
    expect(first.forTargets).toBeGreaterThan(fromDigests.forTargets);
    expect(first.checkins).toEqual(fromDigests.checkins);
    const fromRecords = await fanOut({ ...repos, statusDigests: undefined });
    // The same cards, for everyone, as reading every person's records gives.
    expect(fromDigests.targets).toBe(people);
    expect(fromDigests.checkins).toEqual(fromRecords.checkins);
    expect(fromDigests.checkins.filter((c) => c !== undefined).length).toBe(people);
    // Per page: the directory, references, settings and digests, one query each.
    const pages = Math.ceil(people / PAGE);
    expect(fromDigests.forCheckins).toBe(0);
    expect(fromDigests.forTargets).toBeLessThanOrEqual(4 * pages);
    // Before digests: a read of every person's records.
    expect(fromRecords.forCheckins).toBeGreaterThanOrEqual(people);
    const perTarget = (r: typeof fromDigests) => ((r.forTargets + r.forCheckins) / r.targets).toFixed(2);
    console.info(
      `check-in fan-out to ${String(people)} people: ${String(fromDigests.forTargets + fromDigests.forCheckins)} store operations from digests (${perTarget(fromDigests)} per target), ${String(fromRecords.forTargets + fromRecords.forCheckins)} from records (${perTarget(fromRecords)} per target)`,
    );
  });
});

describe('the timely nudges run over status digests (issue #24)', () => {
  /** One run's nudges and the store operations it asked for. */
  const nudgeRun = async (repos: Repositories, now: string) => {
    const counter = operationCounter();
    const notices = new RecordingNoticeQueue();
    const deps = { repos: countedRepositories(repos, counter), clock: fixedClock(now), newId: () => 'id', notices };
    const run = await queueTimelyNudges(deps, TENANT);
    return { run, queued: notices.queued, ops: counter.count() };
  };

  // Per page the directory, settings and digests (on Fridays the page's reports with theirs too).
  it.each([
    ['a Monday', NOW, 3, 0],
    ['a Friday, with the manager’s digest of 250 reports', '2027-05-14T09:00:00.000Z', 4, 1],
  ])(
    'on %s, reads settings and what is due a page at a time: only notes about each person one by one',
    async (_day, now, perPage, digests) => {
      const n = 250;
      const repos = await organisation(n);
      await nudgeRun(repos, now);
      const fromDigests = await nudgeRun(repos, now);
      const fromRecords = await nudgeRun({ ...repos, statusDigests: undefined }, now);
      expect(fromDigests.queued).toEqual(fromRecords.queued);
      expect(fromDigests.queued.filter((q) => q.id.startsWith('digest-'))).toHaveLength(digests);
      const people = n + 1;
      const pages = Math.ceil(people / PAGE);
      // The tenant and tomorrow's bookings; per page its reads; per person their notes.
      expect(fromDigests.ops).toBeLessThanOrEqual(2 + perPage * pages + people);
      // Without digests, each person's records are read as well.
      expect(fromRecords.ops).toBeGreaterThanOrEqual(2 * people);
      console.info(
        `timely nudges on ${_day} for ${String(people)} people: ${String(fromDigests.ops)} store operations from digests (${(fromDigests.ops / people).toFixed(2)} per person), ${String(fromRecords.ops)} from records (${(fromRecords.ops / people).toFixed(2)} per person)`,
      );
    },
  );
});
