import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import {
  cardExecute,
  cardSubmit,
  installationAdd,
  postActivity,
  textMessage,
  type TeamsUser,
} from '../fakes/connector/teams-activities.ts';

const TENANT = '33333333-3333-4333-8333-333333333333';
const OTHER_TENANT = '44444444-4444-4444-8444-444444444444';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };

const cardText = (card: unknown): string => JSON.stringify(card);

describe('Teams bot over real HTTP with a fake Bot Connector and a Cosmos server', () => {
  let h: BotHarness;
  const opts = (id?: string) => ({ serviceUrl: h.connector.url, user: sam, ...(id === undefined ? {} : { id }) });
  const lastCard = () => h.connector.cards().at(-1);
  const feedbackAbout = async (subjectId: string) => (await h.store.feedback.listForSubject(TENANT, subjectId)).items;

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
  });
  afterAll(async () => {
    await h.close();
  });

  it('replies to unknown text with a help-style card, without echoing the message', async () => {
    const activity = textMessage(opts(), 'what is the meaning of my appraisal');
    const response = await postActivity(h.botUrl, activity);
    expect(response.status).toBe(200);
    const reply = h.connector.activities.at(-1);
    expect(reply?.replyToId).toBe(activity.id);
    expect(reply?.conversationId).toBe(activity.conversation.id);
    const text = cardText(lastCard());
    expect(text).toContain("Sorry, I didn't understand that");
    expect(text).toContain('feedback');
    expect(text).not.toContain('meaning of my appraisal');
  });

  it('"feedback" opens the form offering myself and my colleagues', async () => {
    await postActivity(h.botUrl, textMessage(opts(), 'feedback'));
    const text = cardText(lastCard());
    expect(text).toContain('In-the-moment feedback');
    for (const name of ['Myself', 'Ali Jones', 'Morgan Lee']) expect(text).toContain(name);
  });

  it('logs feedback from the form once, even when Teams delivers the same activity twice', async () => {
    const booked = conversation({
      tenantId: TENANT,
      employeeId: 'ali',
      managerIds: ['mgr'],
      status: 'booked',
      date: '2027-05-20',
      agenda: [],
    });
    await h.store.conversations.create(booked);
    const invoke = cardExecute(opts(), 'feedback.log', {
      subjectId: 'ali',
      kind: 'work-acknowledged',
      text: 'Covered the Friday rota at short notice',
      visibility: '',
      addToAgenda: 'true',
    });
    const first = await postActivity(h.botUrl, invoke);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(first.body)).toContain('Feedback logged');
    expect(cardText(first.body)).toContain('Private to the pair');

    const replay = await postActivity(h.botUrl, invoke);
    expect(cardText(replay.body)).toContain('Already recorded');

    const entries = await feedbackAbout('ali');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      authorId: 'sam',
      subjectId: 'ali',
      pairManagerId: 'mgr',
      kind: 'work-acknowledged',
      visibility: 'pair',
      text: 'Covered the Friday rota at short notice',
    });
    const agenda = (await h.store.conversations.get(TENANT, 'ali', booked.id))?.item.agenda ?? [];
    expect(agenda.filter((a) => a.source === 'feedback')).toHaveLength(1);
  });

  it('an invalid card payload gets a card naming each field, and nothing is stored', async () => {
    const before = (await feedbackAbout('sam')).length;
    await postActivity(
      h.botUrl,
      cardSubmit(opts(), { verb: 'feedback.log', subjectId: 'sam', kind: 'gossip', text: '  ' }),
    );
    const text = cardText(lastCard());
    expect(text).toContain('Nothing was saved');
    expect(text).toContain('What kind');
    expect(text).toContain('What happened');
    expect(await feedbackAbout('sam')).toHaveLength(before);
  });

  it('a card naming someone outside the offered colleagues is refused', async () => {
    const response = await postActivity(
      h.botUrl,
      cardExecute(opts(), 'feedback.log', { subjectId: 'stranger', kind: 'advice', text: 'x' }),
    );
    expect(cardText(response.body)).toContain('Who it is about');
    expect(await feedbackAbout('stranger')).toHaveLength(0);
  });

  it('an unknown button verb is refused clearly', async () => {
    await postActivity(h.botUrl, cardSubmit(opts(), { verb: 'feedback.delete-everything' }));
    expect(cardText(lastCard())).toContain('This card is out of date');
  });

  it('plain words "feedback: ..." are logged as a private note about the author', async () => {
    await postActivity(h.botUrl, textMessage(opts(), 'feedback: helped Sam with the rota'));
    expect(cardText(lastCard())).toContain('Feedback logged');
    const mine = await feedbackAbout('sam');
    expect(mine.map((e) => [e.kind, e.text, e.visibility])).toContainEqual([
      'other',
      'helped Sam with the rota',
      'pair',
    ]);
  });

  it('a note about a colleague costs two store requests: one read of both people, afresh every time, and the write', async () => {
    const note = (text: string) =>
      cardExecute(opts(), 'feedback.log', { subjectId: 'ali', kind: 'advice', text, visibility: '' });
    await postActivity(h.botUrl, note('Warm-up: reads Sam and Ali once'));
    const before = h.store.requestCount();
    const logged = await postActivity(h.botUrl, note('Talked through the new rota'));
    expect(cardText(logged.body)).toContain('Feedback logged');
    expect(h.store.requestCount() - before).toBe(2);
  });

  it('installation stores where the tenant and the person can be reached', async () => {
    await postActivity(h.botUrl, installationAdd(opts()));
    const refs = h.store.keyValues<{ tenantId: string; id: string; serviceUrl: string }>(
      'conversation-ref',
      (r) => r.id,
    );
    expect((await refs.get(TENANT, 'tenant', 'tenant'))?.item.serviceUrl).toBe(h.connector.url);
    expect((await refs.get(TENANT, 'sam', 'sam'))?.item.serviceUrl).toBe(h.connector.url);
  });

  it('a tenant that is not enabled gets a clear refusal and nothing is stored', async () => {
    const outsider: TeamsUser = { tenantId: OTHER_TENANT, aadObjectId: 'x', name: 'X' };
    await postActivity(h.botUrl, textMessage({ serviceUrl: h.connector.url, user: outsider }, 'feedback: hello'));
    expect(cardText(lastCard())).toContain('not enabled for your organisation');
    expect((await h.store.feedback.listForSubject(OTHER_TENANT, 'x')).items).toHaveLength(0);
  });

  it('"due" explains what is due from the scheme engine', async () => {
    await postActivity(h.botUrl, textMessage(opts(), 'due'));
    const text = cardText(lastCard());
    expect(text).toContain("What's due");
    // Sam started on 2024-04-01 under policy 004 and has held nothing; today is 10 May 2027.
    const items = [
      [
        'Big Picture performance conversation',
        'Overdue',
        'By 31 August 2024. A Big Picture performance conversation is held every 4 months; the first belongs to August 2024, 4 months after you started.',
        'Policy 004 Big Picture',
      ],
      [
        'Regular performance conversation',
        'Overdue',
        'By 30 April 2027. No Regular performance conversation was held in April 2027; one is expected every month.',
        'Policy 004 Regular',
      ],
      [
        'Regular performance conversation',
        'Due now',
        "By 31 May 2027. A Regular performance conversation is expected once a month; this month's is due by 31 May 2027.",
        'Policy 004 Regular',
      ],
    ];
    const body = (lastCard() as { body: { type: string; items?: unknown[] }[] }).body;
    const sections = body.filter((b) => b.type === 'Container').map((c) => JSON.stringify(c));
    expect(sections).toHaveLength(items.length);
    items.forEach((lines, i) => {
      for (const line of lines) expect(sections[i]).toContain(JSON.stringify(line).slice(1, -1));
    });
  });
});

describe('Teams bot with an app id configured', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({
      tenants: [TENANT],
      env: {
        MICROSOFT_APP_ID: '55555555-5555-4555-8555-555555555555',
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_PASSWORD: 'local-test-value',
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses an activity without a Bot Framework token and sends nothing', async () => {
    const response = await postActivity(h.botUrl, textMessage({ serviceUrl: h.connector.url, user: sam }, 'help'));
    expect(response.status).toBe(401);
    expect(h.connector.activities).toHaveLength(0);
  });

  it('refuses an activity with a forged token', async () => {
    const response = await postActivity(h.botUrl, textMessage({ serviceUrl: h.connector.url, user: sam }, 'help'), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    expect(response.status).toBe(401);
    expect(h.connector.activities).toHaveLength(0);
  });
});
