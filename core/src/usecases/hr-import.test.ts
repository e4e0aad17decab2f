// HR import over the in-memory stores: a line-by-line report, nothing applied while any row is
// wrong, and a second import of the same file changing nothing.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from './deps.ts';
import type { HrRow } from './hr-file.ts';
import { importHrRows } from './hr-import.ts';

const T = 'tenant-import';
let repos: Repositories;

beforeEach(async () => {
  repos = inMemoryRepositories();
  await repos.tenants.put(tenant(T, { schemeId: 'somerset-career-conversations' }));
  for (const id of ['ann', 'ben', 'cat']) {
    await repos.employees.create(
      employee(T, id, {
        startDate: '2020-01-06',
        jobs: [
          {
            id: 'main',
            title: 'Officer',
            managerIds: ['cat'],
            isMain: true,
            contract: 'substantive',
            startDate: '2020-01-06',
          },
        ],
      }),
    );
  }
});

const header = [
  'email',
  'start_date',
  'incremental_date',
  'probation_status',
  'probation_end_date',
  'leave',
  'second_job_title',
  'second_job_manager',
  'has_own_pc',
  'staff_group',
];
const rows = (...cells: Record<string, string>[]): HrRow[] => cells.map((c, i) => ({ line: i + 2, cells: c }));
const good = rows(
  {
    email: 'ann@example.test',
    start_date: '01/09/2019',
    incremental_date: '2019-09-01',
    leave: 'maternity:2026-01-05..2026-09-30',
    has_own_pc: 'no',
  },
  {
    email: 'BEN@example.test',
    probation_status: 'in-probation',
    probation_end_date: '2027-07-01',
    second_job_title: 'Relief Porter',
    second_job_manager: 'ann@example.test',
    staff_group: 'medical-and-dental',
  },
);

describe('HR import', () => {
  it('applies what the file says and changes nothing when the same file comes again', async () => {
    const dry = await importHrRows({ repos }, T, header, good, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, changed: 2, issues: [] });
    expect((await repos.employees.get(T, 'ann'))?.item.startDate).toBe('2020-01-06');

    expect(await importHrRows({ repos }, T, header, good, { dryRun: false })).toMatchObject({ changed: 2, issues: [] });
    const ann = (await repos.employees.get(T, 'ann'))!;
    expect(ann.item).toMatchObject({
      startDate: '2019-09-01',
      incrementalDate: '2019-09-01',
      hasOwnPc: false,
      leave: [{ kind: 'maternity', start: '2026-01-05', end: '2026-09-30' }],
    });
    expect(ann.item.jobs[0]?.startDate).toBe('2019-09-01');
    const ben = (await repos.employees.get(T, 'ben'))!.item;
    expect(ben).toMatchObject({
      probation: { status: 'in-probation', endDate: '2027-07-01' },
      staffGroups: ['medical-and-dental'],
    });
    expect(ben.jobs[1]).toMatchObject({ title: 'Relief Porter', managerIds: ['ann'], isMain: false });

    const again = await importHrRows({ repos }, T, header, good, { dryRun: false });
    expect(again).toMatchObject({ changed: 0, unchanged: 2 });
    expect((await repos.employees.get(T, 'ann'))?.etag).toBe(ann.etag);
  });

  it('recognises a second job already on record under another id, and "none" for someone in no staff group', async () => {
    const stored = (await repos.employees.get(T, 'cat'))!;
    const second = {
      id: 'j2',
      title: 'Relief Porter',
      managerIds: ['ann'],
      isMain: false,
      contract: 'additional' as const,
      startDate: '2021-01-01',
    };
    await repos.employees.update({ ...stored.item, jobs: [...stored.item.jobs, second] }, stored.etag);
    const file = rows({
      email: 'cat@example.test',
      second_job_title: 'Relief Porter',
      second_job_manager: 'ann@example.test',
      staff_group: 'none',
    });
    expect(await importHrRows({ repos }, T, header, file, { dryRun: false })).toMatchObject({
      changed: 0,
      unchanged: 1,
    });
    const moved = rows({
      email: 'cat@example.test',
      second_job_title: 'Relief Porter',
      second_job_manager: 'ben@example.test',
    });
    expect(await importHrRows({ repos }, T, header, moved, { dryRun: false })).toMatchObject({ changed: 1 });
    expect((await repos.employees.get(T, 'cat'))?.item.jobs[1]).toEqual({ ...second, managerIds: ['ben'] });
  });

  it('reports each bad cell by row and column and applies none of the file', async () => {
    const bad = rows(
      { email: 'ann@example.test', start_date: '2019-13-45', has_own_pc: 'maybe' },
      { email: 'nobody@example.test' },
      { email: 'ben@example.test', second_job_title: 'Porter', second_job_manager: 'ghost@example.test' },
      { email: 'ann@example.test' },
      { email: 'cat@example.test', has_own_pc: 'no' },
    );
    const result = await importHrRows({ repos }, T, header, bad, { dryRun: false });
    expect(result.issues).toEqual([
      { row: 2, column: 'start_date', reason: '"2019-13-45" is not a date (YYYY-MM-DD or DD/MM/YYYY).' },
      { row: 2, column: 'has_own_pc', reason: '"maybe" is not yes or no.' },
      {
        row: 3,
        column: 'email',
        reason: 'No one with the email "nobody@example.test" is in the directory; sync it first.',
      },
      {
        row: 4,
        column: 'second_job_manager',
        reason: 'No one with the email "ghost@example.test" is in the directory.',
      },
      { row: 5, column: 'email', reason: 'ann@example.test is already on row 2.' },
    ]);
    expect((await repos.employees.get(T, 'cat'))?.item.hasOwnPc).toBe(true);
  });

  it('reads no one again after listing, and a record changed since the listing keeps that change', async () => {
    const reads: string[] = [];
    const { employees } = repos;
    const watched: typeof employees = {
      create: (e) => employees.create(e),
      update: (e, etag) => employees.update(e, etag),
      listReports: (tenantId, managerId) => employees.listReports(tenantId, managerId),
      list: (tenantId, page) => employees.list(tenantId, page),
      listAll: (tenantId) => employees.listAll(tenantId),
      get: (tenantId, id) => {
        reads.push(id);
        return employees.get(tenantId, id);
      },
      // Someone renames Ann between the import's listing and its writes.
      listAllStored: async (tenantId) => {
        const listed = await employees.listAllStored(tenantId);
        const ann = (await employees.get(tenantId, 'ann'))!;
        await employees.update({ ...ann.item, displayName: 'Ann Renamed' }, ann.etag);
        return listed;
      },
    };
    const result = await importHrRows({ repos: { ...repos, employees: watched } }, T, header, good, { dryRun: false });
    expect(result).toMatchObject({ changed: 2, issues: [] });
    expect(reads).toEqual(['ann']);
    expect((await repos.employees.get(T, 'ann'))?.item).toMatchObject({ displayName: 'Ann Renamed', hasOwnPc: false });
  });

  it('refuses a file whose columns it does not know', async () => {
    const result = await importHrRows({ repos }, T, ['mail', 'start'], rows({ mail: 'ann@example.test' }), {
      dryRun: false,
    });
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [1, 'mail'],
      [1, 'start'],
      [1, 'email'],
    ]);
  });

  it('keeps a department from the file, and a blank cell leaves the one there', async () => {
    const file = rows({ email: 'ann@example.test', department: 'Adult Social Care' }, { email: 'ben@example.test' });
    const applied = await importHrRows({ repos }, T, ['email', 'department'], file, { dryRun: false });
    expect(applied).toMatchObject({ changed: 1, unchanged: 1, issues: [] });
    expect((await repos.employees.get(T, 'ann'))?.item.department).toBe('Adult Social Care');
    expect((await repos.employees.get(T, 'ben'))?.item.department).toBeUndefined();
    const again = await importHrRows({ repos }, T, ['email', 'department'], file, { dryRun: false });
    expect(again).toMatchObject({ changed: 0, unchanged: 2 });
  });
});
