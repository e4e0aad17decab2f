import type { SchemePack } from '../types.ts';
import { capabilityReferral, PLAIN_SMART_PROMPTS } from './common.ts';
import { CUMBRIA_TOPICS } from './cumbria-topics.ts';

/** Policy 000: Cumbria County Council, Valuing Individuals and Performance (VIP). */
export const cumbriaVip: SchemePack = {
  id: 'cumbria-vip',
  employer: 'Cumbria County Council',
  schemeName: 'Valuing Individuals and Performance (VIP)',
  policy: '000',
  conversations: [
    {
      type: 'regular',
      label: 'VIP conversation',
      description:
        'Regular, informal conversations on one or two agreed topics, inside 1-2-1s, supervision or a separate meeting.',
      // The policy leaves frequency to local agreement; four weeks is the organisation's default until a pair agrees theirs.
      cadence: {
        kind: 'agreed-frequency',
        defaultEveryWeeks: 4,
        windowOpensDaysBefore: 7,
        basis: 'organisation-choice',
      },
      policyRef: '000 Scheduling VIP conversations',
    },
    {
      type: 'annual-review',
      label: 'VIP Summary Appraisal',
      description: 'Reviews the last 12 months of VIP conversations and plans the year ahead, on a rolling basis.',
      cadence: {
        kind: 'rolling-annual',
        firstAfterStart: { months: 12 },
        every: { months: 12 },
        windowOpensDaysBefore: 28,
        probationFirst: true,
        // "Long term sickness, maternity, adoption": the policy does not say how long; 28 days is the organisation's.
        longLeave: { minDays: 28, arrangeWithinMonthsOfReturn: 3, minDaysBasis: 'organisation-choice' },
        // "New employees ... would usually have their first VIP Summary Appraisal 12 months after their start date."
        basis: { policyRef: '000 Appendix 1' },
      },
      policyRef: '000 Appendix 1',
    },
    {
      type: 'handover',
      label: 'Handover between line managers',
      description: 'The old and new line manager share strengths, development and goals when line management changes.',
      // The policy asks for a handover discussion without a deadline; 28 days is the organisation's choice.
      cadence: { kind: 'on-manager-change', dueWithinDays: 28, basis: 'organisation-choice' },
      policyRef: '000 Appendix 1 Internal Transfers',
    },
    {
      type: 'team',
      label: 'Team VIP conversation',
      description: 'Team meetings and away days using the team tools and conversation starters.',
      cadence: { kind: 'informal' },
      policyRef: '000 Scheduling VIP conversations',
    },
  ],
  topics: CUMBRIA_TOPICS,
  topicsPerConversation: { min: 1, max: 2 },
  strengthsFirst: true,
  annualReview: {
    title: 'VIP Summary Appraisal',
    employeeDriven: false,
    sections: [
      {
        id: 'individual-summary',
        title: 'Individual summary and feedback',
        guidance:
          'Your achievements, strengths and performance, any support you need and any feedback for your manager.',
      },
      {
        id: 'manager-summary',
        title: 'Manager summary and feedback',
        guidance:
          'Achievements, strengths, productivity and contribution to the team, with feedback from colleagues or customers.',
      },
      {
        id: 'wellbeing',
        title: 'Wellbeing',
        guidance: 'Resilience and work-life balance, and any changes to work that would help you keep well.',
      },
      {
        id: 'development-and-aspirations',
        title: 'Personal development and career aspirations',
        guidance: 'Aspirations, development for the coming year and how your strengths could help develop others.',
      },
      {
        id: 'goals',
        title: 'Goals',
        guidance: 'Short, medium or long term goals to revisit in VIP conversations through the year.',
      },
    ],
  },
  objectiveKinds: [
    {
      id: 'task-based',
      title: 'Task-based goal',
      description: 'Specific work to deliver, such as a project for the team; ideally shared across the team.',
    },
    {
      id: 'skills-and-development',
      title: 'Skills and development goal',
      description: 'Skills or personal styles to develop for performance and career aspirations.',
    },
    {
      id: 'personal-and-wellbeing',
      title: 'Personal and wellbeing goal',
      description: 'Actions on stress, wellbeing or work-life balance that help you perform at your best.',
    },
  ],
  objectiveRecording: {
    mode: 'expected',
    decidedBy: 'pair',
    requiredWhen: [],
    note: 'Goals are agreed in the Summary Appraisal and revisited in VIP conversations; they matter more in some roles than others.',
  },
  smartPrompts: PLAIN_SMART_PROMPTS,
  measures: [],
  values: [],
  jobFamilies: [],
  questionBank: {
    open: ['What has gone well since we last talked?', 'Which of your strengths did you use most?'],
    probing: ['What made that work?', 'How could we use that strength more in the team?'],
  },
  preparation: {
    employee: [
      'Note your achievements and the strengths you used since the last review.',
      'Think about your wellbeing and work-life balance.',
      'Consider what you would like to develop and where you want your career to go.',
      'Note any support or feedback you want to give your manager.',
    ],
    manager: [
      'Look back over the whole 12 months of VIP conversations, not only recent events.',
      'Gather any feedback from colleagues or customers.',
      'Summarise achievements, strengths and contribution to the team.',
      'Check the training, mentoring and wellbeing support available before you meet.',
    ],
  },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: capabilityReferral('capability procedure'),
  // "There is no one-size-fits-all guidance relating to the frequency ... These should be arranged locally by the line manager."
  regularFrequency: {
    decidedBy: 'manager',
    choicesInWeeks: [1, 2, 3, 4, 6, 8, 12],
    policyRef: '000 Scheduling VIP conversations',
  },
  // "When all VIP summary appraisals are completed ... managers should complete the Team Theme template"; the
  // policy sets no deadline for it or for the senior manager's collation, so the 28 days are the organisation's.
  teamThemes: {
    after: 'annual-review',
    dueWithinDays: 28,
    collateWithinDays: 28,
    basis: 'organisation-choice',
    // "DMTs/ Governing bodies will collate and review the Team Theme feedback annually."
    collateAnnually: { basis: { policyRef: '000 Team Themes' } },
    policyRef: '000 Team Themes',
  },
};
