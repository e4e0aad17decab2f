import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_IDS, buildDemoOrg, demoPersonId, type DemoOrg } from './demo-org.ts';
import { startLocal } from './start.ts';

// One employer keeps seeding quick; the launcher treats it like the full organisation.
const oneEmployer = (): DemoOrg => {
  const full = buildDemoOrg('2027-05-01');
  const tenantId = DEMO_TENANT_IDS['assembly-secretariat'];
  const mine = <T extends { tenantId: string }>(items: T[]): T[] => items.filter((i) => i.tenantId === tenantId);
  return {
    ...full,
    tenants: mine(full.tenants),
    employees: mine(full.employees),
    conversations: mine(full.conversations),
    objectives: mine(full.objectives),
    feedback: mine(full.feedback),
    graphOrgs: mine(full.graphOrgs),
  };
};

describe('local launcher', () => {
  it('starts everything, seeds once, keeps data across restarts and stops cleanly', async () => {
    const snapshotFile = join(await mkdtemp(join(tmpdir(), 'pc-local-')), 'cosmos-snapshot.json');
    const options = {
      serverPort: 0,
      cosmosPort: 0,
      issuerPort: 0,
      graphPort: 0,
      snapshotFile,
      org: oneEmployer(),
      logLevel: 'silent',
    } as const;

    const first = await startLocal(options);
    try {
      expect(first.seeded).toBe(true);
      // The people came in through the directory sync and the HR import, as a real tenant's do.
      expect(first.broughtIn).toHaveLength(1);
      expect(first.broughtIn[0]?.sync).toMatchObject({ outcome: 'completed', counts: { joined: 37, failed: 0 } });
      expect(first.broughtIn[0]?.hrImport).toMatchObject({ rows: 37, issues: [] });
      const health = await fetch(first.urls.health);
      expect(health.status).toBe(200);
      const person = demoPersonId(5, 13);
      const signIn = first.urls.signIn
        .replace('<tenant id>', DEMO_TENANT_IDS['assembly-secretariat'])
        .replace('<person id>', person);
      const token = (await (await fetch(signIn)).json()) as { access_token: string };
      expect(token.access_token.split('.')).toHaveLength(3);
      const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };

      // The REST API answers the signed-in person from the seeded store.
      const me = await fetch(`${first.urls.server}/api/v1/me`, { headers: auth });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ person: { id: person }, tenant: { schemeId: 'assembly-secretariat' } });

      // Bookings reach the local Graph through MSAL against the local issuer.
      const manager = oneEmployer().employees.find((e) => e.id === person)?.jobs[0]?.managerIds[0];
      const managerToken = (await (await fetch(signIn.replace(person, manager ?? 'missing'))).json()) as {
        access_token: string;
      };
      const suggest = await fetch(`${first.urls.server}/api/v1/bookings/suggest`, {
        method: 'POST',
        headers: { ...auth, authorization: `Bearer ${managerToken.access_token}` },
        body: JSON.stringify({ employeeId: person, type: 'big-picture', from: '2027-05-03', to: '2027-05-07' }),
      });
      expect(suggest.status).toBe(200);
      expect(((await suggest.json()) as { slots: unknown[] }).slots.length).toBeGreaterThan(0);

      // The bot endpoint is served; without an app id it runs in local playground mode.
      const activity = await fetch(`${first.urls.server}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'conversationUpdate', id: 'local-1', channelId: 'msteams' }),
      });
      expect(activity.status).toBe(200);
    } finally {
      expect(await first.shutdown.run('test')).toBe(true);
    }
    await expect(fetch(first.urls.health)).rejects.toThrow();
    expect((await stat(snapshotFile)).size).toBeGreaterThan(1000);

    const second = await startLocal(options);
    try {
      expect(second.seeded).toBe(false);
      expect(second.broughtIn).toEqual([]);
      expect((await fetch(second.urls.health)).status).toBe(200);
    } finally {
      await second.shutdown.run('test');
    }
  }, 120_000);
});
