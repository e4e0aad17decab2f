/**
 * Issue #22, a person's own check-in cadence, in headless Chromium against the full local stack:
 * they choose fortnightly on the settings page; the check-in scheduler, over the same store and a
 * fake Bot Connector, then leaves them out in the off week while a colleague on the organisation's
 * weekly cadence gets theirs, and asks them again the week after.
 */
import type { Clock } from '@pc/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '../../bot/src/compose.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { SendQueueWorker } from '../../bot/src/proactive/queue.ts';
import { CheckinScheduler } from '../../bot/src/proactive/scheduler.ts';
import { createBotAdapter } from '../../bot/src/teams/adapter.ts';
import { createCloudProactiveSender } from '../../bot/src/teams/proactive-sender.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

// Mondays at 10:00 in London: weeks are counted from Monday 1 January 2024, so 10 May 2027 is an
// odd week (a fortnightly person's off week) and 17 May an even one.
const OFF_WEEK = '2027-05-10T09:00:00.000Z';
const NEXT_WEEK = '2027-05-17T09:00:00.000Z';

describe('my check-in cadence', () => {
  const t = useTabTest();
  const form = (page: Page) => page.getByRole('form', { name: 'My settings' });
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
  });
  afterAll(async () => {
    await connector.close();
  });

  /** The scheduler as the server builds it, over the stack's store, with a clock of the test's own. */
  const schedulerAt = (clock: Clock, tenantId: string) => {
    const services = composeServices(
      loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }),
      t.stack.store,
      clock,
    );
    const logger = createLogger({ level: 'silent' });
    const local = { appId: undefined, appPassword: undefined, appTenantId: undefined, localPlayground: true };
    const adapter = createBotAdapter({ ...local, appType: 'SingleTenant' }, logger);
    const sender = createCloudProactiveSender({ adapter, botAppId: '', references: services.references });
    const worker = new SendQueueWorker({ store: services.sendQueue, sender, logger });
    const scheduler = new CheckinScheduler({
      deps: services.deps,
      references: services.references,
      logger,
      worker,
      tenants: [tenantId],
    });
    return { scheduler, references: services.references };
  };

  it('a person chooses fortnightly; the scheduler leaves them out in the off week and asks them the next', async () => {
    // Both have an annual review overdue, so each check-in has something to say.
    const person = t.who(18);
    const colleague = t.who(22);
    const page = await t.fresh();
    await signInLocally(page, t.tab('settings'), person);
    const f = form(page);
    await f.waitFor();
    const organisation = f.getByRole('radio', { name: /^As my organisation sets it/ });
    expect(await organisation.isChecked()).toBe(true);
    expect(await f.textContent()).toContain('As my organisation sets it (every week)');
    await f.getByRole('radio', { name: 'Every other week (fortnightly)' }).check();
    await f.getByRole('button', { name: 'Save my settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();
    await page.reload();
    await form(page).waitFor();
    expect(await form(page).getByRole('radio', { name: 'Every other week (fortnightly)' }).isChecked()).toBe(true);
    const stored = await api(t.stack, person.id, 'GET', '/api/v1/me/settings');
    expect(stored.json).toMatchObject({ checkinCadence: 'fortnightly', organisationCheckinEveryWeeks: 1 });
    await page.close();

    let at = OFF_WEEK;
    const clock: Clock = { now: () => at, today: () => at.slice(0, 10) };
    const { scheduler, references } = schedulerAt(clock, person.tenantId);
    // Both have the app: the tenant and each of them can be reached through the fake connector.
    for (const id of ['tenant', person.id, colleague.id]) {
      const reference = { serviceUrl: connector.url, botId: '28:bot', channelId: 'msteams', updatedAt: at };
      await references.put({ tenantId: person.tenantId, id, ...reference });
    }
    /** Check-in cards each of them has had, in the 1:1 chat Teams keeps per person. */
    const checkinsTo = (id: string) =>
      connector.activities.filter(
        (a) =>
          a.conversationId === `a:1on1-${person.tenantId}-${id}` && JSON.stringify(a.activity).includes('check-in'),
      ).length;
    try {
      expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W19', queued: 1, quiet: 0 });
      expect([checkinsTo(person.id), checkinsTo(colleague.id)]).toEqual([0, 1]);

      at = NEXT_WEEK;
      expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W20', queued: 2, quiet: 0 });
      expect([checkinsTo(person.id), checkinsTo(colleague.id)]).toEqual([1, 2]);
    } finally {
      await scheduler.stop();
    }
  }, 180_000);
});
