/**
 * Issue #22, nudges at the right time: the subject of an in-the-moment note logged in Teams is
 * told by the next nudge run that it exists, in their own chat, once, through the paced notice
 * queue, and never while they are in their quiet hours. Real HTTP, a fake Bot Connector, Cosmos
 * and the check-in scheduler's sweep delivering the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueTimelyNudges, type UseCaseDeps } from '@pc/core/usecases';
import { composeServices } from '../../bot/src/compose.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createNudgeSettingsStore } from '../../bot/src/cosmos/bot-state.ts';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { cardExecute, installationAdd, postActivity, type TeamsUser } from '../fakes/connector/teams-activities.ts';

const TENANT = '88888888-8888-4888-8888-888888888888';
const kim: TeamsUser = { tenantId: TENANT, aadObjectId: 'kim', name: 'Kim Shaw' };
const job = [
  {
    id: 'job-1',
    title: 'Officer',
    managerIds: ['mgr'],
    isMain: true,
    contract: 'substantive' as const,
    startDate: '2024-04-01',
  },
];

describe('Teams bot: the subject of a note is told it exists', () => {
  let h: BotHarness;
  /** The same store and clock as the server: a nudge run as the server's timer makes it. */
  let deps: UseCaseDeps;
  const chatOf = (member: string) => h.connector.conversations.find((c) => c.memberId === member)?.id;
  const cardsIn = (member: string) =>
    h.connector.activities.filter((a) => a.conversationId === chatOf(member)).map((a) => JSON.stringify(a.activity));
  const logNote = (subjectId: string, text: string) =>
    postActivity(
      h.botUrl,
      cardExecute({ serviceUrl: h.connector.url, user: kim }, 'feedback.log', {
        subjectId,
        kind: 'work-acknowledged',
        text,
        visibility: 'pair',
      }),
    );

  beforeAll(async () => {
    // Monday 10 May 2027, 10:00 in London: a working hour.
    h = await startBotHarness({ tenants: [TENANT], env: { CHECKIN_SCHEDULER: 'true', SEND_SWEEP_SECONDS: '1' } });
    await h.store.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    await h.store.employees.create(employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee' }));
    for (const [id, name] of [
      ['kim', 'Kim Shaw'],
      ['sam', 'Sam Patel'],
      ['ali', 'Ali Jones'],
    ] as const) {
      await h.store.employees.create(employee({ tenantId: TENANT, id, displayName: name, jobs: job }));
    }
    // Ali keeps quiet hours all day.
    await createNudgeSettingsStore((kind, partition) => h.store.keyValues(kind, partition)).put({
      tenantId: TENANT,
      id: 'ali',
      optedOut: false,
      quietHours: { start: '00:00', end: '23:59' },
      updatedAt: '2027-05-01T09:00:00.000Z',
    });
    await postActivity(h.botUrl, installationAdd({ serviceUrl: h.connector.url, user: kim }));
    deps = composeServices(loadConfig({ APP_ENV: 'local', LOG_LEVEL: 'silent' }), h.store, h.clock).deps;
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('Sam hears once, in his own chat, that Kim logged a note, who can see it and what it says', async () => {
    const response = await logNote('sam', 'Covered the Friday rota at short notice');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Feedback logged');
    expect(chatOf('sam')).toBeUndefined();
    await queueTimelyNudges(deps, TENANT);
    await queueTimelyNudges(deps, TENANT);
    await h.connector.waitFor(() => cardsIn('sam').length > 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(cardsIn('sam')).toHaveLength(1);
    expect(cardsIn('sam')[0]).toContain('A note about you');
    expect(cardsIn('sam')[0]).toContain('Kim Shaw logged in-the-moment feedback about you');
    expect(cardsIn('sam')[0]).toContain('Private to the pair');
    expect(cardsIn('sam')[0]).toContain('Covered the Friday rota at short notice');
  });

  it('Ali, in her quiet hours, is not told now', async () => {
    const response = await logNote('ali', 'Helped with the audit');
    expect(JSON.stringify(response.body)).toContain('Feedback logged');
    const run = await queueTimelyNudges(deps, TENANT);
    expect(run.queued).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(chatOf('ali')).toBeUndefined();
  });
});
