/**
 * Issue #20, the bot: what a person asks for in a channel, group chat or meeting that is about
 * them alone is answered in their own chat with the bot, and a refused form comes back as the
 * same form with what they typed and the problems beside the fields. Real HTTP, a fake Bot
 * Connector and a Cosmos server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import {
  cardExecute,
  cardSubmit,
  postActivity,
  textMessage,
  type TeamsUser,
} from '../fakes/connector/teams-activities.ts';

const TENANT = '55555555-5555-4555-8555-555555555555';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };
const CHANNEL = '19:team-general@thread.tacv2';
const GROUP_CHAT = '19:meeting-weekly@thread.v2';

const json = (value: unknown): string => JSON.stringify(value);

describe('Teams bot: personal answers go to the person’s own chat; refused forms come back filled in', () => {
  let h: BotHarness;
  const opts = () => ({ serviceUrl: h.connector.url, user: sam });
  /** The same activity as Teams delivers it from a channel, a group chat or a meeting chat. */
  const inShared = <T extends { conversation: object }>(activity: T, id: string, type: 'channel' | 'groupChat'): T => ({
    ...activity,
    conversation: { id, conversationType: type, tenantId: TENANT, ...(type === 'channel' ? { isGroup: true } : {}) },
  });
  const inConversation = (conversationId: string) =>
    h.connector.activities.filter((a) => a.conversationId === conversationId);
  const privateChat = () => h.connector.conversations.find((c) => c.memberId === 'sam')?.id;

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
    await h.store.employees.create(
      employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee', jobs: job(['head']) }),
    );
    await h.store.employees.create(
      employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel', jobs: job(['mgr']) }),
    );
    await h.store.employees.create(
      employee({ tenantId: TENANT, id: 'ali', displayName: 'Ali Jones', jobs: job(['mgr']) }),
    );
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('asking "due" in a channel sends the answer to my own chat, and the channel only hears that a private message was sent', async () => {
    const response = await postActivity(h.botUrl, inShared(textMessage(opts(), 'due'), CHANNEL, 'channel'));
    expect(response.status).toBe(200);
    const inChannel = inConversation(CHANNEL);
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]?.activity.text).toBe('I have sent you a private message.');
    expect(inChannel[0]?.activity.attachments ?? []).toEqual([]);
    const chat = privateChat();
    expect(chat).toBeDefined();
    const mine = inConversation(chat ?? '');
    expect(mine).toHaveLength(1);
    expect(json(mine[0]?.activity.attachments)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('objectives, prepare, the feedback form and a logged note from a meeting chat all go privately; help stays in the meeting', async () => {
    const before = inConversation(privateChat() ?? '').length;
    for (const word of ['objectives', 'prepare', 'feedback']) {
      await postActivity(h.botUrl, inShared(textMessage(opts(), word), GROUP_CHAT, 'groupChat'));
    }
    await postActivity(
      h.botUrl,
      inShared(textMessage(opts(), 'feedback: talked Ali through the rota'), GROUP_CHAT, 'groupChat'),
    );
    const mine = inConversation(privateChat() ?? '').slice(before);
    expect(mine).toHaveLength(4);
    expect(json(mine[2]?.activity)).toContain('In-the-moment feedback');
    expect(json(mine[3]?.activity)).toContain('Feedback logged');
    const inMeeting = inConversation(GROUP_CHAT);
    expect(inMeeting.map((a) => a.activity.text)).toEqual(Array(4).fill('I have sent you a private message.'));
    expect(json(inMeeting)).not.toContain('talked Ali through the rota');

    await postActivity(h.botUrl, inShared(textMessage(opts(), 'help'), GROUP_CHAT, 'groupChat'));
    expect(json(inConversation(GROUP_CHAT).at(-1)?.activity)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('pressing "Log feedback" on a card in a channel leaves the shared card alone and sends the confirmation privately', async () => {
    const before = inConversation(privateChat() ?? '').length;
    const response = await postActivity(
      h.botUrl,
      inShared(
        cardExecute(opts(), 'feedback.log', { subjectId: 'ali', kind: 'advice', text: 'Showed Ali the new rota tool' }),
        CHANNEL,
        'channel',
      ),
    );
    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'I have sent you a private message.',
    });
    expect(json(response.body)).not.toContain('Showed Ali');
    const mine = inConversation(privateChat() ?? '').slice(before);
    expect(mine).toHaveLength(1);
    expect(json(mine[0]?.activity)).toContain('Feedback logged');
  });

  it('a feedback form sent with a missing kind and blank text comes back as the same form, with my choices kept and the problems beside the fields', async () => {
    const response = await postActivity(
      h.botUrl,
      cardExecute(opts(), 'feedback.log', {
        subjectId: 'ali',
        kind: '',
        text: '  ',
        visibility: 'subject-and-managers',
        addToAgenda: 'true',
      }),
    );
    const card = (response.body as { value: { body: Record<string, unknown>[] } }).value;
    const input = (id: string) => card.body.find((e) => e.id === id);
    expect(json(card)).toContain('In-the-moment feedback');
    expect(json(card)).toContain('Nothing was saved yet');
    expect(input('subjectId')?.value).toBe('ali');
    expect(input('visibility')?.value).toBe('subject-and-managers');
    expect(input('addToAgenda')?.value).toBe('true');
    // Each problem sits right below its own field.
    const after = (id: string) => card.body[card.body.findIndex((e) => e.id === id) + 1];
    expect(after('kind')).toMatchObject({
      type: 'TextBlock',
      text: 'Choose what kind of feedback this is',
      color: 'Attention',
    });
    expect(after('text')).toMatchObject({ type: 'TextBlock', text: 'Write a short note', color: 'Attention' });
    expect((await h.store.feedback.listForSubject(TENANT, 'ali')).items.map((e) => e.text)).not.toContain('  ');
  });

  it('a note too long for the form comes back with the words I typed still in the box', async () => {
    const long = `Helped with the rota. ${'x'.repeat(1_100)}`;
    await postActivity(
      h.botUrl,
      cardSubmit(opts(), { verb: 'feedback.log', subjectId: 'sam', kind: 'advice', text: long }),
    );
    const card = h.connector.cards().at(-1) as { body: Record<string, unknown>[] };
    expect(card.body.find((e) => e.id === 'text')?.value).toBe(long);
    expect(json(card)).toContain('Keep it under 1000 characters');
    const stored = (await h.store.feedback.listForSubject(TENANT, 'sam')).items.map((e) => e.text);
    expect(stored).not.toContain(long);
  });

  it('an agenda item too long for the prepare card comes back in the same card with my words still in the box', async () => {
    const long = `Training on the new case system, ${'y'.repeat(300)}`;
    const response = await postActivity(h.botUrl, cardExecute(opts(), 'prepare.addAgenda', { agendaItem: long }));
    const card = (response.body as { value: { body: Record<string, unknown>[] } }).value;
    const at = card.body.findIndex((e) => e.id === 'agendaItem');
    expect(json(card)).toContain('Prepare:');
    expect(card.body[at]?.value).toBe(long);
    expect(card.body[at + 1]).toMatchObject({
      type: 'TextBlock',
      text: 'Keep it under 300 characters',
      color: 'Attention',
    });
  });
});
