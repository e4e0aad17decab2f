import type { MeasureSpec, ObjectiveKind, SmartLetter, Topic } from '../types.ts';

/** Policy 002 Appendix 3 §1: six kinds of objective. */
export const BEXLEY_OBJECTIVE_KINDS: readonly ObjectiveKind[] = [
  { id: 'short-range', title: 'Short range', description: 'Can usually be done within the appraisal year.' },
  {
    id: 'long-range',
    title: 'Long range',
    description: 'Needs a full year or more; split into smaller objectives or spread over milestones.',
  },
  { id: 'organisational', title: 'Organisational', description: 'Contributes directly to the wider organisation.' },
  {
    id: 'problem-solving',
    title: 'Problem-solving',
    description: 'Brings performance that has slipped back up to standard.',
  },
  { id: 'innovation', title: 'Innovation', description: 'Encourages creativity, new thinking or a fresh approach.' },
  {
    id: 'personal-development',
    title: 'Personal development',
    description: 'Builds the employee’s development and long-term results.',
  },
];

/** Policy 002 Appendix 3 §2, in the product's own words. */
export const BEXLEY_SMART_PROMPTS: Readonly<Record<SmartLetter, string>> = {
  specific: 'Would you both describe the goal or accountability the same way? Say exactly what is expected.',
  measurable: 'How will you both tell that it happened, and how well it was done?',
  achievable: 'Is it in the employee’s control, and can it be done in a reasonable time?',
  relevant: 'Which part of the job, department objective, organisational outcome or strategic plan does it serve?',
  timeBound: 'What target dates and timescales will you both track progress against?',
};

/** Policy 002 Appendix 3 §3: the "how well" of an objective. */
export const BEXLEY_MEASURES: readonly MeasureSpec[] = [
  { kind: 'quality', title: 'Quality', prompt: 'To what standard: accuracy, usefulness, effectiveness, impact?' },
  { kind: 'quantity', title: 'Quantity', prompt: 'How much or how many, in numbers or percentages?' },
  { kind: 'timeliness', title: 'Timeliness', prompt: 'How quickly is the result produced?' },
  { kind: 'manner', title: 'Manner', prompt: 'In what way or style, including the High Performance Indicators?' },
  { kind: 'method', title: 'Method', prompt: 'Which policies, procedures and technical standards apply?' },
  { kind: 'cost', title: 'Cost', prompt: 'How well are people, money and equipment used?' },
];

/** Policy 002 Appendix 4 §3: open and probing questions for managers. */
export const BEXLEY_QUESTIONS = {
  open: [
    'How do you think things have been going?',
    'How do you see your job developing?',
    'How do you feel about that?',
    'Why do you think that happened?',
    'What are you most pleased with this year?',
  ],
  probing: [
    'That is interesting — can you tell me more about it?',
    'How far do you think that was the cause?',
    'Let me check I have understood: do you mean that…?',
    'What evidence or example shows that?',
    'What would you do differently next time?',
  ],
} as const;

const topic = (id: string, title: string, description: string, strengthsPrompt: string): Topic => ({
  id,
  title,
  description,
  strengthsPrompt,
  openQuestions: BEXLEY_QUESTIONS.open.slice(0, 2),
  probingQuestions: BEXLEY_QUESTIONS.probing.slice(0, 2),
});

/** Policy 002 "Reviewing progress": what a 1:1 balances. */
export const BEXLEY_TOPICS: readonly Topic[] = [
  topic(
    'progress',
    'Progress against goals',
    'Progress on tasks and objectives, achievements and gaps.',
    'What has gone well since we last met?',
  ),
  topic(
    'values-and-behaviours',
    'Values and behaviours',
    'How the values and High Performance Indicators are being lived.',
    'Where did you show the values at their best?',
  ),
  topic(
    'risks',
    'Risks and issues',
    'Anything that could affect future success, and how to reduce it.',
    'What has helped you keep things on track?',
  ),
  topic(
    'support-and-development',
    'Support and development',
    'Learning, support from the manager and the team.',
    'What have you learned that is working for you?',
  ),
];
