import { addDays, addMonths, type Employee, type IsoDate, type Job, type OrgRole, type PayStepFacts } from '@pc/core';
import { personId, tenantId } from './ids.ts';
import { personName, type TenantProfile } from './profiles.ts';

/**
 * The same shape in every demo tenant, so the README can describe it once:
 *   1 director (senior manager) · 2–4 heads of service, reporting to 1 (grandparents)
 *   5–10 team managers, two per head · 11 HR / People Services · 12 auditor
 *   13 coordinator (Assembly) or business support · 14–37 staff, four per team manager.
 * Stories, by person number: 14 new starter in probation · 15 back from maternity leave ·
 *   16 on long sickness leave now · 17 transferred from manager 7 to 5, handover pending ·
 *   18, 22 annual review overdue · Cumbria 20 dual role (same manager), 21 dual role
 *   (different managers), 23 two line managers · Assembly 24–26 without own PC, 27 acting up ·
 *   Somerset 28 mandatory training incomplete, 38 a leaver (left 20 days ago, a 38th person
 *   in Somerset only, who reported to manager 10; their records are People Services' to archive).
 */
const PERSON_COUNT = 37;
export const STORY = {
  newStarter: 14,
  backFromMaternity: 15,
  longSick: 16,
  transfer: 17,
  overdue: [18, 22],
  dualSameManager: 20,
  dualDifferentManagers: 21,
  twoManagers: 23,
  noOwnPc: [24, 25, 26],
  actingUp: 27,
  trainingIncomplete: 28,
  leaver: 38,
} as const;

/** Somerset's people: the shared 37 and its leaver (003 §6.1 is the policy with a retention rule). */
export const personNumbersOf = (p: TenantProfile): readonly number[] => {
  const shared = Array.from({ length: PERSON_COUNT }, (_, i) => i + 1);
  return p.schemeId === 'somerset-career-conversations' ? [...shared, STORY.leaver] : shared;
};

export type Level = 'director' | 'head' | 'manager' | 'hr' | 'auditor' | 'support' | 'staff';

export const levelOf = (n: number): Level => {
  if (n === 1) return 'director';
  if (n <= 4) return 'head';
  if (n <= 10) return 'manager';
  if (n === 11) return 'hr';
  if (n === 12) return 'auditor';
  if (n === 13) return 'support';
  return 'staff';
};

/** Manager person number of the main job. */
const managerOf = (n: number): number | undefined => {
  if (n === STORY.leaver) return 10;
  const level = levelOf(n);
  if (level === 'director') return undefined;
  if (level === 'head' || level === 'auditor') return 1;
  if (level === 'manager') return 2 + Math.floor((n - 5) / 2);
  if (level === 'hr') return 2;
  if (level === 'support') return 5;
  return 5 + Math.floor((n - 14) / 4);
};

const departmentIndex = (n: number): 0 | 1 | 2 => {
  const m = levelOf(n) === 'head' ? n : (managerOf(n) ?? 2);
  const head = m <= 4 ? m : (managerOf(m) ?? 2);
  return head === 3 ? 1 : head === 4 ? 2 : 0;
};

export const departmentOf = (p: TenantProfile, n: number): string =>
  n === 1 || n === 12 ? 'Corporate' : n === 11 ? 'People Services' : p.departments[departmentIndex(n)];

const BEXLEY_STAFF_FAMILIES = [
  'professional-2',
  'customer-facing',
  'professional-1',
  'senior-support-staff',
  'support-staff',
];

const jobFamily = (p: TenantProfile, n: number): string | undefined => {
  if (p.schemeId !== 'bexley-pms') return undefined;
  const level = levelOf(n);
  if (level === 'director') return 'top-management';
  if (level === 'head') return 'heads-of-service';
  if (level === 'manager') return n % 2 === 0 ? 'management-1' : 'management-2';
  if (level === 'hr') return 'professional-1';
  if (level === 'auditor') return 'professional-2';
  if (level === 'support') return 'supervisor';
  return BEXLEY_STAFF_FAMILIES[n % BEXLEY_STAFF_FAMILIES.length];
};

const titleOf = (p: TenantProfile, n: number): string => {
  switch (levelOf(n)) {
    case 'director':
      return p.director;
    case 'head':
      return `${p.head}, ${departmentOf(p, n)}`;
    case 'manager':
      return p.manager;
    case 'hr':
      return p.schemeId === 'somerset-career-conversations' ? 'People Services Adviser' : 'HR Business Partner';
    case 'auditor':
      return 'Internal Auditor';
    case 'support':
      return p.schemeId === 'assembly-secretariat' ? 'Conversations Coordinator' : 'Business Support Officer';
    case 'staff':
      return p.staffTitles[n % p.staffTitles.length] ?? 'Officer';
  }
};

/** The roles Entra grants each level as app roles; the HR business partner also administers the tenant. */
const ROLES: Partial<Record<Level, readonly OrgRole[]>> = {
  director: ['senior-manager'],
  hr: ['hr', 'admin'],
  auditor: ['auditor'],
};

/** Start with the employer: managers have been there longer; 14 started 25 days ago. */
const startDateOf = (ref: IsoDate, n: number): IsoDate => {
  if (n === STORY.newStarter) return addDays(ref, -25);
  const years = levelOf(n) === 'staff' ? 2 + (n % 5) : 6 + (n % 7);
  return addDays(addMonths(ref, -12 * years), -((n * 37) % 300));
};

const jobId = (n: number, k = 1): string => `job-${n}-${k}`;

const jobsOf = (p: TenantProfile, ref: IsoDate, n: number, start: IsoDate): Job[] => {
  const manager = managerOf(n);
  const family = jobFamily(p, n);
  const main: Job = {
    id: jobId(n),
    title: titleOf(p, n),
    managerIds: manager === undefined ? [] : [manager].map((m) => personId(p.no, m)),
    isMain: true,
    contract: 'substantive',
    startDate: start,
    ...(family === undefined ? {} : { jobFamily: family }),
    ...(p.schemeId === 'leicestershire-apr' ||
    p.schemeId === 'cumbria-vip' ||
    p.schemeId === 'somerset-career-conversations'
      ? { agreedRegularEveryWeeks: n % 2 === 0 ? 4 : 6 }
      : {}),
  };
  if (p.schemeId === 'cumbria-vip' && n === STORY.twoManagers) {
    return [{ ...main, managerIds: [personId(p.no, 6), personId(p.no, 7)] }];
  }
  if (p.schemeId === 'cumbria-vip' && (n === STORY.dualSameManager || n === STORY.dualDifferentManagers)) {
    const other = n === STORY.dualSameManager ? (manager ?? 6) : 9;
    const second: Job = {
      id: jobId(n, 2),
      title: n === STORY.dualSameManager ? 'Relief Library Assistant' : 'School Crossing Patrol',
      managerIds: [personId(p.no, other)],
      isMain: false,
      contract: 'additional',
      startDate: addMonths(ref, -18),
    };
    return [main, second];
  }
  if (p.schemeId === 'assembly-secretariat' && n === STORY.actingUp) {
    return [{ ...main, title: 'Acting Team Manager', actingUp: true }];
  }
  return [main];
};

const leaveOf = (ref: IsoDate, n: number): Employee['leave'] => {
  if (n === STORY.backFromMaternity) return [{ kind: 'maternity', start: addMonths(ref, -11), end: addDays(ref, -21) }];
  if (n === STORY.longSick) return [{ kind: 'sickness', start: addDays(ref, -45) }];
  return [];
};

const payStepOf = (p: TenantProfile, n: number): PayStepFacts | undefined =>
  p.schemeId === 'somerset-career-conversations'
    ? {
        formalCapabilityProcess: false,
        liveDisciplinarySanction: false,
        mandatoryTrainingComplete: n !== STORY.trainingIncomplete,
      }
    : undefined;

/** Somerset: incremental dates spread across the year so some career conversations are always near. */
const incrementalDateOf = (p: TenantProfile, ref: IsoDate, n: number, start: IsoDate): IsoDate | undefined => {
  if (p.schemeId !== 'somerset-career-conversations') return undefined;
  if (n === STORY.newStarter) return addMonths(start, 12);
  return addDays(addMonths(ref, -(n % 12) - 12), 14);
};

export const buildEmployee = (p: TenantProfile, ref: IsoDate, n: number): Employee => {
  const { first, last } = personName(p.no, n);
  const start = startDateOf(ref, n);
  const level = levelOf(n);
  const incremental = incrementalDateOf(p, ref, n, start);
  const payStep = payStepOf(p, n);
  const orgRoles: OrgRole[] = [...(ROLES[level] ?? [])];
  if (p.schemeId === 'assembly-secretariat' && level === 'support') orgRoles.push('coordinator');
  return {
    tenantId: tenantId(p.no),
    id: personId(p.no, n),
    displayName: `${first} ${last}`,
    email: `${first}.${last}@${p.domain}`.toLowerCase(),
    startDate: start,
    ...(incremental === undefined ? {} : { incrementalDate: incremental }),
    jobs: jobsOf(p, ref, n, start),
    leave: leaveOf(ref, n),
    probation: n === STORY.newStarter ? { status: 'in-probation', endDate: addMonths(start, 6) } : { status: 'passed' },
    managerChanges:
      n === STORY.transfer
        ? [
            {
              jobId: jobId(n),
              previousManagerId: personId(p.no, 7),
              newManagerId: personId(p.no, 5),
              on: addDays(ref, -10),
            },
          ]
        : [],
    hasOwnPc: !(p.schemeId === 'assembly-secretariat' && (STORY.noOwnPc as readonly number[]).includes(n)),
    orgRoles,
    ...(payStep === undefined ? {} : { payStep }),
    ...(n === STORY.leaver ? { leftOn: addDays(ref, -20) } : {}),
  };
};
