import type { SchemePack } from '../types.ts';
import { capabilityReferral } from './common.ts';
import { SOMERSET_TOPICS } from './somerset-topics.ts';

/** Policy 003: Somerset NHS Foundation Trust Career Conversations (excludes medical and dental colleagues). */
export const somersetCareerConversations: SchemePack = {
  id: 'somerset-career-conversations',
  employer: 'Somerset NHS Foundation Trust',
  schemeName: 'Career Conversations',
  policy: '003',
  conversations: [
    {
      type: 'induction',
      label: 'Induction / introductory meeting',
      description:
        'On appointment or a move: expectations, objectives, values, adjustments, wellbeing and supervision frequency.',
      // §5.1 sets no deadline for the introductory meeting; 14 days is the organisation's choice.
      cadence: { kind: 'on-appointment', dueWithinDays: 14, lookbackMonths: 12, basis: 'organisation-choice' },
      policyRef: '003 §5.1',
    },
    {
      type: 'regular',
      label: 'Supervision / 1:1',
      description: 'Ongoing supportive conversations at the frequency the pair agreed at induction.',
      // The pair agrees the frequency; four weeks applies until they record one.
      cadence: {
        kind: 'agreed-frequency',
        defaultEveryWeeks: 4,
        windowOpensDaysBefore: 7,
        basis: 'organisation-choice',
      },
      policyRef: '003 §3.2',
    },
    {
      type: 'annual-review',
      label: 'Career Conversation',
      description:
        'The 12-month conversation at the incremental date, with an agreed rating; it affects pay-step progression.',
      cadence: { kind: 'anniversary', of: 'incremental-date', windowOpensMonthsBefore: 1 },
      policyRef: '003 §5.8',
    },
  ],
  topics: SOMERSET_TOPICS,
  topicsPerConversation: { min: 1, max: 6 },
  strengthsFirst: false,
  annualReview: {
    title: 'Career Conversation',
    employeeDriven: true,
    sections: [
      {
        id: 'objectives-achieved',
        title: 'The last 12 months and objectives achieved',
        guidance: 'Progress and achievement of objectives.',
      },
      { id: 'wellbeing', title: 'Health and wellbeing', guidance: 'How you are and what support helps.' },
      {
        id: 'potential-and-readiness',
        title: 'Career conversation: potential and readiness',
        guidance: 'Where you could go next and how ready you feel.',
      },
      {
        id: 'pdp',
        title: 'Personal development plan',
        guidance: 'Development to achieve the outcomes of this conversation.',
      },
      {
        id: 'next-objectives',
        title: 'Objectives for the next 12 months',
        guidance: 'Set and agree objectives for the year ahead.',
      },
      {
        id: 'agreed-rating',
        title: 'Agreed overall rating',
        guidance: 'Agreed together, on objectives achieved and conduct against the Trust’s values and behaviours.',
      },
    ],
  },
  objectiveKinds: [
    { id: 'trust-role', title: 'Trust or role objective', description: 'What the role needs to deliver this year.' },
    { id: 'personal-development', title: 'Personal development', description: 'From the personal development plan.' },
  ],
  objectiveRecording: {
    mode: 'expected',
    decidedBy: 'pair',
    requiredWhen: [],
    note: 'Objectives are set at induction and at each Career Conversation, and revisited in supervision.',
  },
  smartPrompts: {
    specific: 'Describe the objective so that anyone reading it knows exactly what is to be done.',
    measurable: 'What will show that it is met — a number, a standard or a piece of evidence?',
    achievable: 'With the support agreed, can the colleague realistically do this?',
    relevant: 'How does it serve the colleague’s role, the service and the Trust’s objectives?',
    timeBound: 'When will it be complete, and when will you check progress in supervision?',
  },
  measures: [],
  ratingScale: {
    setBy: 'agreed',
    options: [
      {
        value: 'met',
        label: 'Objectives met and behaviours satisfactory',
        description: 'Meets the requirement for pay-step progression.',
        increment: true,
        requiresShortfall: false,
      },
      {
        value: 'partly-met',
        label: 'Objectives partly met',
        description: 'May affect progression to the next pay step; agree a supportive plan with timescales.',
        increment: false,
        requiresShortfall: true,
      },
      {
        value: 'not-met',
        label: 'Objectives or behaviours not met',
        description: 'Progression is deferred; agree a supportive plan with timescales.',
        increment: false,
        requiresShortfall: true,
      },
    ],
  },
  appeal: {
    lodgeWith: 'next-in-line-manager',
    lodgeWithin: { amount: 14, unit: 'calendar-days' },
    lodgeFrom: 'conversation',
    acknowledgeWithin: { amount: 7, unit: 'calendar-days' },
    heardBy: 'next-in-line-manager',
    present: 'A member of People Services not previously involved',
    lodgeableByRepresentative: false,
    grounds: ['The colleague feels they have been treated unfairly.'],
    final: true,
    policyRef: '003 §5.10',
  },
  values: [],
  jobFamilies: [],
  questionBank: {
    open: ['What would you like to talk about today?', 'How do you feel the last few weeks have gone?'],
    probing: ['What makes you say that?', 'What would a good outcome look like for you?'],
  },
  preparation: {
    employee: [
      'Take the protected time to complete your notes before the Career Conversation.',
      'You lead the conversation: decide what you want from it.',
      'Look back over the 12 months of supervision notes and your objectives.',
      'Think about your potential, readiness and next career step.',
      'Check your mandatory training is complete.',
    ],
    manager: [
      'Give the colleague protected preparation time.',
      'Re-read the year’s supervision notes and the objectives set.',
      'Be ready to listen, ask questions and offer observations.',
      'Check that the support agreed has been provided before any pay step is declined.',
    ],
  },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: capabilityReferral('Capability Policy'),
  // "Agree frequency of supervision meetings" at the introductory meeting; 1:1s "as agreed by manager/supervisor and individual".
  regularFrequency: { decidedBy: 'pair', choicesInWeeks: [1, 2, 3, 4, 6, 8, 12], policyRef: '003 §5.1' },
  // The plan's dates are the pair's; showing each as due a week before is the organisation's choice.
  deferralPlanReviews: {
    heldAs: 'regular',
    windowOpensDaysBefore: 7,
    basis: 'organisation-choice',
    policyRef: '003 §5.8',
  },
  staffGroups: [
    {
      group: 'medical-and-dental',
      treatment: 'excluded',
      note: 'Medical and dental colleagues are outside the Career Conversations policy, so it schedules nothing for you.',
      policyRef: '003 §2.3',
    },
  ],
  // §6.1 sets when records go to People Services, not for how long they are kept there.
  retention: {
    rule: 'Records are kept while the colleague is employed, and thereafter sent to People Services for filing and archiving.',
    archivedTo: 'People Services',
    policyRef: '003 §6.1',
  },
};
