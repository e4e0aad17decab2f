/**
 * Issue #17 point 7, the feedback part: a note sent with "add to the agenda" is stored, then the
 * store goes down before the agenda is written. The client's retry (same Idempotency-Key on the
 * API, same activity id from Teams) must converge: one note, on the agenda once, recording which
 * agenda it joined — never a second note.
 */
import type { FeedbackEntry } from '@pc/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { isCosmosQuery, type ProxiedRequest } from '../fakes/fault-proxy.ts';
import { API_AUDIENCE } from './support/app.ts';
import { startHarness, TENANT, type Harness } from './support/harness.ts';
import { reportId, seedTeam } from './support/org.ts';

const AUTHOR = reportId(1);
/** Writes to a conversation document (a replace, or the patch that appends to its agenda): the agenda step. */
const agendaWrite = (r: ProxiedRequest): boolean =>
  (r.method === 'PUT' || r.method === 'PATCH') && r.path.includes('/colls/conversations/docs/') && !isCosmosQuery(r);

describe('#17 point 7: feedback added to an agenda converges after a fault between the steps', () => {
  let h: Harness;
  const notesAbout = async (subjectId: string, text: string): Promise<FeedbackEntry[]> =>
    (await h.app.store.feedback.listForSubject(TENANT, subjectId)).items.filter((n) => n.text === text);
  const agendaOf = async (subjectId: string, conversationId: string) =>
    (await h.app.store.conversations.get(TENANT, subjectId, conversationId))?.item.agenda ?? [];
  const bookRegular = async (subjectId: string, id: string) => {
    await h.app.store.conversations.create(
      conversation({
        tenantId: TENANT,
        id,
        employeeId: subjectId,
        type: 'regular',
        status: 'booked',
        date: '2027-05-20',
      }),
    );
  };

  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    await seedTeam(h.app.store, { tenantId: TENANT, reports: 4 });
  });
  afterEach(() => {
    h.proxy.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  it('#17 point 7: the API retry with the same Idempotency-Key stores one note and puts it on the agenda once', async () => {
    const subject = reportId(2);
    await bookRegular(subject, 'regular-api');
    const text = 'Covered the late shift at short notice';
    const post = async () => {
      const token = await h.issuer.signToken({ tid: TENANT, oid: AUTHOR, aud: API_AUDIENCE, scp: 'access_as_user' });
      const response = await fetch(`${h.app.url}/api/v1/feedback`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': 'retry-key-0001',
        },
        body: JSON.stringify({ subjectId: subject, kind: 'work-acknowledged', text, addToAgenda: true }),
      });
      return { status: response.status, json: (await response.json()) as { id?: string } };
    };

    h.proxy.inject({ match: agendaWrite, count: 1000, status: 503, retryAfterSeconds: 0.02 });
    const failed = await post();
    expect(failed.status).toBe(503);
    expect(h.proxy.injected.length).toBeGreaterThan(0);
    // The first step happened: the note is stored, but not yet on the agenda.
    expect(await notesAbout(subject, text)).toHaveLength(1);
    expect(await agendaOf(subject, 'regular-api')).toEqual([]);

    h.proxy.reset();
    const retried = await post();
    expect(retried.status).toBe(201);
    const again = await post();
    expect(again.json.id).toBe(retried.json.id);
    const notes = await notesAbout(subject, text);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.agendaConversationId).toBe('regular-api');
    const agenda = await agendaOf(subject, 'regular-api');
    expect(agenda.filter((item) => item.source === 'feedback' && item.text === text)).toHaveLength(1);
  });

  it('#17 point 7: Teams redelivering the same activity after the fault stores one note, on the agenda once', async () => {
    const subject = reportId(3);
    await bookRegular(subject, 'regular-bot');
    const text = 'Walked a new starter through the rota';
    const data = {
      verb: 'feedback.log',
      subjectId: subject,
      kind: 'work-acknowledged',
      text,
      visibility: 'pair',
      addToAgenda: 'true',
    };
    h.proxy.inject({ match: agendaWrite, count: 1000, status: 503, retryAfterSeconds: 0.02 });
    const failed = await h.submit(AUTHOR, data, '1:agenda-retry-activity');
    expect(failed.status).toBe(200);
    expect(h.proxy.injected.length).toBeGreaterThan(0);
    expect(await notesAbout(subject, text)).toHaveLength(1);
    expect(await agendaOf(subject, 'regular-bot')).toEqual([]);

    h.proxy.reset();
    await h.submit(AUTHOR, data, '1:agenda-retry-activity');
    await h.submit(AUTHOR, data, '1:agenda-retry-activity');
    const notes = await notesAbout(subject, text);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.agendaConversationId).toBe('regular-bot');
    const agenda = await agendaOf(subject, 'regular-bot');
    expect(agenda.filter((item) => item.source === 'feedback' && item.text === text)).toHaveLength(1);
  });
});
