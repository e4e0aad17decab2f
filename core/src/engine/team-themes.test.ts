import { describe, expect, it } from 'vitest';
import { schemePacks } from '../scheme/packs/index.ts';
import { due, employee, record } from './fixtures.test-support.ts';
import { teamThemesCollationDue, teamThemesDue } from './team-themes.ts';

const VIP = schemePacks['cumbria-vip'];
const member = (id: string, managerId = 'manager-1') =>
  employee({
    id,
    jobs: [
      {
        id: 'job-1',
        title: 'Officer',
        managerIds: [managerId],
        isMain: true,
        contract: 'substantive',
        startDate: '2025-01-06',
      },
    ],
  });
const appraised = (id: string, date: string) => record('annual-review', date, 'held', { employeeId: id });
const reportsOn = (on: string, history = [appraised('a', '2026-01-05'), appraised('b', '2026-01-20')]) => [
  due('cumbria-vip', on, member('a'), history),
  due('cumbria-vip', on, member('b'), history),
];

/** Manager 1's Team Themes, sent on 10 February 2026 after the team's appraisals. */
const sentThemes = () => {
  const sent = teamThemesDue({
    pack: VIP,
    managerId: 'manager-1',
    team: reportsOn('2026-02-20'),
    themesSentOn: '2026-02-10',
    on: '2026-02-20',
  });
  if (sent === undefined) throw new Error('Cumbria has Team Themes');
  return sent;
};

describe('000 Cumbria: Team Themes once all the team’s appraisals are done', () => {
  it('000 Team Themes: while a team member’s appraisal is outstanding, the themes wait for it', () => {
    const themes = teamThemesDue({
      pack: VIP,
      managerId: 'manager-1',
      team: reportsOn('2026-01-15', [appraised('a', '2026-01-05')]),
      on: '2026-01-15',
    });
    expect(themes).toMatchObject({ status: 'waiting', waitingFor: ['b'], policyRef: '000 Team Themes' });
    expect(themes?.reason).toContain('1 review still to go');
  });
  it("000 Team Themes: once all are done the themes are due, the deadline marked as the organisation's choice", () => {
    const themes = teamThemesDue({
      pack: VIP,
      managerId: 'manager-1',
      team: reportsOn('2026-02-01'),
      on: '2026-02-01',
    });
    expect(themes).toMatchObject({ status: 'due', dueDate: '2026-02-17', waitingFor: [] });
    expect(themes?.reason).toContain("28 days: the organisation's choice");
    const late = teamThemesDue({ pack: VIP, managerId: 'manager-1', team: reportsOn('2026-02-20'), on: '2026-02-20' });
    expect(late?.status).toBe('overdue');
  });
  it('000 Team Themes: themes sent after the last appraisal complete it; themes sent before it do not', () => {
    const team = reportsOn('2026-02-20');
    expect(
      teamThemesDue({ pack: VIP, managerId: 'manager-1', team, themesSentOn: '2026-02-10', on: '2026-02-20' }),
    ).toMatchObject({ status: 'completed', completedOn: '2026-02-10' });
    expect(
      teamThemesDue({ pack: VIP, managerId: 'manager-1', team, themesSentOn: '2026-01-10', on: '2026-02-20' })?.status,
    ).toBe('overdue');
  });
  it('000 Team Themes: the senior manager collates once every manager has sent theirs', () => {
    const sent = sentThemes();
    expect(
      teamThemesCollationDue({
        pack: VIP,
        managers: [
          ['manager-1', sent],
          ['manager-2', { ...sent, status: 'due' }],
        ],
        on: '2026-02-20',
      }),
    ).toMatchObject({ status: 'waiting', waitingFor: ['manager-2'] });
    const all = teamThemesCollationDue({ pack: VIP, managers: [['manager-1', sent]], on: '2026-02-20' });
    expect(all).toMatchObject({ status: 'due', dueDate: '2026-03-10' });
    expect(
      teamThemesCollationDue({
        pack: VIP,
        managers: [['manager-1', sent]],
        collatedOn: '2026-03-01',
        on: '2026-03-02',
      }),
    ).toMatchObject({ status: 'completed' });
  });
  it('000 Team Themes: a year after the last collation it is due with what has been sent, while a manager is still to send theirs', () => {
    const sent = sentThemes();
    const managers = [
      ['manager-1', sent],
      ['manager-2', { ...sent, status: 'waiting' as const, completedOn: undefined }],
    ] as const;
    const early = teamThemesCollationDue({ pack: VIP, managers, collatedOn: '2025-03-20', on: '2026-01-10' });
    expect(early).toMatchObject({ status: 'waiting', dueDate: '2026-03-20', waitingFor: ['manager-2'] });
    expect(early?.reason).toContain('The annual collation of Team Themes is due by 20 March 2026');
    const annual = teamThemesCollationDue({ pack: VIP, managers, collatedOn: '2025-03-20', on: '2026-03-01' });
    expect(annual).toMatchObject({ status: 'due', dueDate: '2026-03-20', waitingFor: ['manager-2'] });
    expect(annual?.reason).toBe(
      'The annual collation of Team Themes is due by 20 March 2026, a year after the last on 20 March 2025 (annually: policy 000 Team Themes), with the Team Themes sent so far; 1 manager still to send theirs.',
    );
    expect(teamThemesCollationDue({ pack: VIP, managers, collatedOn: '2025-03-20', on: '2026-03-21' })?.status).toBe(
      'overdue',
    );
  });
  it('000 Team Themes: once every manager has sent theirs, the sooner of the two deadlines applies', () => {
    const sent = sentThemes();
    const managers = [['manager-1', sent]] as const;
    expect(teamThemesCollationDue({ pack: VIP, managers, collatedOn: '2025-03-01', on: '2026-02-20' })).toMatchObject({
      status: 'due',
      dueDate: '2026-03-01',
    });
    expect(teamThemesCollationDue({ pack: VIP, managers, collatedOn: '2025-06-01', on: '2026-02-20' })).toMatchObject({
      status: 'due',
      dueDate: '2026-03-10',
    });
  });
  it('000 only: schemes without Team Themes give none', () => {
    expect(
      teamThemesDue({ pack: schemePacks['bexley-pms'], managerId: 'm', team: [], on: '2026-02-20' }),
    ).toBeUndefined();
  });
});
