// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { demoMe, fakeApi, renderWithSession } from '../test-support.tsx';
import { ConversationOverview } from './conversations/overview.tsx';
import { ObjectiveList } from './objectives/list.tsx';
import TeamPage from './team/page.tsx';

afterEach(cleanup);

describe('empty states tell people what to do', () => {
  it('objectives: says there are none and how to add one', async () => {
    renderWithSession(<ObjectiveList />, fakeApi({ 'objectives.list': { items: [] } }));
    expect(await screen.findByText('You have no objectives yet')).toBeTruthy();
    expect(screen.getByText(/Add an objective/, { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add an objective' })).toBeTruthy();
  });

  it('conversations: nothing due, nothing booked, no history, each with a next step', async () => {
    const api = fakeApi({
      'person.due': { employeeId: 'p1', schemeId: 'cumbria-vip', on: '2027-05-01', items: [] },
      'conversations.list': { items: [] },
    });
    renderWithSession(<ConversationOverview />, api);
    expect(await screen.findByText('Nothing is due right now')).toBeTruthy();
    expect(screen.getByText('No conversations booked')).toBeTruthy();
    expect(screen.getByText(/use “Record a conversation” to write down the issues raised/)).toBeTruthy();
  });

  it('conversations: shows what is due and the reason from the scheme engine', async () => {
    const api = fakeApi({
      'person.due': {
        employeeId: 'p1',
        schemeId: 'cumbria-vip',
        on: '2027-05-01',
        items: [
          {
            type: 'annual-review',
            jobIds: [],
            withIds: ['m1'],
            dueDate: '2027-04-20',
            windowStart: '2027-03-20',
            status: 'overdue',
            reason: 'A year since your last appraisal.',
            policyRef: '000 §4',
          },
        ],
      },
      'conversations.list': { items: [] },
    });
    renderWithSession(<ConversationOverview />, api);
    expect(await screen.findByText('Overdue')).toBeTruthy();
    expect(screen.getByText(/Due by 20 April 2027\. A year since your last appraisal\./)).toBeTruthy();
  });

  it('my team: someone with no reports is told the page is for line managers and loads nothing', () => {
    const api = fakeApi({});
    renderWithSession(<TeamPage rest={[]} />, api, demoMe(0));
    expect(screen.getByText('No one reports to you')).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('my team: a manager whose team is up to date is told nothing is due', async () => {
    const api = fakeApi({
      'me.team': {
        managerId: 'p1',
        members: [
          {
            person: { id: 'r1', displayName: 'Sam Report', email: 's@x.test', jobTitles: [] },
            overall: 'on-time',
            overdueCount: 0,
            pendingHandover: false,
          },
        ],
      },
      'team.compliance': {
        scope: 'My team',
        quarter: '2027 Q2',
        onTimePercent: 100,
        completed: 1,
        expected: 1,
        overdue: [],
        payDeferrals: 0,
      },
    });
    renderWithSession(<TeamPage rest={[]} />, api, demoMe(1));
    expect(await screen.findByText('All reviews are up to date')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'My reports' }).textContent).toContain('Sam Report');
    expect(await screen.findByText('100%')).toBeTruthy();
  });
});
