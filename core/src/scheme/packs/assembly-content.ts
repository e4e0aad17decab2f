import type { BigPictureQuestions, Topic } from '../types.ts';

/**
 * Policy 004: the Big Picture questions are owned by the Secretariat Management Group and
 * change with the corporate strategy. This is an editable starting set.
 */
export const ASSEMBLY_BIG_PICTURE: BigPictureQuestions = {
  owner: 'Secretariat Management Group',
  questions: [
    { id: 'strategy-link', text: 'Which goal of the corporate strategy does your day-to-day work help most, and how?' },
    {
      id: 'members-public',
      text: 'How has your work in the last four months made a difference to Members or the public?',
    },
    {
      id: 'values-in-practice',
      text: 'Where have professionalism, respect, impartiality and integrity shaped a decision you made?',
    },
    {
      id: 'change-ahead',
      text: 'What is changing in the strategy, and what will that mean for your work in the next four months?',
    },
    { id: 'better-ways', text: 'What could the Secretariat do differently to deliver its objectives better?' },
    {
      id: 'skills-for-future',
      text: 'Which skills and behaviours will you need to contribute to the strategy over the next year?',
    },
  ],
};

const topic = (
  id: string,
  title: string,
  description: string,
  strengthsPrompt: string,
  open: string,
  probe: string,
): Topic => ({
  id,
  title,
  description,
  strengthsPrompt,
  openQuestions: [open],
  probingQuestions: [probe],
});

/** Policy 004 "Regular performance conversations": what a monthly conversation covers. */
export const ASSEMBLY_TOPICS: readonly Topic[] = [
  topic(
    'expectations',
    'What is expected and to what standard',
    'Agreeing what is expected of you and the standard it should meet.',
    'What piece of work are you proud of this month?',
    'How clear are you about what is expected of you?',
    'Which standard is hardest to meet, and why?',
  ),
  topic(
    'progress',
    'How things are going',
    'Reviewing progress while there is still time to change course.',
    'What went well since we last met?',
    'What have you been working on?',
    'What would you change if you could start again?',
  ),
  topic(
    'ideas-and-concerns',
    'Ideas, problems and concerns',
    'Ideas, problems and concerns that affect decisions and work.',
    'What idea are you most excited about?',
    'What is on your mind about the work?',
    'What would need to happen for that to work?',
  ),
  topic(
    'development',
    'Development potential',
    'Whether you are fulfilling your potential, and development opportunities.',
    'Which skill have you grown most lately?',
    'What would you like to learn next?',
    'How could shadowing, training or coaching help?',
  ),
  topic(
    'wellbeing',
    'Wellbeing and work-life balance',
    'How you are, how you manage work-life balance and any support needed.',
    'What is helping you manage well?',
    'How are you managing your work-life balance?',
    'What support would make a difference?',
  ),
];
