import {
  addDays,
  addMonths,
  addWorkingDays,
  isWorkingDay,
  type Nation,
  type ConversationRecord,
  type ConversationStatus,
  type ConversationTypeId,
  type Employee,
  type IsoDate,
} from '@pc/core';
import { STORY, levelOf } from './people.ts';
import type { TenantProfile } from './profiles.ts';

/** Section ids of each scheme pack's annual review (core/src/scheme/packs), filled with demo text. */
const SECTIONS: Readonly<Record<TenantProfile['schemeId'], readonly string[]>> = {
  'cumbria-vip': ['individual-summary', 'manager-summary', 'wellbeing', 'development-and-aspirations', 'goals'],
  'leicestershire-apr': ['past-performance', 'present-performance', 'future-needs', 'values-and-behaviours'],
  'bexley-pms': ['retro', 'future'],
  'somerset-career-conversations': [
    'objectives-achieved',
    'wellbeing',
    'potential-and-readiness',
    'pdp',
    'next-objectives',
  ],
  'assembly-secretariat': [],
};

interface Draft {
  readonly type: ConversationTypeId;
  readonly date: IsoDate;
  readonly status?: ConversationStatus;
  readonly managerIds?: readonly string[];
  readonly jobIds?: readonly string[];
  readonly forwardLooking?: boolean;
}

const at = (date: IsoDate, time: string): string => `${date}T${time}:00.000Z`;

const toRecord = (p: TenantProfile, e: Employee, draft: Draft, k: number): ConversationRecord => {
  const main = e.jobs.find((j) => j.isMain) ?? e.jobs[0];
  const status = draft.status ?? 'agreed';
  const done = status === 'held' || status === 'agreed';
  const annual = draft.type === 'annual-review';
  return {
    tenantId: e.tenantId,
    id: `conv-${p.no}-${e.id.slice(-2)}-${k}`,
    employeeId: e.id,
    managerIds: draft.managerIds ?? main?.managerIds ?? [],
    jobIds: draft.jobIds ?? (main ? [main.id] : []),
    type: draft.type,
    status,
    date: draft.date,
    topics:
      draft.type === 'regular' && p.regularTopics.length > 0 ? [p.regularTopics[k % p.regularTopics.length] ?? ''] : [],
    sections: annual && done ? Object.fromEntries(SECTIONS[p.schemeId].map((s) => [s, `Demo ${s} notes.`])) : {},
    notes: done ? 'Demo notes: workload discussed, training booked.' : '',
    issuesRaised: done ? ['Workload in the busy period'] : [],
    actionsAgreed: done
      ? [
          {
            id: `a-${k}`,
            text: 'Book the refresher course',
            owner: 'employee',
            dueDate: addDays(draft.date, 30),
            done: status === 'agreed',
          },
        ]
      : [],
    agenda: [],
    agreement:
      status === 'agreed'
        ? {
            employeeAgreedAt: at(addDays(draft.date, 2), '16:00'),
            managerAgreedAt: at(addDays(draft.date, 1), '16:00'),
          }
        : status === 'held'
          ? { managerAgreedAt: at(draft.date, '16:00') }
          : {},
    ...(draft.forwardLooking ? { forwardLooking: true } : {}),
    createdAt: at(addDays(draft.date, status === 'booked' ? -7 : 0), '09:00'),
    updatedAt: at(addDays(draft.date, status === 'agreed' ? 2 : 0), '16:00'),
  };
};

/** A booked conversation falls on a working day: the day itself, else the next one (no weekend, no bank holiday). */
const bookableDay = (day: IsoDate, nation: Nation): IsoDate =>
  isWorkingDay(day, nation) ? day : addWorkingDays(day, 1, nation);

const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));

/** Last annual-review date for the scheme's cycle, or undefined when none was ever held. */
const lastAnnual = (p: TenantProfile, e: Employee, ref: IsoDate, n: number): IsoDate | undefined => {
  if (n === STORY.newStarter) return undefined;
  // Back from maternity leave: the review fell due while she was away, so the last one is over a year old.
  const overdue = (STORY.overdue as readonly number[]).includes(n) || n === STORY.backFromMaternity;
  switch (p.schemeId) {
    case 'cumbria-vip':
    case 'leicestershire-apr':
      return overdue ? addMonths(ref, -14) : addDays(addMonths(ref, -1 - (n % 10)), -(n % 20));
    case 'bexley-pms': {
      // Financial year: the April/May conversation of the year that began last April.
      const fyStart = Number(ref.slice(5, 7)) >= 4 ? yearOf(ref) : yearOf(ref) - 1;
      let date = `${fyStart}-05-${String(5 + (n % 20)).padStart(2, '0')}`;
      if (date > ref) date = `${fyStart - 1}-05-${String(5 + (n % 20)).padStart(2, '0')}`;
      return overdue ? `${yearOf(date) - 1}${date.slice(4)}` : date;
    }
    case 'somerset-career-conversations': {
      if (e.incrementalDate === undefined) return undefined;
      let anniversary = e.incrementalDate;
      while (addMonths(anniversary, 12) <= ref) anniversary = addMonths(anniversary, 12);
      return overdue ? addMonths(anniversary, -12) : addDays(anniversary, n % 10 > 5 ? 0 : n % 10);
    }
    case 'assembly-secretariat':
      return undefined;
  }
};

const drafts = (p: TenantProfile, e: Employee, ref: IsoDate, n: number): Draft[] => {
  const out: Draft[] = [];
  const main = e.jobs.find((j) => j.isMain);
  const annual = lastAnnual(p, e, ref, n);
  const bothJobs = p.schemeId === 'cumbria-vip' && n === STORY.dualSameManager ? e.jobs.map((j) => j.id) : undefined;
  if (annual !== undefined)
    out.push({ type: 'annual-review', date: annual, ...(bothJobs ? { jobIds: bothJobs } : {}) });

  if (n === STORY.newStarter) {
    if (p.schemeId === 'somerset-career-conversations') out.push({ type: 'induction', date: addDays(e.startDate, 2) });
    out.push({ type: 'regular', date: addDays(e.startDate, 7), status: 'held' });
    return out;
  }
  if (n === STORY.longSick) return [...out, { type: 'regular', date: addDays(ref, -60) }];
  if (n === STORY.backFromMaternity) return [...out, { type: 'regular', date: addDays(ref, -14), status: 'held' }];

  if (p.schemeId === 'assembly-secretariat') {
    const overdue = (STORY.overdue as readonly number[]).includes(n);
    const bigPicture = addDays(addMonths(ref, overdue ? -6 : -(n % 4)), -3);
    out.push({ type: 'big-picture', date: bigPicture });
    for (let m = overdue ? 3 : 1; m <= 3; m++) {
      const date = addDays(addMonths(ref, -m), -(n % 5));
      if (date.slice(0, 7) !== bigPicture.slice(0, 7))
        out.push({ type: 'regular', date, status: m === 1 && n % 3 === 0 ? 'held' : 'agreed' });
    }
  } else {
    out.push({ type: 'regular', date: addDays(ref, -90 - (n % 7)) });
    out.push({ type: 'regular', date: addDays(ref, -21 - (n % 5)), status: n % 3 === 0 ? 'held' : 'agreed' });
  }
  if (p.schemeId === 'bexley-pms' && annual !== undefined && !(STORY.overdue as readonly number[]).includes(n)) {
    const fy = yearOf(annual);
    for (const date of [`${fy}-07-10`, `${fy}-10-10`, `${fy + 1}-01-10`]) {
      if (date <= ref) out.push({ type: 'progress-record', date });
    }
  }
  if (n % 5 === 0) out.push({ type: 'regular', date: bookableDay(addDays(ref, 6), p.nation), status: 'booked' });

  if (n === STORY.transfer && main) {
    // Everything before the move was held with the previous manager.
    const move = e.managerChanges[0];
    return out.map((d) => (move && d.date < move.on ? { ...d, managerIds: [move.previousManagerId] } : d));
  }
  return out;
};

export const conversationsFor = (p: TenantProfile, e: Employee, ref: IsoDate, n: number): ConversationRecord[] => {
  if (levelOf(n) === 'director') return [];
  return drafts(p, e, ref, n)
    .filter((d) => d.date >= e.startDate)
    .map((d, k) => toRecord(p, e, d, k + 1));
};
