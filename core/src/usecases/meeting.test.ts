import { inMemoryRepositories, RecordingNoticeQueue } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, Tenant } from '../domain/people.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { meetingChatIdOf, meetingPanel, promptRecordAfterMeeting, rememberMeeting } from './meeting.ts';

const T = 'tenant-m';
const CHAT = '19:meeting_NjQ1@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%7d`;
const tenant: Tenant = {
  tenantId: T,
  name: 'Assembly',
  schemeId: 'assembly-secretariat',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const person = (id: string, name: string): Employee => ({
  tenantId: T,
  id,
  displayName: name,
  email: `${id}@example.test`,
  startDate: '2024-04-01',
  jobs: [],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
});
const record: ConversationRecord = {
  tenantId: T,
  id: 'conv-1',
  employeeId: 'sam',
  managerIds: ['mgr'],
  jobIds: [],
  type: 'regular',
  status: 'booked',
  date: '2027-05-10',
  booking: {
    bookedBy: 'mgr',
    start: '2027-05-10T09:00:00.000Z',
    end: '2027-05-10T10:00:00.000Z',
    eventIds: {},
    onlineMeetingUrl: JOIN,
  },
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [{ id: 'a1', text: 'The new rota', source: 'employee' }],
  agreement: {},
  createdAt: '2027-05-01T09:00:00.000Z',
  updatedAt: '2027-05-01T09:00:00.000Z',
};

const setup = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  for (const p of [person('sam', 'Sam Patel'), person('mgr', 'Morgan Lee'), person('kim', 'Kim Shaw')]) {
    await repos.employees.create(p);
  }
  await repos.conversations.create(record);
  const notices = new RecordingNoticeQueue();
  const queued = notices.queued;
  const deps: UseCaseDeps = { repos, clock: fixedClock('2027-05-10T09:30:00.000Z'), newId: () => 'unused', notices };
  await rememberMeeting(deps, record);
  return { deps, repos, queued };
};

describe('the 1:1 in its Teams meeting', () => {
  it('reads the meeting chat from a Teams join URL, and nothing from anything else', () => {
    expect(meetingChatIdOf(JOIN)).toBe(CHAT);
    expect(meetingChatIdOf('https://example.test/l/meetup-join/elsewhere/0')).toBeUndefined();
    expect(meetingChatIdOf('not a url')).toBeUndefined();
    expect(meetingChatIdOf(undefined)).toBeUndefined();
  });

  it('the side panel shows the pair their agenda and starters, each from their side; anyone else gets nothing of it', async () => {
    const { deps, repos } = await setup();
    const sam = await meetingPanel(deps, { tenantId: T, userId: 'sam' }, CHAT);
    expect(sam).toMatchObject({ kind: 'pair', role: 'employee', otherName: 'Morgan Lee', conversationId: 'conv-1' });
    expect(sam.kind === 'pair' ? sam.agenda.map((a) => a.text) : []).toEqual(['The new rota']);
    expect(sam.kind === 'pair' ? sam.starters.length : 0).toBeGreaterThan(0);
    expect(await meetingPanel(deps, { tenantId: T, userId: 'mgr' }, CHAT)).toMatchObject({
      role: 'manager',
      otherName: 'Sam Patel',
    });
    expect(await meetingPanel(deps, { tenantId: T, userId: 'kim' }, CHAT)).toEqual({ kind: 'not-for-you' });
    expect(await meetingPanel(deps, { tenantId: T, userId: 'sam' }, '19:meeting_other@thread.v2')).toEqual({
      kind: 'no-conversation',
    });
    const stored = await repos.conversations.get(T, 'sam', 'conv-1');
    if (stored === undefined) throw new Error('record missing');
    await repos.conversations.update({ ...stored.item, status: 'cancelled' }, stored.etag);
    expect(await meetingPanel(deps, { tenantId: T, userId: 'sam' }, CHAT)).toEqual({ kind: 'no-conversation' });
  });

  it('when the meeting ends each of the pair is queued one card linking to the record, once', async () => {
    const { deps, queued } = await setup();
    expect(await promptRecordAfterMeeting(deps, T, CHAT)).toBe(2);
    expect(await promptRecordAfterMeeting(deps, T, CHAT)).toBe(0);
    expect(queued.map((n) => n.personId)).toEqual(['sam', 'mgr']);
    expect(JSON.stringify(queued[0]?.card)).toContain('https://app.example.test/tab/#/conversations/sam/conv-1');
    expect(await promptRecordAfterMeeting(deps, T, '19:meeting_other@thread.v2')).toBe(0);
  });
});
