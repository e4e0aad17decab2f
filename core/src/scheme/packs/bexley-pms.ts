import type { SchemePack } from '../types.ts';
import { capabilityReferral } from './common.ts';
import {
  BEXLEY_MEASURES,
  BEXLEY_OBJECTIVE_KINDS,
  BEXLEY_QUESTIONS,
  BEXLEY_SMART_PROMPTS,
  BEXLEY_TOPICS,
} from './bexley-content.ts';
import { BEXLEY_JOB_FAMILIES } from './bexley-job-families.ts';

/** Policy 002: London Borough of Bexley Performance Management Scheme (financial-year cycle). */
export const bexleyPms: SchemePack = {
  id: 'bexley-pms',
  employer: 'London Borough of Bexley',
  schemeName: 'Bexley Performance Management Scheme',
  policy: '002',
  conversations: [
    {
      type: 'regular',
      label: '1:1 performance review',
      description: 'Scheduled well in advance and at least every three months; progress, values and risks.',
      cadence: {
        kind: 'at-least-every',
        months: 3,
        countsAlso: ['progress-record', 'annual-review', 'probation-review'],
        windowOpensDaysBefore: 14,
      },
      policyRef: '002 §2 Reviewing progress',
    },
    {
      type: 'annual-review',
      label: 'April/May performance conversation',
      description: 'The Retro (about 20%) on last year, then the Future (about 80%) for the year ahead.',
      cadence: {
        kind: 'calendar-windows',
        windows: [{ fromMonth: 4, toMonth: 5 }],
        appliesFrom: { kind: 'employed-before-window' },
      },
      policyRef: '002 §2 Step 2',
    },
    {
      type: 'progress-record',
      label: 'Formal progress record',
      description: 'A formal record of progress made at a 1:1, three times a year.',
      cadence: {
        kind: 'calendar-windows',
        windows: [
          { fromMonth: 6, toMonth: 7 },
          { fromMonth: 9, toMonth: 10 },
          { fromMonth: 12, toMonth: 1 },
        ],
        // §5: the normal timetable starts once the first six months of probation meetings are over.
        appliesFrom: { kind: 'months-after-start', months: 6 },
      },
      policyRef: '002 §2 Reviewing progress',
    },
    {
      type: 'probation-review',
      label: 'Probation performance meeting',
      description: 'Support, guidance and monitoring in the first six months.',
      // "... during the first 6 months of employment with Bexley. After this time, the normal performance
      // management timetable is used": the outcome is settled when the six months (or an extension) end.
      cadence: {
        kind: 'after-start',
        offsets: [{ weeks: 4 }, { months: 3 }, { months: 5 }],
        windowOpensDaysBefore: 7,
        outcome: { after: { months: 6 }, basis: { policyRef: '002 §5' } },
      },
      policyRef: '002 §5',
    },
  ],
  topics: BEXLEY_TOPICS,
  topicsPerConversation: { min: 1, max: 4 },
  strengthsFirst: false,
  annualReview: {
    title: 'April/May performance conversation',
    employeeDriven: true,
    sections: [
      {
        id: 'retro',
        title: 'The Retro',
        guidance:
          'What went well, what did not go to plan and what to adjust, using evidence from the 1:1s and progress records.',
        timeSharePercent: 20,
        parts: [
          { id: 'goals', title: 'Achievement of goals' },
          { id: 'accountabilities', title: 'Delivery of accountabilities' },
          { id: 'values', title: 'Demonstration of values and behaviours' },
          { id: 'learning', title: 'Learning and development' },
        ],
      },
      {
        id: 'future',
        title: 'The Future',
        guidance: 'Goals and accountabilities for the year, how success is measured and the support needed.',
        timeSharePercent: 80,
        parts: [
          { id: 'goals', title: 'Goals and objectives' },
          { id: 'accountabilities', title: 'Accountabilities' },
          { id: 'measures', title: 'Measures of success' },
          { id: 'support-and-development', title: 'Support and development' },
        ],
      },
    ],
  },
  objectiveKinds: BEXLEY_OBJECTIVE_KINDS,
  objectiveRecording: {
    mode: 'expected',
    decidedBy: 'pair',
    requiredWhen: [],
    note: 'The Future plan records each goal and accountability, its date and how success will be measured.',
  },
  smartPrompts: BEXLEY_SMART_PROMPTS,
  measures: BEXLEY_MEASURES,
  ratingScale: {
    setBy: 'manager',
    options: [
      {
        value: '1',
        label: 'Excellent',
        description: 'Overall performance materially exceeds requirements and is a model for others.',
        increment: true,
        requiresShortfall: false,
      },
      {
        value: '2',
        label: 'Fully proficient',
        description: 'Overall performance consistently fulfils requirements, objectives and expected behaviours.',
        increment: false,
        requiresShortfall: false,
      },
      {
        value: '3',
        label: 'Below the required standard',
        description: 'Performance falls short overall or in one or more respects; improvement is required.',
        increment: false,
        requiresShortfall: true,
      },
    ],
    bonus: { percentOfGradeRate: 5, eligibleRatings: ['1', '2'] },
    hiddenFromEmployeeUntil: 'step-3-review',
    checkedBy: 'grandparent',
  },
  appeal: {
    lodgeWith: 'grandparent',
    lodgeWithin: { amount: 10, unit: 'working-days' },
    lodgeFrom: 'notification',
    heardBy: 'grandparents-manager',
    present: 'A Human Resources Adviser',
    decisionWithin: { amount: 5, unit: 'working-days' },
    lodgeableByRepresentative: true,
    grounds: [
      'The documentation does not accurately reflect the year’s performance.',
      'The award is inconsistent with the documentation.',
    ],
    final: true,
    policyRef: '002 Appendix 6',
    // "The timescales contained within this appeals procedure may be varied by mutual consent ..."
    variableByMutualConsent: { communicatedTo: 'individual-and-representative', policyRef: '002 Appendix 6 §2' },
  },
  values: [],
  jobFamilies: BEXLEY_JOB_FAMILIES,
  questionBank: BEXLEY_QUESTIONS,
  preparation: {
    employee: [
      'What you achieved in the period, with examples and evidence.',
      'Any objectives not achieved, and why.',
      'Where you need to develop, and how.',
      'The support and guidance you want from your line manager.',
    ],
    manager: [
      'How well the individual has performed against agreed targets since the last meeting.',
      'The feedback you will give and the evidence behind it.',
      'What has affected performance, inside and outside their control.',
      'Actions both of you could take to develop or improve performance.',
    ],
  },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: capabilityReferral('formal capability procedure'),
  staffGroups: [
    {
      group: 'management-board',
      treatment: 'separate-arrangements',
      note: 'As a member of the Management Board you are appraised by the Chief Executive, a Member Panel considers the recommendations, and separate appeal arrangements apply (from Democratic Services).',
      appliesTo: ['annual-review'],
      policyRef: '002 §6',
    },
  ],
};
