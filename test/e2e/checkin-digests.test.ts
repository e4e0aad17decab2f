// The weekly check-in fan-out and the timely nudges run read each person's status digest with their
// page of the directory, not their history: on the demo organisation (every tenant, every scheme),
// each person's card is the card worked out from their records, as it was before digests, and
// never carries note text.
import { fixedClock, type IsoDate } from '@pc/core';
import {
  checkinFor,
  checkinTargets,
  queueTimelyNudges,
  type CheckinTarget,
  type Repositories,
  type UseCaseDeps,
} from '@pc/core/usecases';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { everyoneInstalled } from '../../core/src/usecases/checkins.test-support.ts';
import { buildDemoOrg, demoPersonId, type DemoOrg } from '@pc/demo/demo-org.ts';
import { seedDemoData } from '@pc/demo/seed.ts';
import { inMemoryRepositories, RecordingNoticeQueue } from '../fakes/memory/index.ts';

// A Monday, mid-morning in London: outside every organisation's quiet hours.
const TODAY: IsoDate = '2027-05-03';
const CYCLE = `weekly:${TODAY}`;
const NOTE = 'Private: spoke about a family matter.';

let demo: DemoOrg;
let repos: Repositories;

const deps: () => UseCaseDeps = () => ({ repos, clock: fixedClock(`${TODAY}T10:00:00.000Z`), newId: () => 'id' });

/** The same person as a target found without their digest: their check-in is worked out from their records. */
const fromRecords = ({ tenant, employee, found }: CheckinTarget): CheckinTarget => ({
  tenant,
  employee,
  found: { settings: found?.settings },
});

beforeAll(async () => {
  demo = buildDemoOrg(TODAY);
  repos = inMemoryRepositories();
  await seedDemoData(repos, demo);
  // A record with note text: the card from the digest must say what it says, without the text.
  await repos.conversations.create(
    conversation({
      tenantId: demo.tenants[3]?.tenantId ?? '',
      id: 'checkin-digest-note',
      employeeId: demoPersonId(4, 19),
      managerIds: [demoPersonId(4, 6)],
      type: 'regular',
      status: 'agreed',
      agreement: { employeeAgreedAt: '2027-04-12T10:00:00.000Z' },
      date: '2027-04-12',
      notes: NOTE,
    }),
  );
}, 60_000);

describe('weekly check-ins from status digests (issue #24)', () => {
  it('every demo person’s check-in from their digest is the one worked out from their records', async () => {
    let cards = 0;
    for (const { tenantId } of demo.tenants) {
      const tenant = (await repos.tenants.get(tenantId))?.item;
      if (tenant === undefined) throw new Error(`tenant ${tenantId} not seeded`);
      const { targets, quiet, notThisWeek } = await checkinTargets(deps(), everyoneInstalled, tenant);
      // Everyone still employed is asked this week, so every person's card is compared.
      const employed = (await repos.employees.list(tenantId, { pageSize: 100 })).items.filter(
        (e) => e.leftOn === undefined || e.leftOn > TODAY,
      );
      expect({ targets: targets.length, quiet, notThisWeek }).toEqual({
        targets: employed.length,
        quiet: 0,
        notThisWeek: 0,
      });
      for (const target of targets) {
        expect(target.found?.history).toBeDefined();
        const fromDigest = await checkinFor(deps(), target, CYCLE);
        expect(fromDigest).toEqual(await checkinFor(deps(), fromRecords(target), CYCLE));
        expect(JSON.stringify(fromDigest ?? null)).not.toContain('family matter');
        if (fromDigest !== undefined) cards += 1;
      }
    }
    // The demo has something due for many people: the comparison is of real cards, not of nothing.
    expect(cards).toBeGreaterThan(50);
  });

  it('a person whose digest is missing gets the same check-in, and their digest is stored again', async () => {
    const somerset = demo.tenants[3];
    const statusDigests = repos.statusDigests;
    if (somerset === undefined || statusDigests === undefined) throw new Error('demo without digests');
    const personId = demoPersonId(4, 19);
    const kept = await statusDigests.get(somerset.tenantId, personId);
    const tenant = (await repos.tenants.get(somerset.tenantId))?.item;
    if (kept === undefined || tenant === undefined) throw new Error('no digest for the person');
    const cardOf = async () => {
      const { targets } = await checkinTargets(deps(), everyoneInstalled, tenant);
      const target = targets.find((t) => t.employee.id === personId);
      return target === undefined ? 'not a target' : checkinFor(deps(), target, CYCLE);
    };
    const before = await cardOf();
    // An older format stands for a digest the records no longer match: it is rebuilt, not believed.
    await statusDigests.put({ ...kept.item, format: kept.item.format - 1, entries: [] }, kept.etag);
    expect(await cardOf()).toEqual(before);
    expect((await statusDigests.get(somerset.tenantId, personId))?.item).toEqual(kept.item);
  });
});

describe('timely nudges from status digests (issue #24)', () => {
  /** Everything one run queues for the tenant, from digests or (none) from everyone's records. */
  const nudgesOn = async (tenantId: string, day: IsoDate, store: Repositories) => {
    const notices = new RecordingNoticeQueue();
    const run = await queueTimelyNudges(
      { repos: store, clock: fixedClock(`${day}T10:00:00.000Z`), newId: () => 'id', notices },
      tenantId,
    );
    return { run, queued: notices.queued };
  };

  // Each day has nudges of the kinds that read a person's history: deadlines, an appeal window
  // closing, and (on Fridays) each manager's digest of their team.
  it.each([
    ['2027-05-03', ['deadline', 'appeal-closing']],
    ['2027-05-07', ['digest']],
    ['2027-05-14', ['deadline', 'digest']],
  ])('on %s, the %j nudges from digests are those worked out from records', async (day, kinds) => {
    const seen = new Set<string>();
    for (const { tenantId } of demo.tenants) {
      const fromDigests = await nudgesOn(tenantId, day, repos);
      expect(fromDigests).toEqual(await nudgesOn(tenantId, day, { ...repos, statusDigests: undefined }));
      expect(JSON.stringify(fromDigests.queued)).not.toContain('family matter');
      for (const { id } of fromDigests.queued) seen.add(id.slice(0, id.lastIndexOf('-')));
    }
    expect([...seen]).toEqual(expect.arrayContaining(kinds));
  });
});
