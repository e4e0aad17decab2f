import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { FeedbackInput } from '../feedback/submission.ts';
import { feedbackForAgenda } from './agenda.ts';
import { colleaguesOf } from './colleagues.ts';
import { logFeedback } from './feedback.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';

const T = 'tenant-t';

const person = (id: string, managerIds: string[], extra: Partial<Employee> = {}): Employee => ({
  tenantId: T,
  id,
  displayName: id.toUpperCase(),
  email: `${id}@example.test`,
  startDate: '2024-04-01',
  jobs: [{ id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' }],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
  ...extra,
});

/** Two teams under one head, an HR officer elsewhere, a leaver, a mover and a namesake in another tenant. */
const ORG: Employee[] = [
  person('head', []),
  person('mgr', ['head']),
  person('other-mgr', ['head']),
  person('sam', ['mgr']),
  person('ali', ['mgr']),
  person('kim', ['other-mgr']),
  person('director', []),
  person('hr', ['director'], { orgRoles: ['hr'] }),
  person('leaver', ['mgr'], { leftOn: '2027-01-31' }),
  person('mover', ['other-mgr'], {
    jobs: [
      {
        id: 'j0',
        title: 'Officer',
        managerIds: ['mgr'],
        isMain: false,
        contract: 'substantive',
        startDate: '2024-04-01',
        endDate: '2026-12-31',
      },
      {
        id: 'j1',
        title: 'Officer',
        managerIds: ['other-mgr'],
        isMain: true,
        contract: 'substantive',
        startDate: '2027-01-01',
      },
    ],
  }),
  { ...person('kim', ['sam']), tenantId: 'tenant-u' },
];

/** The in-memory stores with the org above, and the deps every use case takes. */
const setup = async () => {
  const repos = inMemoryRepositories();
  for (const person of ORG) await repos.employees.create(person);
  let ids = 0;
  const deps: UseCaseDeps = {
    repos,
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    newId: () => `id-${String((ids += 1))}`,
  };
  const notesAbout = async (subjectId: string) => (await repos.feedback.listForSubject(T, subjectId)).items;
  return { deps, repos, notesAbout };
};

const note = (subjectId: string, extra: Partial<FeedbackInput> = {}): FeedbackInput => ({
  subjectId,
  kind: 'work-acknowledged',
  text: 'Covered the Friday rota',
  visibility: 'pair',
  addToAgenda: false,
  ...extra,
});

const accepted = async (authorId: string, subjectId: string): Promise<boolean> => {
  const { deps } = await setup();
  try {
    await logFeedback(deps, { tenantId: T, userId: authorId }, note(subjectId));
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).details.map((d) => d.path)).toEqual(['subjectId']);
    return false;
  }
};

describe('004 / #17 point 4: one rule, a working relationship, for who may be the subject', () => {
  it('accepts exactly the author and the colleagues the feedback form offers, for everyone in the employer', async () => {
    const { deps } = await setup();
    const inTenant = ORG.filter((p) => p.tenantId === T && p.leftOn === undefined);
    for (const author of inTenant) {
      const offered = new Set((await colleaguesOf(deps, { tenantId: T, userId: author.id })).map((c) => c.id));
      for (const subjectId of [...ORG.map((p) => p.id), 'ghost']) {
        const expected = subjectId === author.id || offered.has(subjectId);
        expect(await accepted(author.id, subjectId), `${author.id} → ${subjectId}`).toBe(expected);
      }
    }
  });

  it('a colleague may write about themself, their manager, a report and a peer; not about anyone else', async () => {
    const { deps } = await setup();
    expect((await colleaguesOf(deps, { tenantId: T, userId: 'sam' })).map((c) => c.id)).toEqual(['ali', 'mgr']);
    for (const ok of ['sam', 'ali', 'mgr']) expect(await accepted('sam', ok), ok).toBe(true);
    for (const refused of ['kim', 'hr', 'head', 'leaver', 'mover', 'ghost']) {
      expect(await accepted('sam', refused), refused).toBe(false);
    }
    // HR may read records, but reading is not working together.
    expect(await accepted('hr', 'sam')).toBe(false);
    expect(await accepted('mgr', 'leaver')).toBe(false);
  });

  it('someone not in the directory is refused before anything is stored', async () => {
    const { deps, notesAbout } = await setup();
    await expect(logFeedback(deps, { tenantId: T, userId: 'nobody' }, note('sam'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await notesAbout('sam')).toHaveLength(0);
  });
});

describe('#26 point 4: who may write about whom, and the manager stamped, follow a manager change at once', () => {
  it('decides from the store even when the directory used for display still holds the old chart', async () => {
    const { deps, repos, notesAbout } = await setup();
    // A per-process directory read before the change, as another instance would still hold it.
    const before = new Map(ORG.map((p) => [p.id, p] as const));
    const stale: UseCaseDeps = { ...deps, people: { person: (_t, id) => Promise.resolve(before.get(id)) } };
    const ali = await repos.employees.get(T, 'ali');
    if (ali === undefined) throw new Error('ali is seeded');
    await repos.employees.update(
      {
        ...ali.item,
        jobs: ali.item.jobs.map((j) => ({ ...j, managerIds: ['other-mgr'] })),
        managerChanges: [{ jobId: 'job-1', previousManagerId: 'mgr', newManagerId: 'other-mgr', on: '2027-05-10' }],
      },
      ali.etag,
    );
    await expect(logFeedback(stale, { tenantId: T, userId: 'mgr' }, note('ali'))).rejects.toMatchObject({
      code: 'validation',
    });
    const logged = await logFeedback(stale, { tenantId: T, userId: 'other-mgr' }, note('ali'));
    expect(logged.entry.item.pairManagerId).toBe('other-mgr');
    const byPeer = await logFeedback(stale, { tenantId: T, userId: 'kim' }, note('ali'));
    expect(byPeer.entry.item.pairManagerId).toBe('other-mgr');
    expect((await notesAbout('ali')).map((n) => n.pairManagerId)).toEqual(['other-mgr', 'other-mgr']);
    // The form offers the new team too, not the old one.
    expect((await colleaguesOf(stale, { tenantId: T, userId: 'ali' })).map((c) => c.id)).toEqual([
      'kim',
      'mover',
      'other-mgr',
    ]);
  });
});

describe('004: one feedback pipeline with an idempotency key and agenda bookkeeping', () => {
  const booked = (agenda: ConversationRecord['agenda'] = []): ConversationRecord => ({
    tenantId: T,
    id: 'next-regular',
    employeeId: 'ali',
    managerIds: ['mgr'],
    jobIds: ['job-1'],
    type: 'regular',
    status: 'booked',
    date: '2027-05-20',
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda,
    agreement: {},
    createdAt: '2027-05-01T09:00:00.000Z',
    updatedAt: '2027-05-01T09:00:00.000Z',
  });
  const sam = { tenantId: T, userId: 'sam' };

  it('a note put on an agenda is on it once, records which agenda, and is not offered again', async () => {
    const { deps, repos, notesAbout } = await setup();
    await repos.conversations.create(booked());
    const first = await logFeedback(deps, sam, note('ali', { addToAgenda: true }), 'activity-1');
    const again = await logFeedback(deps, sam, note('ali', { addToAgenda: true }), 'activity-1');
    expect(first).toMatchObject({ alreadyRecorded: false, addedToAgenda: true });
    expect(again).toMatchObject({ alreadyRecorded: true, addedToAgenda: true });
    expect(await notesAbout('ali')).toHaveLength(1);
    expect((await notesAbout('ali'))[0]?.agendaConversationId).toBe('next-regular');
    const agenda = (await repos.conversations.get(T, 'ali', 'next-regular'))?.item.agenda ?? [];
    expect(agenda.filter((a) => a.source === 'feedback')).toHaveLength(1);
    // The next booking's agenda draws on notes not yet on any agenda: this one is not among them.
    expect(feedbackForAgenda(await notesAbout('ali'), [])).toEqual([]);
  });

  it('a retry after a fault between the agenda and the entry finishes the bookkeeping without a second item', async () => {
    const { deps, repos, notesAbout } = await setup();
    const first = await logFeedback(deps, sam, note('ali'), 'activity-2');
    // The first delivery got as far as the agenda, then the process died.
    await repos.conversations.create(
      booked([
        { id: first.entry.item.id, text: 'Covered the Friday rota', source: 'feedback', sourceId: first.entry.item.id },
      ]),
    );
    const retried = await logFeedback(deps, sam, note('ali', { addToAgenda: true }), 'activity-2');
    expect(retried).toMatchObject({ alreadyRecorded: true, addedToAgenda: true });
    expect((await notesAbout('ali'))[0]?.agendaConversationId).toBe('next-regular');
    expect((await repos.conversations.get(T, 'ali', 'next-regular'))?.item.agenda).toHaveLength(1);
  });

  it('nothing booked: the note is kept and offered to the next booking', async () => {
    const { deps, notesAbout } = await setup();
    const logged = await logFeedback(deps, sam, note('ali', { addToAgenda: true }));
    expect(logged.addedToAgenda).toBe(false);
    expect(logged.agenda).toBe('nothing-booked');
    expect(feedbackForAgenda(await notesAbout('ali'), []).map((f) => f.id)).toEqual([logged.entry.item.id]);
    expect((await logFeedback(deps, sam, note('ali'))).agenda).toBe('not-requested');
  });

  it('#26 point 5: sixty notes asking to join one agenda at once all join it, each once', async () => {
    const { deps, repos, notesAbout } = await setup();
    await repos.conversations.create(booked());
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        logFeedback(
          deps,
          i % 2 === 0 ? sam : { tenantId: T, userId: 'mgr' },
          note('ali', { addToAgenda: true }),
          `a-${String(i)}`,
        ),
      ),
    );
    expect(results.filter((r) => r.agenda === 'added')).toHaveLength(60);
    const agenda = (await repos.conversations.get(T, 'ali', 'next-regular'))?.item.agenda ?? [];
    expect(new Set(agenda.map((a) => a.sourceId)).size).toBe(60);
    expect(agenda).toHaveLength(60);
    expect((await notesAbout('ali')).every((n) => n.agendaConversationId === 'next-regular')).toBe(true);
  });

  it('a conversation held meanwhile is passed over for the next one still booked', async () => {
    const { deps, repos } = await setup();
    await repos.conversations.create(booked());
    await repos.conversations.create({ ...booked(), id: 'later-regular', date: '2027-06-20' });
    // The first listing still shows "next-regular" as booked; it is held before the write lands.
    const { conversations } = repos;
    const list = conversations.listForEmployee.bind(conversations);
    let listings = 0;
    conversations.listForEmployee = async (t, e, q, p) => {
      const page = await list(t, e, q, p);
      listings += 1;
      const held = await conversations.get(T, 'ali', 'next-regular');
      if (listings === 1 && held !== undefined) {
        await conversations.update({ ...held.item, status: 'held' }, held.etag);
      }
      return page;
    };
    const logged = await logFeedback(deps, sam, note('ali', { addToAgenda: true }));
    expect(logged.agenda).toBe('added');
    expect(logged.entry.item.agendaConversationId).toBe('later-regular');
    expect((await repos.conversations.get(T, 'ali', 'next-regular'))?.item.agenda).toEqual([]);
  });

  it('without a key every request is a new note; a key another author used is refused', async () => {
    const { deps, notesAbout } = await setup();
    await logFeedback(deps, sam, note('ali'));
    await logFeedback(deps, sam, note('ali'));
    expect(await notesAbout('ali')).toHaveLength(2);
    await logFeedback(deps, sam, note('ali'), 'shared-key');
    await expect(logFeedback(deps, { tenantId: T, userId: 'mgr' }, note('ali'), 'shared-key')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await notesAbout('ali')).toHaveLength(3);
  });

  it('will not put a note meant for the subject alone on the shared agenda', async () => {
    const { deps, notesAbout } = await setup();
    await expect(
      logFeedback(deps, sam, note('ali', { visibility: 'subject-only', addToAgenda: true })),
    ).rejects.toMatchObject({ code: 'validation', details: [{ path: 'addToAgenda' }] });
    expect(await notesAbout('ali')).toHaveLength(0);
  });
});
