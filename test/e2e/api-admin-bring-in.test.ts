/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
// Bringing a large organisation in through the admin routes: an HR file of several MB (a 12,000-row
// export) checked and applied from the API, while every other route keeps the small body limit; and
// a role granted in Entra shows on the Roles list after "Sync now", before the person signs in.
import { DEMO_TENANT_IDS } from '@pc/demo/demo-org.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

const LARGE = '7e570000-0000-4000-a000-0000000018b2';
const PEOPLE = 7_500;
const id = (i: number) => `staff-${String(i).padStart(5, '0')}`;
const mail = (i: number) => `staff${String(i)}@large.example`;
const large = new DeltaDirectory(
  LARGE,
  Array.from({ length: PEOPLE }, (_, i) => ({
    id: id(i),
    displayName: `Staff ${String(i)}`,
    mail: mail(i),
    jobTitle: i === 0 ? 'Chief Executive' : 'Officer',
    department: 'Corporate Services',
    ...(i === 0 ? {} : { managerId: id(Math.floor((i - 1) / 10)) }),
  })),
);
const SMALL = '7e570000-0000-4000-a000-0000000018b3';
const small = new DeltaDirectory(SMALL, [
  { id: 'dana', displayName: 'Dana Director', mail: 'dana@small.example', jobTitle: 'Director' },
  { id: 'hari', displayName: 'Hari Hughes', mail: 'hari@small.example', jobTitle: 'HR Adviser', managerId: 'dana' },
]);
small.assignAppRole('hari', 'HR');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    referenceDate: REFERENCE_DATE,
    orgs: [large, small],
    env: { ALLOWED_TENANTS: [...Object.values(DEMO_TENANT_IDS), LARGE, SMALL].join(',') },
  });
  for (const [tenantId, name] of [
    [LARGE, 'Large Council'],
    [SMALL, 'Small Council'],
  ] as const) {
    await stack.store.tenants.put({
      tenantId,
      name,
      schemeId: 'bexley-pms',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
  }
}, 120_000);
afterAll(async () => {
  await stack.close();
});

/** A token as Entra would issue it, with the given app roles. */
const token = (oid: string, roles: string[], tid = LARGE) =>
  stack.issuer.signToken({
    tid,
    oid,
    aud: stack.apiAudience,
    scp: 'access_as_user',
    name: `Person ${oid}`,
    preferred_username: `${oid}@large.example`,
    ...(roles.length === 0 ? {} : { roles }),
  });

/** An ESR-style export: a line of facts per person, several MB in all. */
const esrFile = (): string => {
  const header = [
    'Email Address',
    'Hire Date',
    'Incremental Date',
    'Probation Status',
    'Own PC',
    'Job Family',
    'Staff Group',
    'Absence Periods',
  ];
  const rows = Array.from({ length: PEOPLE }, (_, i) =>
    [
      mail(i),
      '01/04/2019',
      '2019-04-01',
      'passed',
      i % 5 === 0 ? 'No' : 'Yes',
      'Administrative and Clerical Services',
      'none',
      i % 50 === 0
        ? 'sickness:2026-11-02..2027-02-26'
        : [
            'other:2023-03-06..2023-03-10',
            'sickness:2023-11-06..2023-11-10',
            'other:2024-03-04..2024-03-08',
            'sickness:2025-01-06..2025-01-10',
            'other:2025-06-02..2025-06-06',
            'sickness:2026-02-02..2026-02-06',
          ].join(';'),
    ].join(','),
  );
  return `${header.join(',')}\n${rows.join('\n')}\n`;
};

describe('bringing a large organisation in through the admin routes', () => {
  it('checks and applies an HR file of several MB; other routes still refuse a large body', async () => {
    const admin = await token('admin-at-setup', ['Admin']);
    const call = (method: string, path: string, body?: unknown) =>
      api(stack, undefined, method, `/api/v1/admin/${path}`, { token: admin, ...(body === undefined ? {} : { body }) });
    const synced = await call('POST', 'directory-sync');
    expect(synced.json.lastRun).toMatchObject({ outcome: 'completed', counts: { failed: 0 } });
    expect((await stack.store.employees.get(LARGE, id(PEOPLE - 1)))?.item.department).toBe('Corporate Services');

    const csv = esrFile();
    expect(csv.length).toBeGreaterThan(2_000_000);
    const preview = await call('POST', 'hr-import', { csv, mapping: 'esr', dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: PEOPLE, changed: PEOPLE, issues: [] });
    expect((await stack.store.employees.get(LARGE, id(7)))?.item.incrementalDate).toBeUndefined();
    const applied = await call('POST', 'hr-import', { csv, mapping: 'esr', dryRun: false });
    expect(applied.json).toMatchObject({ rows: PEOPLE, changed: PEOPLE, issues: [] });
    const someone = (await stack.store.employees.get(LARGE, id(50)))?.item;
    expect(someone).toMatchObject({ incrementalDate: '2019-04-01', hasOwnPc: false, department: 'Corporate Services' });
    expect(someone?.leave).toEqual([{ kind: 'sickness', start: '2026-11-02', end: '2027-02-26' }]);

    // The same size of body anywhere else is refused before it is read.
    const elsewhere = await call('PUT', 'settings', { name: 'x'.repeat(300 * 1024) });
    expect(elsewhere.status).toBe(413);
  }, 600_000);

  it('shows a role granted in Entra after Sync now, before the person signs in', async () => {
    const admin = await token('admin-at-setup', ['Admin'], SMALL);
    const call = (method: string, path: string) =>
      api(stack, undefined, method, `/api/v1/admin/${path}`, { token: admin });
    expect((await call('POST', 'directory-sync')).json.lastRun).toMatchObject({ outcome: 'completed' });
    const roles = await call('GET', 'roles');
    expect(roles.json.items).toEqual([
      {
        personId: 'hari',
        displayName: 'Hari Hughes',
        email: 'hari@small.example',
        roles: [{ role: 'hr', source: 'app-role' }],
      },
    ]);

    small.removeAppRole('hari', 'HR');
    await call('POST', 'directory-sync');
    expect((await call('GET', 'roles')).json.items).toEqual([]);
  }, 120_000);
});
