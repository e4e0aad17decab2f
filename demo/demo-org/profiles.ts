import type { Nation, SchemeId } from '@pc/core';
import type { TenantNo } from './ids.ts';

/** What differs between the five demo employers; the org shape itself is shared (see people.ts). */
export interface TenantProfile {
  readonly no: TenantNo;
  readonly schemeId: SchemeId;
  readonly name: string;
  readonly nation: Nation;
  readonly domain: string;
  readonly director: string;
  readonly head: string;
  readonly manager: string;
  /** One department per head of service (persons 2, 3, 4). */
  readonly departments: readonly [string, string, string];
  readonly staffTitles: readonly string[];
  readonly objectiveKinds: readonly string[];
  readonly regularTopics: readonly string[];
}

export const PROFILES: readonly TenantProfile[] = [
  {
    no: 1,
    schemeId: 'cumbria-vip',
    name: 'Cumbria County Council (demo)',
    nation: 'england-and-wales',
    domain: 'cumbria.demo',
    director: 'Executive Director of Corporate Services',
    head: 'Assistant Director',
    manager: 'Team Manager',
    departments: ['Children and Families', 'Highways and Transport', 'Libraries and Culture'],
    staffTitles: [
      'Social Worker',
      'Highways Inspector',
      'Library Assistant',
      'Business Support Officer',
      'Occupational Therapist',
    ],
    objectiveKinds: ['task-based', 'skills-and-development', 'personal-and-wellbeing'],
    regularTopics: ['customer', 'working-together', 'communication-and-engagement', 'leadership', 'managing-resources'],
  },
  {
    no: 2,
    schemeId: 'leicestershire-apr',
    name: 'Leicestershire County Council (demo)',
    nation: 'england-and-wales',
    domain: 'leicestershire.demo',
    director: 'Director of Corporate Resources',
    head: 'Head of Service',
    manager: 'Team Leader',
    departments: ['Adults and Communities', 'Environment and Transport', 'Corporate Resources'],
    staffTitles: [
      'Policy Officer',
      'Customer Service Adviser',
      'Care Assessor',
      'Transport Planner',
      'Finance Officer',
    ],
    objectiveKinds: ['individual', 'development'],
    regularTopics: ['managing', 'developing', 'supporting', 'health-safety-wellbeing'],
  },
  {
    no: 3,
    schemeId: 'bexley-pms',
    name: 'London Borough of Bexley (demo)',
    nation: 'england-and-wales',
    domain: 'bexley.demo',
    director: 'Deputy Director, Place',
    head: 'Head of Service',
    manager: 'Unit Manager',
    departments: ['Housing', 'Planning and Regeneration', 'Revenues and Benefits'],
    staffTitles: [
      'Housing Officer',
      'Planning Officer',
      'Customer Contact Adviser',
      'Member Support Officer',
      'Admin Assistant',
    ],
    objectiveKinds: [
      'short-range',
      'long-range',
      'organisational',
      'problem-solving',
      'innovation',
      'personal-development',
    ],
    regularTopics: ['progress', 'values-and-behaviours', 'risks', 'support-and-development'],
  },
  {
    no: 4,
    schemeId: 'somerset-career-conversations',
    name: 'Somerset NHS Foundation Trust (demo)',
    nation: 'england-and-wales',
    domain: 'somerset.demo',
    director: 'Director of Nursing',
    head: 'Associate Director',
    manager: 'Ward Manager',
    departments: ['Surgery', 'Community Services', 'Estates and Facilities'],
    staffTitles: ['Staff Nurse', 'Healthcare Assistant', 'Physiotherapist', 'Ward Clerk', 'Porter'],
    objectiveKinds: ['trust-role', 'personal-development'],
    regularTopics: [
      'objectives',
      'health-and-wellbeing',
      'caseload',
      'development-and-career',
      'mandatory-training',
      'incidents',
    ],
  },
  {
    no: 5,
    schemeId: 'assembly-secretariat',
    name: 'Assembly Secretariat (demo)',
    nation: 'northern-ireland',
    domain: 'assembly.demo',
    director: 'Director of Parliamentary Services',
    head: 'Head of Office',
    manager: 'Team Manager',
    departments: ['Clerking and Committees', 'Research and Information', 'Facilities'],
    staffTitles: ['Committee Clerk', 'Researcher', 'Hansard Reporter', 'Usher', 'Catering Assistant'],
    objectiveKinds: ['job', 'development'],
    regularTopics: ['expectations', 'progress', 'ideas-and-concerns', 'development', 'wellbeing'],
  },
];

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'Dev',
  'Ellie',
  'Farid',
  'Grace',
  'Harry',
  'Isla',
  'Jamal',
  'Kate',
  'Liam',
  'Maya',
  'Niall',
  'Olivia',
  'Priya',
  'Quentin',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wendy',
  'Xavier',
  'Yasmin',
  'Zak',
  'Amir',
  'Bethan',
  'Ciaran',
  'Dana',
  'Eilidh',
  'Fergus',
  'Gemma',
  'Hassan',
  'Imogen',
  'Joe',
  'Kiran',
  'Lucy',
  'Mohammed',
  'Nia',
] as const;
const LAST = [
  'Khan',
  'Taylor',
  'Patel',
  'Murphy',
  'Jones',
  'Okafor',
  'Walsh',
  'Singh',
  'Evans',
  'Brown',
  'Campbell',
  'Hughes',
  'Nowak',
  'Ali',
  'Roberts',
  'McCann',
  'Wright',
  'Chen',
  'Kelly',
  'Davies',
  'Hussain',
  'Lewis',
  'Doherty',
  'Clarke',
  'Adeyemi',
  'Thompson',
  'Reid',
  'Begum',
  'Morgan',
  'Quinn',
  'Fraser',
  'Shah',
  'Wilson',
  'Baker',
  'Gallagher',
  'Ahmed',
  'Price',
  'Stewart',
  'Mensah',
  'Hall',
] as const;

/** Deterministic, distinct within a tenant (7 and 40 are coprime); person 14 of Bexley is Aisha Khan. */
export const personName = (t: TenantNo, n: number): { first: string; last: string } => {
  if (t === 3 && n === 14) return { first: 'Aisha', last: 'Khan' };
  const first = FIRST[(n * 7 + t * 11) % FIRST.length] ?? 'Alex';
  const last = LAST[(n * 13 + t * 5 + 1) % LAST.length] ?? 'Smith';
  return first === 'Aisha' && last === 'Khan' ? { first, last: 'Kahn' } : { first, last };
};
