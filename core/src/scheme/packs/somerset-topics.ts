import type { Topic } from '../types.ts';

const subject = (
  id: string,
  title: string,
  description: string,
  strengthsPrompt: string,
  openQuestions: string[],
  probingQuestions: string[],
): Topic => ({ id, title, description, strengthsPrompt, openQuestions, probingQuestions });

/** Policy 003 §3.2 and flow diagram: subjects of supervision/1:1 conversations. */
export const SOMERSET_TOPICS: readonly Topic[] = [
  subject(
    'objectives',
    'Progress toward objectives',
    'How the objectives are going and whether they still fit the colleague and the service.',
    'Which objective are you most pleased with so far?',
    ['How are your objectives going?'],
    ['Is anything stopping you?', 'Do any objectives need to change?'],
  ),
  subject(
    'health-and-wellbeing',
    'Health, wellbeing and work-life balance',
    'How you are, and the balance between work and home.',
    'What is helping you stay well?',
    ['How are you feeling at the moment?'],
    ['What support would help?', 'Is anything at work affecting your health?'],
  ),
  subject(
    'caseload',
    'Work and caseload',
    'The amount and mix of work, and priorities.',
    'What part of your work is going best?',
    ['How manageable is your workload?'],
    ['What could be shared or paused?'],
  ),
  subject(
    'development-and-career',
    'Personal development and career aspirations',
    'Learning, the personal development plan and where you want your career to go.',
    'What would you love to do more of?',
    ['Where would you like your career to go?'],
    ['What development would get you there?'],
  ),
  subject(
    'mandatory-training',
    'Mandatory training',
    'Statutory and mandatory training that is outstanding; it affects pay-step progression.',
    'Which recent training has been most useful?',
    ['Is any mandatory training due or overdue?'],
    ['What would help you complete it?'],
  ),
  subject(
    'incidents',
    'Untoward events, incidents and assaults',
    'Any involvement in incidents and the support needed afterwards.',
    'How have you been looking after yourself since?',
    ['Have you been involved in any incidents since we last met?'],
    ['What support have you had, and is more needed?'],
  ),
];
