import type { SchemePack, Topic } from '../types.ts';
import { capabilityReferral, PLAIN_SMART_PROMPTS } from './common.ts';

const area = (
  id: string,
  title: string,
  description: string,
  strengths: string,
  open: string[],
  probe: string[],
): Topic => ({
  id,
  title,
  description,
  strengthsPrompt: strengths,
  openQuestions: open,
  probingQuestions: probe,
});

/** Policy 001: Leicestershire County Council Performance Management Framework. */
export const leicestershireApr: SchemePack = {
  id: 'leicestershire-apr',
  employer: 'Leicestershire County Council',
  schemeName: 'Performance Management Framework: one-to-ones and Annual Performance Review',
  policy: '001',
  conversations: [
    {
      type: 'regular',
      label: 'One-to-one',
      description: 'Regular, consistent supervision on the four generic areas, for every grade and contract type.',
      // The framework asks for regular sessions without a number; four weeks is the default until the pair agrees one.
      cadence: {
        kind: 'agreed-frequency',
        defaultEveryWeeks: 4,
        windowOpensDaysBefore: 7,
        basis: 'organisation-choice',
      },
      policyRef: '001 One-to-ones',
    },
    {
      type: 'annual-review',
      label: 'Annual Performance Review (APR)',
      description: 'Employee-driven review of past and present performance with a forward look at future needs.',
      cadence: {
        kind: 'rolling-annual',
        firstAfterStart: { months: 12 },
        every: { months: 12 },
        windowOpensDaysBefore: 28,
        probationFirst: false,
        // The framework asks for an annual review without a date; a year after starting, then yearly, is ours.
        basis: 'organisation-choice',
      },
      policyRef: '001 Annual Performance Review',
    },
    {
      type: 'team',
      label: 'Team conversation',
      description: 'Team discussions, for example around a balanced scorecard.',
      cadence: { kind: 'informal' },
      policyRef: '001 Appendix 1',
    },
  ],
  topics: [
    area(
      'managing',
      'Managing',
      'Objectives and outcomes, workload and priorities, agreed by both of you.',
      'Which outcome are you proudest of since we last met?',
      ['How are your objectives going?', 'What is taking most of your time?'],
      ['What would help you deliver this sooner?', 'Which priority could move?'],
    ),
    area(
      'developing',
      'Developing',
      'Learning, skills and career development, including the leadership behaviours.',
      'What have you learned recently that you are already using?',
      ['What would you like to get better at?', 'Where do you see yourself in two years?'],
      ['Which learning route suits you best?', 'What is one step you could take this month?'],
    ),
    area(
      'supporting',
      'Supporting',
      'The support, feedback and resources you need from your manager and others.',
      'Who has helped you most lately, and how?',
      ['What support do you need from me?', 'How useful is the feedback you get?'],
      ['What should I do more or less of?', 'What is missing from your toolkit?'],
    ),
    area(
      'health-safety-wellbeing',
      'Health, Safety and Wellbeing',
      'Wellbeing, workload pressure and safe ways of working, including smarter working.',
      'What keeps you well at work?',
      ['How are you?', 'Are there any safety concerns in your work?'],
      ['What would ease the pressure?', 'Is anything affecting your health at work?'],
    ),
  ],
  topicsPerConversation: { min: 1, max: 4 },
  strengthsFirst: false,
  annualReview: {
    title: 'Annual Performance Review',
    employeeDriven: true,
    sections: [
      {
        id: 'past-performance',
        title: 'Past performance',
        guidance: 'What you delivered against last year’s objectives.',
      },
      {
        id: 'present-performance',
        title: 'Present performance',
        guidance: 'How things are going now, in the light of the values.',
      },
      {
        id: 'future-needs',
        title: 'Future needs and objectives',
        guidance: 'Objectives for the year, drawn from the service and team plan, and the development you need.',
      },
      {
        id: 'values-and-behaviours',
        title: 'Values and leadership behaviours',
        guidance: 'How the corporate values and, for managers, the leadership behaviours show in your work.',
      },
    ],
  },
  objectiveKinds: [
    { id: 'individual', title: 'Individual objective', description: 'Cascaded from the service and team plan.' },
    { id: 'development', title: 'Development objective', description: 'Learning and growth in your role.' },
  ],
  objectiveRecording: {
    mode: 'expected',
    decidedBy: 'pair',
    requiredWhen: [],
    note: 'Individual objectives are set in the APR and monitored by the line manager.',
  },
  smartPrompts: PLAIN_SMART_PROMPTS,
  measures: [],
  values: [
    { id: 'positivity', title: 'Positivity', description: 'Finding the best way to get things done and aiming high.' },
    {
      id: 'trust-and-respect',
      title: 'Trust and Respect',
      description: 'Owning our actions, valuing diversity, listening.',
    },
    {
      id: 'flexibility',
      title: 'Flexibility',
      description: 'Adapting to the needs of the business and working together.',
    },
    {
      id: 'openness-and-transparency',
      title: 'Openness and Transparency',
      description: 'Being honest and communicating clearly.',
    },
  ],
  behaviourFramework: {
    title: 'Leadership behaviours framework',
    themes: [
      { id: 'drive', title: 'Drive', description: 'Energy and focus on delivering results.' },
      { id: 'think', title: 'Think', description: 'Clear, strategic and creative thinking.' },
      { id: 'feel', title: 'Feel', description: 'Self-awareness and empathy for others.' },
      { id: 'connect', title: 'Connect', description: 'Building relationships and working across boundaries.' },
      { id: 'inspire', title: 'Inspire', description: 'Motivating others and setting direction.' },
    ],
  },
  jobFamilies: [],
  questionBank: {
    open: ['How do you feel the year has gone?', 'What are you most looking forward to?'],
    probing: ['Can you give an example?', 'How does that link to the team plan?'],
  },
  preparation: {
    employee: [
      'You lead the APR: decide how you want to structure it.',
      'Review your objectives and the evidence of what you achieved.',
      'Look at the service and team plan and think about next year’s objectives.',
      'Note the development you want.',
    ],
    manager: [
      'Review departmental and service performance and targets before setting objectives.',
      'Bring notes from the year’s one-to-ones.',
      'Think about how the values and leadership behaviours have shown.',
    ],
  },
  minimumRecord: ['issues-raised', 'actions-agreed'],
  capabilityReferral: capabilityReferral('Managing Capability guidance with the Corporate HR Team'),
  // "Regular and consistent supervision sessions", on objectives "clearly defined and agreed by both employee and manager".
  regularFrequency: { decidedBy: 'pair', choicesInWeeks: [1, 2, 3, 4, 6, 8, 12], policyRef: '001 One-to-ones' },
};
