/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';
import { extractText } from '../support/pdf-text.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

// Cumbria (tenant 1): manager 6 has 18–21, manager 5 has 14–17, head 2 is their grandparent, 11 is HR.
const C = { manager: who(1, 6), otherManager: who(1, 5), grandparent: who(1, 2), hr: who(1, 11), auditor: who(1, 12) };
const people = (id: string) => `/api/v1/people/${id}`;
const NOTE = 'Spoke privately about a difficult month at home.';

describe('objectives over HTTP', () => {
  const colleague = who(1, 19);
  it('the pair create, read and update; another team’s manager and HR are refused; stale If-Match is 409', async () => {
    const created = await api(stack, colleague, 'POST', `${people(colleague)}/objectives`, {
      body: { kind: 'task-based', title: 'Clear the enquiries backlog', horizon: 'short', targetDate: '2027-09-30' },
    });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag');
    expect(etag).toBe(created.json.etag);
    const path = `${people(colleague)}/objectives/${created.json.id as string}`;
    expect((await api(stack, C.manager, 'GET', path)).status).toBe(200);
    expect((await api(stack, C.otherManager, 'GET', `${people(colleague)}/objectives`)).status).toBe(403);
    expect((await api(stack, C.hr, 'GET', path)).status).toBe(403);

    const updated = await api(stack, C.manager, 'PATCH', path, {
      body: { progress: 40, progressNote: 'Half the backlog cleared' },
      ifMatch: etag ?? '',
    });
    expect(updated.status).toBe(200);
    expect(updated.json.progress).toBe(40);
    const stale = await api(stack, colleague, 'PATCH', path, {
      body: { title: 'Something else' },
      ifMatch: etag ?? '',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('conflict');
    expect((await api(stack, colleague, 'GET', path)).json.title).toBe('Clear the enquiries backlog');
    const noIfMatch = await api(stack, colleague, 'PATCH', path, { body: { title: 'Something else' } });
    expect(noIfMatch.status).toBe(400);
    expect(noIfMatch.json.error.details).toEqual([{ path: 'If-Match', message: 'Required.' }]);
  });

  it('bad bodies get 400 with a message per field; a kind outside the scheme is named', async () => {
    const bad = await api(stack, colleague, 'POST', `${people(colleague)}/objectives`, {
      body: { kind: 'task-based', title: '', horizon: 'forever', targetDate: '2027-02-30' },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.json.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['horizon', 'targetDate', 'title']);
    const kind = await api(stack, colleague, 'POST', `${people(colleague)}/objectives`, {
      body: { kind: 'innovation', title: 'A Bexley kind of goal', horizon: 'short' },
    });
    expect(kind.status).toBe(400);
    expect(kind.json.error.details[0].path).toBe('kind');
  });

  it('002/003 SMART: a vague draft is told which letters are missing, with the scheme’s prompts', async () => {
    const res = await api(stack, colleague, 'POST', '/api/v1/objectives/smart-check', {
      body: { title: 'Improve things' },
    });
    expect(res.status).toBe(200);
    expect(res.json.complete).toBe(false);
    expect(res.json.letters.map((l: { letter: string; ok: boolean }) => `${l.letter}${l.ok ? '+' : '-'}`)).toEqual([
      'S-',
      'M-',
      // Achievable is judged against a target date, and a bare title has none yet.
      'A+',
      'R-',
      'T-',
    ]);
  });
});

describe('conversation records: the pair write, others see facts', () => {
  const colleague = who(1, 18);
  let id = '';
  let etag = '';
  it('the manager records; the colleague and the manager see notes; another team’s manager is refused', async () => {
    const created = await api(stack, C.manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE, issuesRaised: ['Workload'], topics: ['customer'] },
    });
    expect(created.status).toBe(201);
    id = created.json.record.id;
    etag = created.json.etag;
    const mine = await api(stack, colleague, 'GET', `${people(colleague)}/conversations/${id}`);
    expect(mine.json.record.notes).toBe(NOTE);
    // The manager reads the note text back too, on the record and in the colleague's history.
    const theirs = await api(stack, C.manager, 'GET', `${people(colleague)}/conversations/${id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.json.record.notes).toBe(NOTE);
    expect(theirs.json.record.issuesRaised).toEqual(['Workload']);
    const history = await api(stack, C.manager, 'GET', `${people(colleague)}/conversations`);
    expect(history.status).toBe(200);
    expect(history.text).toContain(NOTE);
    expect((await api(stack, C.otherManager, 'GET', `${people(colleague)}/conversations`)).status).toBe(403);
    // Someone who may not even know a record exists is told it does not.
    expect((await api(stack, C.otherManager, 'GET', `${people(colleague)}/conversations/${id}`)).status).toBe(404);
  });

  it('003 §6: HR, the grandparent and the auditor see facts only, never note text', async () => {
    for (const viewer of [C.hr, C.grandparent, C.auditor]) {
      const res = await api(stack, viewer, 'GET', `${people(colleague)}/conversations`);
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeGreaterThan(0);
      expect(res.json.items.every((i: { kind: string }) => i.kind === 'facts')).toBe(true);
      expect(res.text).not.toContain(NOTE);
      expect(res.text).not.toContain('"notes"');
    }
  });

  it('004: both agree the record; only the colleague can record a disagreement; a stale ETag changes nothing', async () => {
    const path = `${people(colleague)}/conversations/${id}`;
    const byColleague = await api(stack, colleague, 'POST', `${path}/agree`, { body: {}, ifMatch: etag });
    expect(byColleague.status).toBe(200);
    expect(byColleague.json.record.status).toBe('held');
    const stale = await api(stack, C.manager, 'PATCH', path, { body: { notes: 'overwritten' }, ifMatch: etag });
    expect(stale.status).toBe(409);
    expect((await api(stack, colleague, 'GET', path)).json.record.notes).toBe(NOTE);
    const both = await api(stack, C.manager, 'POST', `${path}/agree`, { body: {}, ifMatch: byColleague.json.etag });
    expect(both.json.record.status).toBe('agreed');
    const managerDisagrees = await api(stack, C.manager, 'POST', `${path}/disagree`, {
      body: { text: 'Not mine to record' },
      ifMatch: both.json.etag,
    });
    expect(managerDisagrees.status).toBe(403);
    const disagrees = await api(stack, colleague, 'POST', `${path}/disagree`, {
      body: { text: 'The workload issue was understated.' },
      ifMatch: both.json.etag,
    });
    expect(disagrees.status).toBe(200);
    expect(disagrees.json.record.disagreement.text).toBe('The workload issue was understated.');
    expect(disagrees.json.record.status).toBe('held');
  });

  it('003 §6: exceptional access needs a reason, is audited, and the colleague sees it in their audit list', async () => {
    const path = `${people(colleague)}/conversations/${id}/exceptional-access`;
    const noReason = await api(stack, C.hr, 'POST', path, { body: { category: 'audit' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details[0].path).toBe('text');
    const vague = await api(stack, C.hr, 'POST', path, { body: { category: 'audit', text: 'audit' } });
    expect(vague.status).toBe(403);
    const stranger = await api(stack, C.otherManager, 'POST', path, {
      body: { category: 'capability', text: 'Capability hearing preparation' },
    });
    expect(stranger.status).toBe(403);
    const opened = await api(stack, C.hr, 'POST', path, {
      body: { category: 'serious-incident', text: 'Serious incident review SI-2027-14' },
    });
    expect(opened.status).toBe(200);
    expect(opened.json.record.notes).toBe(NOTE);
    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(audit.json.items).toEqual([
      expect.objectContaining({
        action: 'exceptional-access',
        actorId: C.hr,
        reason: { category: 'serious-incident', text: 'Serious incident review SI-2027-14' },
        resource: { type: 'conversation', id },
      }),
    ]);
    expect((await api(stack, C.manager, 'GET', `${people(colleague)}/audit`)).status).toBe(403);
  });
});

describe('ratings, appeals and the review form', () => {
  // Bexley (tenant 3): manager 6 has 18–21; 11 is HR.
  const colleague = who(3, 20);
  const manager = who(3, 6);
  it('002 policy: ratings are on the scale, a rating 3 needs its shortfall, HR sees the rating but not the notes, the colleague not yet', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: NOTE, sections: { retro: 'Met most goals' } },
    });
    const path = `${people(colleague)}/conversations/${created.json.record.id as string}`;
    const noShortfall = await api(stack, manager, 'PATCH', path, {
      body: { rating: { value: '3' } },
      ifMatch: created.json.etag,
    });
    expect(noShortfall.status).toBe(400);
    expect(noShortfall.json.error.details[0].path).toBe('rating.shortfall');
    const offScale = await api(stack, manager, 'PATCH', path, {
      body: { rating: { value: '4' } },
      ifMatch: created.json.etag,
    });
    expect(offScale.json.error.details[0].path).toBe('rating.value');
    const rated = await api(stack, manager, 'PATCH', path, {
      body: { rating: { value: '3', shortfall: 'Deadlines missed in two quarters' } },
      ifMatch: created.json.etag,
    });
    expect(rated.status).toBe(200);
    const hr = await api(stack, who(3, 11), 'GET', path);
    expect(hr.json).toMatchObject({ kind: 'facts', facts: { rating: { value: '3' } } });
    expect(hr.text).not.toContain(NOTE);
    const own = await api(stack, colleague, 'GET', path);
    expect(own.json.kind).toBe('full');
    expect(own.json.record.rating).toBeUndefined();

    // 002 Appendix 6: in writing to the grandparent within 10 working days of notification
    // (3 May 2027 is itself the Early May bank holiday; the tenth working day after it is 17 May).
    const window = await api(stack, colleague, 'GET', `${path}/appeal`);
    expect(window.json).toMatchObject({ allowed: true, lodgeBy: '2027-05-17', to: who(3, 2) });
    expect(
      (await api(stack, manager, 'POST', `${path}/appeal`, { body: { grounds: 'x' }, ifMatch: rated.json.etag }))
        .status,
    ).toBe(403);
    const appeal = await api(stack, colleague, 'POST', `${path}/appeal`, {
      body: { grounds: 'The award is inconsistent with the documentation.' },
      ifMatch: rated.json.etag,
    });
    expect(appeal.status).toBe(200);
    expect(appeal.json.record.appeal).toMatchObject({
      lodgedOn: REFERENCE_DATE,
      lodgedBy: colleague,
      hearerId: who(3, 1),
    });
  });

  it('002 Step 3: the pay recommendation is released by a reviewer above the manager, audited, and only then seen by the colleague', async () => {
    const other = who(3, 21);
    const created = await api(stack, manager, 'POST', `${people(other)}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: NOTE },
    });
    const path = `${people(other)}/conversations/${created.json.record.id as string}`;
    const rated = await api(stack, manager, 'PATCH', path, {
      body: { rating: { value: '1', bonusRecommended: true } },
      ifMatch: created.json.etag,
    });
    expect(rated.status).toBe(200);
    const release = `${path}/release-rating`;
    // The manager who made the recommendation cannot release it, nor can the colleague.
    expect((await api(stack, manager, 'POST', release, { body: {}, ifMatch: rated.json.etag })).status).toBe(403);
    expect((await api(stack, other, 'POST', release, { body: {}, ifMatch: rated.json.etag })).status).toBe(403);
    const released = await api(stack, who(3, 2), 'POST', release, { body: {}, ifMatch: rated.json.etag });
    expect(released.status).toBe(200);
    expect(released.json).toMatchObject({ kind: 'facts', facts: { rating: { value: '1' } } });
    expect(released.text).not.toContain(NOTE);
    const again = await api(stack, who(3, 2), 'POST', release, {
      body: {},
      ifMatch: released.headers.get('etag') ?? '',
    });
    expect(again.status).toBe(409);
    const own = await api(stack, other, 'GET', path);
    expect(own.json.record.rating).toMatchObject({ value: '1', bonusRecommended: true });
    const audit = await api(stack, other, 'GET', `${people(other)}/audit`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toContain('rating.released');
  });
  it('000: the VIP Summary Appraisal exports as a five-section PDF for the pair, audited; HR cannot export it', async () => {
    const colleague1 = who(1, 21);
    const created = await api(stack, C.manager, 'POST', `${people(colleague1)}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, sections: { wellbeing: 'Settled after the move' } },
    });
    const path = `${people(colleague1)}/conversations/${created.json.record.id as string}/form.pdf`;
    const res = await fetch(`${stack.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await stack.tokenFor(colleague1)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    const pdf = bytes.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    // Read back as a reader copies it: through the embedded font's ToUnicode map.
    const text = extractText(bytes);
    expect(text).toContain('Settled after the move');
    // Five sections, each a heading in the tagged structure (H1 is the form's title).
    expect(pdf.match(/\/S \/H2\b/g)).toHaveLength(5);
    expect((await api(stack, C.hr, 'GET', path)).status).toBe(403);
    const audit = await api(stack, colleague1, 'GET', `${people(colleague1)}/audit`);
    expect(audit.json.items[0]).toMatchObject({ action: 'export.annual-review', actorId: colleague1 });
  });
});
