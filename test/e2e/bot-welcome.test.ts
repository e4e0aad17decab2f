/**
 * First contact with the bot over real HTTP with a fake Bot Connector: a welcome card on install
 * and for greetings, a help card that names every command, and `checkin` sending a check-in now.
 */
import { TEXT_COMMANDS } from '@pc/core/cards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNudgeSettingsStore } from '../../bot/src/cosmos/bot-state.ts';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import {
  cardExecute,
  installationAdd,
  postActivity,
  textMessage,
  type TeamsUser,
} from '../fakes/connector/teams-activities.ts';

const TENANT = '55555555-5555-4555-8555-555555555555';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };
const WELCOME = 'Welcome to Performance Conversations';

describe('Teams bot: welcome, help and check-in on request', () => {
  let h: BotHarness;
  const opts = () => ({ serviceUrl: h.connector.url, user: sam });
  const say = async (text: string): Promise<string> => {
    expect((await postActivity(h.botUrl, textMessage(opts(), text))).status).toBe(200);
    return JSON.stringify(h.connector.cards().at(-1));
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [TENANT] });
    await h.store.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    const job = (managerIds: string[]) => [
      {
        id: 'job-1',
        title: 'Officer',
        managerIds,
        isMain: true,
        contract: 'substantive' as const,
        startDate: '2024-04-01',
      },
    ];
    await h.store.employees.create(employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee', jobs: job([]) }));
    await h.store.employees.create(
      employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel', jobs: job(['mgr']) }),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it('welcomes a person when they install the app, naming every command', async () => {
    const before = h.connector.cards().length;
    expect((await postActivity(h.botUrl, installationAdd(opts()))).status).toBe(200);
    expect(h.connector.cards().length).toBe(before + 1);
    const card = JSON.stringify(h.connector.cards().at(-1));
    expect(card).toContain(WELCOME);
    for (const { command } of TEXT_COMMANDS) expect(card).toContain(`**${command}**`);
  });

  it('answers a greeting with the welcome card, not "Sorry, I didn\'t understand"', async () => {
    for (const greeting of ['hi', 'Hello!', 'what can you do?', 'What can you do']) {
      const card = await say(greeting);
      expect(card, greeting).toContain(WELCOME);
      expect(card, greeting).not.toContain("didn't understand");
    }
  });

  it('the help card names every command, and every command it names is understood', async () => {
    const help = await say('help');
    for (const { command } of TEXT_COMMANDS) expect(help).toContain(`**${command}**`);
    expect(help).toContain('**checkin**');
    for (const { command } of TEXT_COMMANDS) {
      expect(await say(command), command).not.toContain("didn't understand");
    }
  });

  it('"checkin" sends a check-in now with the wellbeing question', async () => {
    const card = await say('checkin');
    expect(card).toContain('Hello Sam, a quick check-in');
    expect(card).toContain('How are you doing at the moment?');
    expect(card).toContain('checkin.snooze');
  });

  it('keeps the wellbeing answer sent with the check-in, for the pair to see', async () => {
    await say('checkin');
    const checkinId = /"checkinId":"([^"]+)"/.exec(JSON.stringify(h.connector.cards().at(-1)))?.[1] ?? '';
    const res = await postActivity(h.botUrl, cardExecute(opts(), 'checkin.snooze', { checkinId, wellbeing: 'okay' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('only you and your line manager can see it');
    const nudges = createNudgeSettingsStore((kind, partition) => h.store.keyValues(kind, partition));
    expect((await nudges.get(TENANT, 'sam'))?.wellbeing?.answer).toBe('okay');
  });
});
