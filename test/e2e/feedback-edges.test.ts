/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/src/app.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { createTeamsModule } from '../../bot/src/teams/module.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { cardExecute, postActivity } from '../fakes/connector/teams-activities.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

/**
 * Both edges over one store: the REST API of the stack, and the Teams bot of a second server
 * process over the same Cosmos database, reached through a fake Bot Connector.
 */
let stack: Stack;
let connector: FakeBotConnector;
let bot: App;
let botUrl: string;

beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
  connector = await startFakeBotConnector();
  const config = loadConfig({
    APP_ENV: 'local',
    LOCAL_DEV_FAKES: 'true',
    CHECKIN_SCHEDULER: 'false',
    LOG_LEVEL: 'silent',
    ALLOWED_TENANTS: stack.demo.tenants.map((t) => t.tenantId).join(','),
  });
  bot = await createApp(config, {
    store: stack.store,
    logger: createLogger({ level: 'silent' }),
    modules: [createTeamsModule()],
  });
  botUrl = (await bot.listen(0)).url;
}, 120_000);
afterAll(async () => {
  await bot.close(1_000);
  await connector.close();
  await stack.close();
});

// Cumbria (tenant 1): manager 6 has 18–21 and 23, manager 5 has 14–17, head 2 above both, 11 HR.
const author = who(1, 19);
const tenantOf = (personId: string): string => {
  const person = stack.demo.employees.find((e) => e.id === personId);
  if (person === undefined) throw new Error(`No demo person ${personId}`);
  return person.tenantId;
};

const note = (subjectId: string) => ({ subjectId, kind: 'advice', text: `A note about ${subjectId}` });

const viaApi = async (subjectId: string): Promise<boolean> => {
  const res = await api(stack, author, 'POST', '/api/v1/feedback', { body: note(subjectId) });
  if (res.status === 201) return true;
  expect(res.status).toBe(400);
  expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(['subjectId']);
  return false;
};

const viaBot = async (subjectId: string): Promise<boolean> => {
  const user = { tenantId: tenantOf(author), aadObjectId: author, name: 'Author' };
  const res = await postActivity(
    botUrl,
    cardExecute({ serviceUrl: connector.url, user }, 'feedback.log', note(subjectId)),
  );
  const card = JSON.stringify(res.body);
  if (card.includes('Feedback logged')) return true;
  expect(card).toContain('Who it is about');
  return false;
};

describe('004 / #17 point 4: the bot and the API refuse the same subjects (a working relationship)', () => {
  it('accepts the author, their manager and their peers; refuses everyone else, on both edges alike', async () => {
    const accepted = [author, who(1, 6), who(1, 18), who(1, 21), who(1, 23)];
    const refused = [who(1, 2), who(1, 5), who(1, 14), who(1, 11), who(2, 19), 'no-such-person'];
    for (const subjectId of [...accepted, ...refused]) {
      const expected = accepted.includes(subjectId);
      expect(await viaApi(subjectId), `API → ${subjectId}`).toBe(expected);
      expect(await viaBot(subjectId), `bot → ${subjectId}`).toBe(expected);
    }
    const stranger = await stack.store.feedback.listForSubject(tenantOf(author), who(1, 14));
    expect(stranger.items.filter((f) => f.authorId === author)).toEqual([]);
  });

  it('the API stores a note once per Idempotency-Key, like the bot once per activity', async () => {
    const key = randomUUID();
    const post = async () => {
      const res = await fetch(`${stack.baseUrl}/api/v1/feedback`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await stack.tokenFor(author)}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({ ...note(who(1, 20)), text: 'Sent twice by a retrying client' }),
      });
      return { status: res.status, json: (await res.json()) as { id: string } };
    };
    const first = await post();
    const again = await post();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json.id).toBe(first.json.id);
    const stored = await stack.store.feedback.listForSubject(tenantOf(author), who(1, 20));
    expect(stored.items.filter((f) => f.text === 'Sent twice by a retrying client')).toHaveLength(1);
  });
});
