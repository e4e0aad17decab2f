import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { buildAgenda, feedbackForAgenda, invitationOf } from './agenda.ts';
import { checkSmartDraft } from './smart.ts';
import { zonedDate, zonedToUtc } from './zoned-time.ts';

const held = (date: string, actions: ConversationRecord['actionsAgreed']): ConversationRecord => ({
  tenantId: 't',
  id: `c-${date}`,
  employeeId: 'e',
  managerIds: ['m'],
  jobIds: [],
  type: 'regular',
  status: 'agreed',
  date,
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: actions,
  agenda: [],
  agreement: {},
  createdAt: `${date}T09:00:00Z`,
  updatedAt: `${date}T09:00:00Z`,
});
const note = (id: string, createdAt: string, visibility: FeedbackEntry['visibility'] = 'pair'): FeedbackEntry => ({
  tenantId: 't',
  id,
  authorId: 'e',
  subjectId: 'e',
  kind: 'advice',
  text: `note ${id}`,
  visibility,
  createdAt,
});
let n = 0;
const newId = (): string => `id-${String((n += 1))}`;

describe('agenda for a booked conversation', () => {
  const assembly = getSchemePack('assembly-secretariat');
  const history = [
    held('2027-02-01', [{ id: 'old', text: 'Old action', owner: 'employee', done: false }]),
    held('2027-04-01', [
      { id: 'a1', text: 'Finish the rota', owner: 'employee', done: false },
      { id: 'a2', text: 'Done already', owner: 'manager', done: true },
    ]),
  ];

  it('004: carries over open actions from the last conversation, then feedback, then Big Picture questions', () => {
    const feedback = feedbackForAgenda(
      [
        note('before', '2027-03-01T10:00:00Z'),
        note('after', '2027-04-10T10:00:00Z'),
        note('private', '2027-04-11T10:00:00Z', 'subject-only'),
      ],
      history,
    );
    const agenda = buildAgenda({
      pack: assembly,
      type: 'big-picture',
      history,
      feedback,
      typed: [{ text: 'Typed', source: 'manager' }],
      newId,
    });
    expect(agenda.filter((a) => a.source === 'carried-over').map((a) => a.text)).toEqual(['Finish the rota']);
    expect(agenda.filter((a) => a.source === 'feedback').map((a) => a.sourceId)).toEqual(['after']);
    expect(agenda.filter((a) => a.source === 'scheme')).toHaveLength(assembly.bigPicture?.questions.length ?? -1);
    expect(agenda.at(-1)).toMatchObject({ text: 'Typed', source: 'manager' });
  });

  it('the invitation escapes text and gives both sides their preparation prompts', () => {
    const { subject, bodyHtml } = invitationOf(
      assembly,
      { type: 'regular', agenda: [{ id: 'x', text: '<script>alert(1)</script>', source: 'employee' }] },
      'Sam Example',
    );
    expect(subject).toContain('Sam Example');
    expect(bodyHtml).not.toContain('<script>');
    expect(bodyHtml).toContain('To prepare (colleague)');
    expect(bodyHtml).toContain('To prepare (manager)');
  });
});

describe('SMART check of a draft objective', () => {
  it('002: a complete draft passes every letter; a bare title fails S, M, R and T with reasons and the scheme prompt', () => {
    const bexley = getSchemePack('bexley-pms');
    const full = checkSmartDraft(
      bexley,
      {
        title: 'Cut reply times to enquiries',
        description: 'Reply to every enquiry within 2 working days by the end of the year.',
        measures: [{ kind: 'timeliness', text: '95% within 2 days' }],
        support: ['training'],
        alignment: [{ level: 'service-plan', reference: 'Customer first' }],
        targetDate: '2027-12-31',
      },
      '2027-05-01',
    );
    expect(full.complete).toBe(true);
    const bare = checkSmartDraft(bexley, { title: 'Do better' }, '2027-05-01');
    const failed = bare.letters.filter((l) => !l.ok);
    expect(failed.map((l) => l.letter)).toEqual(['S', 'M', 'R', 'T']);
    expect(failed.every((l) => l.reason !== undefined)).toBe(true);
    expect(bare.complete).toBe(false);
    expect(bare.letters[0]?.prompt).toBe(bexley.smartPrompts.specific);
  });
});

describe('wall-clock times in the employer’s zone', () => {
  it('09:00 in London is 08:00 UTC in summer and 09:00 UTC in winter', () => {
    expect(zonedToUtc('2027-05-10', '09:00', 'Europe/London')).toBe('2027-05-10T08:00:00.000Z');
    expect(zonedToUtc('2027-01-11', '09:00', 'Europe/London')).toBe('2027-01-11T09:00:00.000Z');
    expect(zonedDate('2027-05-10T23:30:00.000Z', 'Europe/London')).toBe('2027-05-11');
  });
});
