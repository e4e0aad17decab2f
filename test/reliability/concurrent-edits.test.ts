/**
 * One conversation record edited at once from the tab (PATCH with If-Match) and from the bot
 * (adding an agenda item from a card) or from two tab sessions: one change wins, the other is
 * told of the conflict, and no accepted change is ever lost.
 */
import { CARD_VERBS } from '@pc/core/cards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startHarness, TENANT, type Harness } from './support/harness.ts';
import { seedTeam } from './support/org.ts';

const EMPLOYEE = 'report-001';
const MANAGER = 'manager';

interface ViewOut {
  readonly record?: { readonly notes: string; readonly agenda: readonly { readonly text: string }[] };
}

describe('concurrent edits of one conversation record', () => {
  let h: Harness;
  const path = (id: string) => `/people/${EMPLOYEE}/conversations/${id}`;
  const load = async (id: string) => {
    const answer = await h.api('GET', path(id), EMPLOYEE);
    expect(answer.status).toBe(200);
    const etag = answer.headers.get('etag');
    expect(etag).toBeTruthy();
    const record = (answer.json as ViewOut).record;
    if (record === undefined) throw new Error('the pair should see the full record');
    return { etag: etag ?? '', record };
  };
  // The bot adds agenda items to the person's next booked conversation, so a test that relies on
  // that books earlier than the records other tests leave behind.
  const booked = async (date = '2027-05-20'): Promise<string> => {
    const record = conversation({
      tenantId: TENANT,
      employeeId: EMPLOYEE,
      managerIds: [MANAGER],
      status: 'booked',
      date,
      notes: '',
      issuesRaised: [],
      actionsAgreed: [],
      agenda: [],
    });
    await h.app.store.conversations.create(record);
    return record.id;
  };

  beforeAll(async () => {
    h = await startHarness({ now: '2027-05-10T09:00:00.000Z' });
    await seedTeam(h.app.store, { tenantId: TENANT, reports: 3 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('the bot adds an agenda item while the tab holds an older version: the tab gets a conflict and the item survives', async () => {
    const id = await booked();
    const tab = await load(id);

    const bot = await h.submit(EMPLOYEE, {
      verb: CARD_VERBS.prepareAddAgenda,
      agendaItem: 'Training on the new system',
    });
    expect(bot.status).toBe(200);
    expect(bot.reply).toContain('Training on the new system');

    const stale = await h.api('PATCH', path(id), EMPLOYEE, { body: { notes: 'Prepared notes' }, ifMatch: tab.etag });
    // A stale version is 409 conflict everywhere in the API, with or without If-Match.
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/json');
    expect(stale.json).toMatchObject({ error: { code: 'conflict' } });

    const reloaded = await load(id);
    expect(reloaded.record.agenda.map((a) => a.text)).toEqual(['Training on the new system']);
    expect(reloaded.record.notes).toBe('');
  });

  it('after reloading, a tab save that changes only the notes keeps the agenda item the bot added', async () => {
    const id = await booked('2027-05-12');
    const bot = await h.submit(EMPLOYEE, { verb: CARD_VERBS.prepareAddAgenda, agendaItem: 'Caseload review' });
    expect(bot.status).toBe(200);
    const reloaded = await load(id);
    expect(reloaded.record.agenda.map((a) => a.text)).toEqual(['Caseload review']);
    const saved = await h.api('PATCH', path(id), EMPLOYEE, {
      body: { notes: 'Prepared notes' },
      ifMatch: reloaded.etag,
    });
    expect(saved.status).toBe(200);
    const final = await load(id);
    expect(final.record.notes).toBe('Prepared notes');
    expect(final.record.agenda.map((a) => a.text)).toEqual(['Caseload review']);
  });

  it('two tab sessions save the same version at the same moment: exactly one wins, the other is refused, the winner is stored', async () => {
    const id = await booked();
    for (let round = 0; round < 5; round++) {
      const { etag } = await load(id);
      const [employee, manager] = await Promise.all([
        h.api('PATCH', path(id), EMPLOYEE, { body: { notes: `employee ${String(round)}` }, ifMatch: etag }),
        h.api('PATCH', path(id), MANAGER, { body: { notes: `manager ${String(round)}` }, ifMatch: etag }),
      ]);
      const statuses = [employee.status, manager.status].sort();
      expect(statuses[0]).toBe(200);
      expect(statuses[1]).toBe(409);
      const winner = employee.status === 200 ? `employee ${String(round)}` : `manager ${String(round)}`;
      expect((await load(id)).record.notes).toBe(winner);
    }
  });
});
