/**
 * Scaled out as App Service runs it: three server processes over one Cosmos store and one Bot
 * Connector that enforces Teams' limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam } from './support/org.ts';
import { startInstances, type Instances } from './support/instances.ts';

const TENANT = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

describe('three instances over one store', () => {
  let scaled: Instances;

  beforeAll(async () => {
    scaled = await startInstances(3, { tenants: [TENANT] });
    await seedTeam(scaled.store, { tenantId: TENANT, reports: 2 });
  }, 120_000);
  afterAll(async () => {
    await scaled.stop();
  });

  it('every instance serves the same people from the one store', async () => {
    for (const index of [0, 1, 2]) {
      const me = await scaled.api(index, 'GET', '/me', 'manager');
      expect(me.status).toBe(200);
      expect(me.text).toContain('Morgan Lee');
    }
    await scaled.kill(1);
    expect((await scaled.api(2, 'GET', '/me', 'report-000')).status).toBe(200);
  });
});
