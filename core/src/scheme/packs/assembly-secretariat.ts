import type { SchemePack } from '../types.ts';
import { ASSEMBLY_BIG_PICTURE, ASSEMBLY_TOPICS } from './assembly-content.ts';
import { capabilityReferral, PLAIN_SMART_PROMPTS } from './common.ts';

/** Policy 004: Assembly Secretariat performance conversations. */
export const assemblySecretariat: SchemePack = {
  id: 'assembly-secretariat',
  employer: 'Assembly Secretariat',
  schemeName: 'Performance conversations',
  policy: '004',
  conversations: [
    {
      type: 'in-the-moment',
      label: 'In the moment conversation',
      description: 'Day-to-day advice, an issue resolved or good work acknowledged.',
      cadence: { kind: 'informal' },
      policyRef: '004 In the moment',
    },
    {
      type: 'regular',
      label: 'Regular performance conversation',
      description: 'Once a month (more often if agreed), except in a month that has a Big Picture conversation.',
      // "... although you and your line manager may agree to meet more frequently if that is more suitable."
      cadence: { kind: 'monthly', suppressedInMonthsOf: 'big-picture', pairMayAgreeMoreOften: true },
      policyRef: '004 Regular',
    },
    {
      type: 'big-picture',
      label: 'Big Picture performance conversation',
      description: 'Every four months, on questions linking daily work to the corporate strategy.',
      // Counted from the colleague's start month so a team's Big Picture conversations spread across the year.
      cadence: { kind: 'every-n-months', months: 4, anchor: 'start-month' },
      policyRef: '004 Big Picture',
    },
  ],
  topics: ASSEMBLY_TOPICS,
  topicsPerConversation: { min: 1, max: 5 },
  strengthsFirst: false,
  objectiveKinds: [
    {
      id: 'job',
      title: 'Job objective',
      description: 'Day-to-day or beyond-the-day-job objectives for the period ahead.',
    },
    {
      id: 'development',
      title: 'Development objective',
      description: 'Your professional development for the period ahead.',
    },
  ],
  objectiveRecording: {
    mode: 'optional',
    decidedBy: 'manager',
    requiredWhen: ['probation', 'acting-up'],
    note: 'Recording is optional and your line manager has the final say, after hearing your views; it is required during probation and when deputising or temporarily promoted.',
  },
  smartPrompts: PLAIN_SMART_PROMPTS,
  measures: [],
  values: [
    { id: 'professionalism', title: 'Professionalism', description: 'Professionalism in everything we do.' },
    { id: 'respect', title: 'Respect', description: 'Respect for each other, Members and the public.' },
    {
      id: 'impartiality-and-integrity',
      title: 'Impartiality and integrity',
      description: 'Impartiality and integrity in all our work.',
    },
  ],
  jobFamilies: [],
  questionBank: {
    open: ['What has gone well this month?', 'What would you like to talk about?'],
    probing: ['How did you go about it?', 'What would you do differently?'],
  },
  bigPicture: ASSEMBLY_BIG_PICTURE,
  preparation: {
    employee: [
      'Reflect on your work and progress since you last met your manager.',
      'Review the issues and actions you agreed to address.',
      'Think about how you did the work, not only what you did, using the Skills and Behaviours.',
      'Bring ideas on how you can contribute more to team and office goals.',
    ],
    manager: [
      'Reflect on the staff member’s work and progress since the last conversation.',
      'Prepare the issues and actions that need discussing.',
      'Plan coaching questions so the staff member leads the conversation.',
    ],
  },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: capabilityReferral('Capability Policy'),
  // "You and your line manager may agree to meet more frequently ... Someone new to their job will need more frequent
  // performance conversations": monthly is the floor, so only more often is on offer. The policy does not say how
  // long someone counts as new to their job; six months is the organisation's choice.
  regularFrequency: {
    decidedBy: 'pair',
    choicesInWeeks: [1, 2, 3],
    policyRef: '004 Regular',
    newToJob: { withinMonths: 6, basis: 'organisation-choice' },
  },
};
