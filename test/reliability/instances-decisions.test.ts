/**
 * Issue #26 point 4: a manager change, once the handover is recorded, holds on every instance at
 * once. Three server processes over one store; each has just served the old manager (so any
 * per-process cache would hold the old org chart); the person moves to a new manager and the
 * handover is recorded through the API on one instance; straight after, every instance refuses
 * the old manager and accepts the new one, through the API and the bot, and a pair note the
 * person logs is stamped with the new manager.
 */
import type { Employee, FeedbackEntry } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { cardExecute, postActivity } from '../fakes/connector/teams-activities.ts';
import { startInstances, type Instances } from './support/instances.ts';
import { reportId, seedTeam } from './support/org.ts';

const TENANT = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const SUBJECT = reportId(0);
const OLD = 'manager';
const NEW = 'new-manager';
const INSTANCES = [0, 1, 2];

const job = (managerIds: string[]): Employee['jobs'] => [
  { id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' },
];

describe('#26 point 4: a manager change takes effect for decisions on every instance at once', () => {
  let scaled: Instances;

  /** A feedback card submitted in Teams to instance `index`, answered in the invoke's reply. */
  const botNote = async (index: number, as: string, subjectId: string, text: string): Promise<string> => {
    const url = scaled.urls[index] ?? '';
    const invoke = cardExecute(
      { serviceUrl: scaled.connector.url, user: { tenantId: TENANT, aadObjectId: as, name: as } },
      'feedback.log',
      { subjectId, kind: 'work-acknowledged', text, visibility: 'pair' },
    );
    const reply = await postActivity(url, invoke);
    expect(reply.status).toBe(200);
    return JSON.stringify(reply.body);
  };
  const apiNote = (index: number, as: string, text: string) =>
    scaled.api(index, 'POST', '/feedback', as, {
      body: { subjectId: SUBJECT, kind: 'advice', text, visibility: 'pair' },
    });
  const notesAbout = async (text: string): Promise<FeedbackEntry[]> =>
    (await scaled.store.feedback.listForSubject(TENANT, SUBJECT, { pageSize: 100 })).items.filter(
      (n) => n.text === text,
    );

  beforeAll(async () => {
    scaled = await startInstances(3, { tenants: [TENANT] });
    await seedTeam(scaled.store, { tenantId: TENANT, reports: 2 });
    await scaled.store.employees.create(
      employee({
        tenantId: TENANT,
        id: NEW,
        displayName: 'Nia Okafor',
        email: 'nia@example.test',
        jobs: job(['head']),
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await scaled.stop();
  });

  it('refuses the old manager and accepts the new one everywhere, and stamps the new manager on a pair note', async () => {
    // Every instance serves the old chart first, as it would have all morning.
    for (const index of INSTANCES) {
      expect(await botNote(index, OLD, SUBJECT, `before ${String(index)}`)).toContain('Feedback logged');
      expect(await botNote(index, NEW, SUBJECT, `before, new ${String(index)}`)).toContain('Who it is about');
      expect(await botNote(index, SUBJECT, SUBJECT, `self before ${String(index)}`)).toContain('Feedback logged');
      expect((await apiNote(index, OLD, `api before ${String(index)}`)).status).toBe(201);
      expect((await scaled.api(index, 'GET', `/people/${SUBJECT}/due`, OLD)).status).toBe(200);
    }
    expect((await notesAbout('self before 1'))[0]?.pairManagerId).toBe(OLD);

    // The directory sync moves the person to the new manager; the old manager records the handover.
    const today = new Date().toISOString().slice(0, 10);
    const stored = await scaled.store.employees.get(TENANT, SUBJECT);
    if (stored === undefined) throw new Error('the subject is seeded');
    await scaled.store.employees.update(
      {
        ...stored.item,
        jobs: job([NEW]),
        managerChanges: [{ jobId: 'job-1', previousManagerId: OLD, newManagerId: NEW, on: today }],
      },
      stored.etag,
    );
    const handover = await scaled.api(0, 'POST', `/people/${SUBJECT}/handover`, OLD, {
      body: { strengths: 'Calm with the public.' },
    });
    expect(handover.status).toBe(201);

    // Straight away, on every instance, in no particular order.
    for (const index of [2, 1, 0]) {
      const refused = await botNote(index, OLD, SUBJECT, `after, old ${String(index)}`);
      expect(refused, `instance ${String(index)}: the old manager is refused in Teams`).toContain('Who it is about');
      expect(await notesAbout(`after, old ${String(index)}`)).toEqual([]);
      const byApi = await apiNote(index, OLD, `api after, old ${String(index)}`);
      expect(byApi.status, `instance ${String(index)}: the old manager is refused by the API`).toBe(400);
      expect((await scaled.api(index, 'GET', `/people/${SUBJECT}/due`, OLD)).status).toBe(403);

      expect(await botNote(index, NEW, SUBJECT, `after, new ${String(index)}`)).toContain('Feedback logged');
      expect((await notesAbout(`after, new ${String(index)}`))[0]?.pairManagerId).toBe(NEW);
      const accepted = await apiNote(index, NEW, `api after, new ${String(index)}`);
      expect(accepted.status).toBe(201);
      expect(accepted.json).toMatchObject({ pairManagerId: NEW });
      expect((await scaled.api(index, 'GET', `/people/${SUBJECT}/due`, NEW)).status).toBe(200);

      // A note the person keeps for the pair now is the new pair's: the old manager never reads it.
      expect(await botNote(index, SUBJECT, SUBJECT, `self after ${String(index)}`)).toContain('Feedback logged');
      expect((await notesAbout(`self after ${String(index)}`))[0]?.pairManagerId).toBe(NEW);
    }
    const oldSees = await scaled.api(1, 'GET', `/people/${SUBJECT}/feedback`, OLD);
    expect(oldSees.text).not.toContain('self after');
  }, 120_000);
});
