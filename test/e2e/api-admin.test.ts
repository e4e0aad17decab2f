/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- responses are read as loose JSON */
// Tenant administration over the API: administrators only, roles from Entra at sign-in, settings
// versioned with If-Match, and a new tenant onboarded, synced and imported through the admin routes.
import { readFile } from 'node:fs/promises';
import { APP_ROLES } from '@pc/core/usecases';
import { DEMO_TENANT_IDS } from '@pc/demo/demo-org.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const FRESH = '7e570000-0000-4000-a000-0000000000ad';
const fresh = new DeltaDirectory(FRESH, [
  { id: 'boss', displayName: 'Bea Boss', mail: 'bea@fresh.example', jobTitle: 'Director' },
  { id: 'lead', displayName: 'Lee Lead', mail: 'lee@fresh.example', jobTitle: 'Team Leader', managerId: 'boss' },
  { id: 'worker', displayName: 'Wyn Worker', mail: 'wyn@fresh.example', jobTitle: 'Officer', managerId: 'lead' },
]);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    referenceDate: REFERENCE_DATE,
    orgs: [fresh],
    env: { ALLOWED_TENANTS: [...Object.values(DEMO_TENANT_IDS), FRESH].join(',') },
  });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

/** A token as Entra would issue it with the given app roles (and groups). */
const entraToken = (tid: string, oid: string, roles: string[], groups?: string[]) =>
  stack.issuer.signToken({
    tid,
    oid,
    aud: stack.apiAudience,
    scp: 'access_as_user',
    name: `Person ${oid}`,
    preferred_username: `${oid}@example.org`,
    ...(roles.length === 0 ? {} : { roles }),
    ...(groups === undefined ? {} : { groups }),
  });

const ADMIN_ROUTES = [
  ['GET', '/api/v1/admin/settings'],
  ['GET', '/api/v1/admin/settings/history'],
  ['GET', '/api/v1/admin/directory-sync'],
  ['POST', '/api/v1/admin/directory-sync'],
  ['GET', '/api/v1/admin/roles'],
] as const;

// Assembly (tenant 5): 11 is HR and administrator, 12 the auditor, 19 a colleague.
const A = { admin: who(5, 11), auditor: who(5, 12), colleague: who(5, 19) };

describe('who may administer', () => {
  it('the app registration declares one app role for each role, with the values the API maps', async () => {
    const declared = JSON.parse(await readFile('infra/app-roles.json', 'utf8')) as { value: string }[];
    const mapped = declared.map((r) => APP_ROLES[r.value.toLowerCase()]);
    expect(mapped.sort()).toEqual(['admin', 'auditor', 'coordinator', 'hr', 'senior-manager']);
  });

  it('anyone without the admin role gets 403 with a sentence, on every admin route', async () => {
    for (const person of [A.colleague, A.auditor]) {
      for (const [method, path] of ADMIN_ROUTES) {
        const reply = await api(stack, person, method, path);
        expect(reply.status, `${method} ${path}`).toBe(403);
        expect(reply.json.error.message).toMatch(/administrator.*Admin role/);
      }
      const upload = await api(stack, person, 'POST', '/api/v1/admin/hr-import', {
        body: { csv: 'email\n', dryRun: true },
      });
      expect(upload.status).toBe(403);
    }
  });

  it('the Admin app role in the token grants it at sign-in; losing it in Entra takes it away', async () => {
    const granted = await entraToken(DEMO_TENANT_IDS['assembly-secretariat'], A.colleague, ['Admin']);
    const me = await api(stack, undefined, 'GET', '/api/v1/me', { token: granted });
    expect(me.json.orgRoles).toContain('admin');
    expect((await api(stack, undefined, 'GET', '/api/v1/admin/settings', { token: granted })).status).toBe(200);
    const roles = await api(stack, A.admin, 'GET', '/api/v1/admin/roles');
    const holder = roles.json.items.find((h: { personId: string }) => h.personId === A.colleague);
    expect(holder.roles).toEqual([{ role: 'admin', source: 'app-role' }]);

    const revoked = await entraToken(DEMO_TENANT_IDS['assembly-secretariat'], A.colleague, []);
    expect((await api(stack, undefined, 'GET', '/api/v1/me', { token: revoked })).json.orgRoles).not.toContain('admin');
    expect((await api(stack, undefined, 'GET', '/api/v1/admin/settings', { token: revoked })).status).toBe(403);
  });
});

describe('settings the policies leave to the organisation', () => {
  it('004: a new Big Picture question set is a new version, and the scheme everyone reads carries it', async () => {
    const loaded = await api(stack, A.admin, 'GET', '/api/v1/admin/settings');
    expect(loaded.json.settings.version).toBe(0);
    expect(loaded.json.settings.scheme.bigPictureQuestions.length).toBeGreaterThan(0);
    const { name, schemeId, nation, timeZone } = loaded.json.tenant;
    const { quietHours, checkinEveryWeeks, roleGroups } = loaded.json.settings;
    const input = {
      quietHours,
      checkinEveryWeeks,
      roleGroups,
      name,
      schemeId,
      nation,
      timeZone,
      scheme: {
        ...loaded.json.settings.scheme,
        bigPictureQuestions: [{ id: 'net-zero', text: 'How does your work help the Commission reach net zero?' }],
      },
    };

    expect((await api(stack, A.admin, 'PUT', '/api/v1/admin/settings', { body: input })).status).toBe(400);
    const saved = await api(stack, A.admin, 'PUT', '/api/v1/admin/settings', {
      body: input,
      ifMatch: loaded.json.etag,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.settings).toMatchObject({
      version: 1,
      updatedBy: A.admin,
      changed: ['scheme.bigPictureQuestions'],
    });
    expect(saved.headers.get('etag')).toBe(saved.json.etag);

    const scheme = await api(stack, A.colleague, 'GET', '/api/v1/scheme');
    expect(scheme.json.bigPicture.questions).toEqual([
      { id: 'net-zero', text: 'How does your work help the Commission reach net zero?' },
    ]);

    // A second administrator still holding the first version is refused, not silently overwritten.
    const stale = await api(stack, A.admin, 'PUT', '/api/v1/admin/settings', {
      body: { ...input, checkinEveryWeeks: 2 },
      ifMatch: loaded.json.etag,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/changed these settings/);

    const history = await api(stack, A.admin, 'GET', '/api/v1/admin/settings/history');
    expect(history.json.items.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(history.json.items[0].updatedByName).toMatch(/\S/);
  });
});

describe('a new tenant through the admin routes alone', () => {
  it('onboards, syncs the directory and imports the HR file with a preview first', async () => {
    const admin = await entraToken(FRESH, 'it-admin', ['Admin']);
    const call = (method: string, path: string, body?: unknown, ifMatch?: string) =>
      api(stack, undefined, method, `/api/v1/admin/${path}`, {
        token: admin,
        ...(body === undefined ? {} : { body }),
        ...(ifMatch === undefined ? {} : { ifMatch }),
      });

    const before = await call('GET', 'settings');
    expect(before.json).toMatchObject({ tenant: null, settings: null });
    expect(before.json.adminConsentUrl).toContain(`/${FRESH}/adminconsent?client_id=`);
    expect((await call('POST', 'directory-sync')).status).toBe(404);

    const onboarded = await call(
      'PUT',
      'settings',
      {
        name: 'Fresh Example Council',
        schemeId: 'cumbria-vip',
        nation: 'england-and-wales',
        timeZone: 'Europe/London',
        quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
        checkinEveryWeeks: 1,
        roleGroups: {},
        scheme: { regularEveryWeeks: 6 },
      },
      before.json.etag,
    );
    expect(onboarded.status).toBe(200);
    expect(onboarded.json.tenant.schemeId).toBe('cumbria-vip');

    const synced = await call('POST', 'directory-sync');
    expect(synced.json.lastRun).toMatchObject({ outcome: 'completed', counts: { joined: 3, failed: 0 } });

    const csv = 'email,start_date\nwyn@fresh.example,2020-01-06\nnobody@fresh.example,2020-01-06\n';
    const preview = await call('POST', 'hr-import', { csv, dryRun: true });
    expect(preview.json.issues).toEqual([
      { row: 3, column: 'email', reason: expect.stringContaining('nobody@fresh.example') as unknown },
    ]);
    const fixed = 'email,start_date\nwyn@fresh.example,2020-01-06\n';
    expect((await call('POST', 'hr-import', { csv: fixed, dryRun: true })).json).toMatchObject({
      changed: 1,
      issues: [],
    });
    expect((await stack.store.employees.get(FRESH, 'worker'))?.item.startDate).not.toBe('2020-01-06');
    expect((await call('POST', 'hr-import', { csv: fixed, dryRun: false })).json).toMatchObject({ changed: 1 });
    expect((await stack.store.employees.get(FRESH, 'worker'))?.item.startDate).toBe('2020-01-06');

    // 000: the organisation's default frequency of regular conversations reaches the due list.
    const worker = await entraToken(FRESH, 'worker', []);
    const due = await api(stack, undefined, 'GET', '/api/v1/people/worker/due', { token: worker });
    expect(due.status).toBe(200);
    expect(due.json.items.length).toBeGreaterThan(0);
  });
});
