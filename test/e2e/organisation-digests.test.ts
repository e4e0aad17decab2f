// HR's organisation figures and the completions export read each person's status digest, not
// their history: on the demo organisation (every tenant, every scheme), what they say from the
// digests kept by the writes is what they say from everyone's records, as they said before digests.
import { fixedClock, type ConversationRecord, type IsoDate } from '@pc/core';
import {
  completionsExport,
  organisationCompliance,
  reconcileStatusDigests,
  type Caller,
  type Repositories,
  type UseCaseDeps,
} from '@pc/core/usecases';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { buildDemoOrg, demoPersonId, type DemoOrg } from '@pc/demo/demo-org.ts';
import { seedDemoData } from '@pc/demo/seed.ts';
import { inMemoryRepositories } from '../fakes/memory/index.ts';

const TODAY: IsoDate = '2027-05-03';
type CompletionLayoutId = NonNullable<Parameters<typeof completionsExport>[3]>;
const NOTE = 'Private: spoke about a family matter.';

let demo: DemoOrg;
let repos: Repositories;

const deps = (r: Repositories): UseCaseDeps => ({
  repos: r,
  clock: fixedClock(`${TODAY}T10:00:00.000Z`),
  newId: () => 'id',
});
/** The same store with no digests: every view reads everyone's records, as before digests. */
const fromHistories = (): UseCaseDeps => deps({ ...repos, statusDigests: undefined });
const as = (tenant: 1 | 2 | 3 | 4 | 5, n: number): Caller => ({
  tenantId: demo.tenants[tenant - 1]?.tenantId ?? '',
  userId: demoPersonId(tenant, n),
});

const exportRows = async (d: UseCaseDeps, caller: Caller, layout: CompletionLayoutId) => {
  const file = await completionsExport(d, caller, { from: '2025-01-01', to: TODAY }, layout);
  const rows: string[][] = [];
  for await (const row of file.rows) rows.push(row);
  return rows;
};

beforeAll(async () => {
  demo = buildDemoOrg(TODAY);
  repos = inMemoryRepositories();
  await seedDemoData(repos, demo);
  // What the demo lacks and the digests now carry: a rating and an appeal, one decided and one open.
  const somerset = demo.tenants[3]?.tenantId ?? '';
  const base = { tenantId: somerset, managerIds: [demoPersonId(4, 6)], notes: NOTE, type: 'annual-review' as const };
  const agreed = { status: 'agreed' as const, agreement: { employeeAgreedAt: '2027-04-12T10:00:00.000Z' } };
  const appeal = (on: string, decided: boolean): ConversationRecord['appeal'] => ({
    lodgedOn: on,
    lodgedBy: demoPersonId(4, 19),
    lodgedByRepresentative: false,
    ...(decided ? { decision: { on: '2027-04-30', outcome: 'not-upheld' as const, text: NOTE } } : {}),
  });
  for (const [n, decided] of [
    [19, true],
    [20, false],
  ] as const) {
    await repos.conversations.create(
      conversation({
        ...base,
        ...agreed,
        id: `digest-appeal-${String(n)}`,
        employeeId: demoPersonId(4, n),
        date: '2027-04-12',
        rating: { value: 'meets' },
        appeal: appeal('2027-04-20', decided),
      }),
    );
  }
}, 60_000);

describe('organisation views from status digests (issue #24)', () => {
  it('003 §8: HR compliance and a senior manager’s service say the same from digests as from every history', async () => {
    for (const tenant of [1, 2, 3, 4, 5] as const) {
      for (const n of [11, 1]) {
        const fromDigests = await organisationCompliance(deps(repos), as(tenant, n));
        expect(fromDigests).toEqual(await organisationCompliance(fromHistories(), as(tenant, n)));
      }
    }
    const somerset = await organisationCompliance(deps(repos), as(4, 11));
    expect(somerset.appeals).toEqual({ lodged: 2, open: 1 });
    expect(somerset.overdueTotal).toBeGreaterThan(0);
    expect(JSON.stringify(somerset)).not.toContain('family matter');
  });

  it('the completions export has the same rows from digests as from every history, in each layout', async () => {
    for (const tenant of [1, 2, 3, 4, 5] as const) {
      // ESR is the NHS scheme's (Somerset) only.
      const somerset = demo.tenants[tenant - 1]?.schemeId === 'somerset-career-conversations';
      const layouts: CompletionLayoutId[] = somerset ? ['standard', 'itrent', 'esr'] : ['standard', 'itrent'];
      for (const layout of layouts) {
        // HR across the organisation, and a team manager for their reports.
        for (const n of [11, 6]) {
          const rows = await exportRows(deps(repos), as(tenant, n), layout);
          expect(rows).toEqual(await exportRows(fromHistories(), as(tenant, n), layout));
        }
      }
    }
    const rated = await exportRows(deps(repos), as(4, 11), 'esr');
    expect(rated.find((r) => r.includes('digest-appeal-19'))).toContain('meets');
  });

  it('the reconciliation job rewrites a digest written before it carried ratings and appeals', async () => {
    const somerset = demo.tenants[3]?.tenantId ?? '';
    const personId = demoPersonId(4, 19);
    const statusDigests = repos.statusDigests;
    const stored = await statusDigests?.get(somerset, personId);
    if (statusDigests === undefined || stored === undefined) throw new Error('no digest for the appellant');
    const older = {
      ...stored.item,
      entries: stored.item.entries.map(({ rating: _rating, appeal: _appeal, ...rest }) => rest),
    };
    await statusDigests.put(older, stored.etag);
    const run = await reconcileStatusDigests({ ...repos, statusDigests }, somerset);
    expect(run.repaired).toBe(1);
    const repaired = (await statusDigests.get(somerset, personId))?.item;
    expect(repaired?.entries.find((e) => e.id === 'digest-appeal-19')).toMatchObject({
      rating: 'meets',
      appeal: { lodgedOn: '2027-04-20', decided: true },
    });
    expect(JSON.stringify(repaired)).not.toContain('family matter');
  });
});
