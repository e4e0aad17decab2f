/**
 * Issue #26 point 5: sixty notes about one person, sent at the same moment and each asking to
 * join the agenda of their next regular conversation, all join it, once each, whether they come
 * through the API or through Teams, spread over three instances. When there is nothing booked to
 * join, the reply says so.
 */
import type { AgendaItem } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { cardExecute, postActivity } from '../fakes/connector/teams-activities.ts';
import { startInstances, type Instances } from './support/instances.ts';
import { reportId, seedTeam } from './support/org.ts';

const TENANT = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const NOTES = 60;
/** Everyone who works with report-000: their manager, their peers and themself. */
const AUTHORS = ['manager', ...Array.from({ length: 6 }, (_, i) => reportId(i))];

describe('#26 point 5: concurrent agenda joins across instances all land', () => {
  let scaled: Instances;

  const inTwoWeeks = (): string => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const book = async (subjectId: string, id: string): Promise<void> => {
    await scaled.store.conversations.create(
      conversation({
        tenantId: TENANT,
        id,
        employeeId: subjectId,
        managerIds: ['manager'],
        type: 'regular',
        status: 'booked',
        date: inTwoWeeks(),
        agenda: [{ id: 'scheme-1', text: 'How is the new rota working?', source: 'scheme' }],
      }),
    );
  };
  const agendaOf = async (subjectId: string, id: string): Promise<readonly AgendaItem[]> =>
    (await scaled.store.conversations.get(TENANT, subjectId, id))?.item.agenda ?? [];
  const botNote = async (index: number, as: string, subjectId: string, text: string) => {
    const invoke = cardExecute(
      { serviceUrl: scaled.connector.url, user: { tenantId: TENANT, aadObjectId: as, name: as } },
      'feedback.log',
      { subjectId, kind: 'work-acknowledged', text, visibility: 'pair', addToAgenda: 'true' },
    );
    const reply = await postActivity(scaled.urls[index] ?? '', invoke);
    return { status: reply.status, card: JSON.stringify(reply.body) };
  };
  const apiNote = (index: number, as: string, subjectId: string, text: string) =>
    scaled.api(index, 'POST', '/feedback', as, {
      body: { subjectId, kind: 'advice', text, visibility: 'pair', addToAgenda: true },
    });

  /** Exactly one feedback item per note on the agenda, after what was there before. */
  const expectAllJoined = (agenda: readonly AgendaItem[], prefix: string): void => {
    expect(agenda[0]?.id).toBe('scheme-1');
    const joined = agenda.filter((a) => a.source === 'feedback');
    expect(joined).toHaveLength(NOTES);
    expect(new Set(joined.map((a) => a.sourceId)).size).toBe(NOTES);
    expect(new Set(joined.map((a) => a.text))).toEqual(
      new Set(Array.from({ length: NOTES }, (_, i) => `${prefix} ${String(i)}`)),
    );
  };

  beforeAll(async () => {
    scaled = await startInstances(3, { tenants: [TENANT] });
    await seedTeam(scaled.store, { tenantId: TENANT, reports: 6 });
  }, 120_000);
  afterAll(async () => {
    await scaled.stop();
  });

  it('through the API: sixty at once over three instances, every reply says it joined, sixty on the agenda', async () => {
    await book(reportId(0), 'regular-api');
    const replies = await Promise.all(
      Array.from({ length: NOTES }, (_, i) =>
        apiNote(i % 3, AUTHORS[i % AUTHORS.length] ?? 'manager', reportId(0), `api note ${String(i)}`),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: NOTES }, () => 201));
    for (const reply of replies) {
      expect(reply.json).toMatchObject({ addedToAgenda: true, agenda: 'added', agendaConversationId: 'regular-api' });
    }
    expectAllJoined(await agendaOf(reportId(0), 'regular-api'), 'api note');
  }, 120_000);

  it('through Teams: sixty at once over three instances, every card says it joined, sixty on the agenda', async () => {
    await book(reportId(1), 'regular-bot');
    const subjectAuthors = AUTHORS.map((a) => (a === reportId(1) ? reportId(0) : a)).concat(reportId(1));
    const replies = await Promise.all(
      Array.from({ length: NOTES }, (_, i) =>
        botNote(i % 3, subjectAuthors[i % subjectAuthors.length] ?? 'manager', reportId(1), `bot note ${String(i)}`),
      ),
    );
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.card).toContain('Feedback logged');
      expect(reply.card).toMatch(/Added to the agenda of (your|[^']+'s) next regular conversation/);
    }
    expectAllJoined(await agendaOf(reportId(1), 'regular-bot'), 'bot note');
    const notes = (await scaled.store.feedback.listForSubject(TENANT, reportId(1), { pageSize: 100 })).items;
    expect(notes.filter((n) => n.agendaConversationId === 'regular-bot')).toHaveLength(NOTES);
  }, 120_000);

  it('with nothing booked to join, the API reply and the Teams card both say the note was not added', async () => {
    const api = await apiNote(2, 'manager', reportId(2), 'nothing booked, api');
    expect(api.status).toBe(201);
    expect(api.json).toMatchObject({ addedToAgenda: false, agenda: 'nothing-booked' });
    const bot = await botNote(1, 'manager', reportId(2), 'nothing booked, bot');
    expect(bot.card).toMatch(/Not added: .+ has no regular conversation booked yet\./);
  });
});
