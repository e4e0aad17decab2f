import { addDays, addMonths, type Employee, type FeedbackEntry, type IsoDate, type Objective } from '@pc/core';
import { STORY, levelOf } from './people.ts';
import type { TenantProfile } from './profiles.ts';

const TITLES = [
  'Clear the backlog of open cases',
  'Complete the safeguarding refresher',
  'Mentor a new colleague',
  'Improve first-contact resolution',
  'Lead the team away day',
] as const;

/** Staff with an even number have objectives; required ones (probation, acting up) always do. */
export const objectivesFor = (p: TenantProfile, e: Employee, ref: IsoDate, n: number): Objective[] => {
  const required = n === STORY.newStarter || (p.schemeId === 'assembly-secretariat' && n === STORY.actingUp);
  if (levelOf(n) !== 'staff' || (n % 2 !== 0 && !required)) return [];
  const created = `${addMonths(ref, -4)}T09:00:00.000Z`;
  const main = e.jobs.find((j) => j.isMain);
  return [0, 1].map((k) => ({
    tenantId: e.tenantId,
    id: `obj-${p.no}-${n}-${k + 1}`,
    ownerId: e.id,
    ...(main ? { jobId: main.id } : {}),
    kind: p.objectiveKinds[k % p.objectiveKinds.length] ?? 'objective',
    title: TITLES[(n + k) % TITLES.length] ?? 'Objective',
    description: 'Demo objective.',
    measures: [
      { kind: k === 0 ? 'quantity' : 'timeliness', text: k === 0 ? 'Backlog under 20 cases' : 'By the target date' },
    ],
    horizon: k === 0 ? 'short' : 'medium',
    targetDate: addMonths(ref, k === 0 ? 2 : 8),
    milestones:
      k === 1
        ? [
            { id: 'm1', title: 'Plan agreed', dueDate: addMonths(ref, -2), doneOn: addMonths(ref, -2) },
            { id: 'm2', title: 'Half way', dueDate: addMonths(ref, 3) },
          ]
        : [],
    status: k === 0 && n % 4 === 0 ? 'achieved' : 'agreed',
    progress: k === 0 && n % 4 === 0 ? 100 : 40,
    progressNotes: [],
    alignment: p.schemeId === 'leicestershire-apr' ? [{ level: 'team-plan', reference: 'Service plan 2' }] : [],
    support: k === 1 ? ['training'] : [],
    createdAt: created,
    updatedAt: created,
  }));
};

/** A few in-the-moment notes from managers; the Assembly uses them most (policy 004). */
export const feedbackFor = (p: TenantProfile, e: Employee, ref: IsoDate, n: number): FeedbackEntry[] => {
  const every = p.schemeId === 'assembly-secretariat' ? 2 : 3;
  const manager = e.jobs.find((j) => j.isMain)?.managerIds[0];
  if (levelOf(n) !== 'staff' || n % every !== 1 || manager === undefined) return [];
  return [
    {
      tenantId: e.tenantId,
      id: `fb-${p.no}-${n}-1`,
      authorId: manager,
      subjectId: e.id,
      pairManagerId: manager,
      kind: n % 2 === 0 ? 'advice' : 'work-acknowledged',
      text: 'Demo note: thanks for covering the front desk.',
      visibility: 'pair',
      createdAt: `${addDays(ref, -5 - (n % 9))}T11:30:00.000Z`,
    },
  ];
};
