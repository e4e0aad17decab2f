import type { Topic } from '../types.ts';

/** Policy 000: VIP topics, one or two per conversation, opening on strengths ("Making Conversations Count"). */
export const CUMBRIA_TOPICS: readonly Topic[] = [
  {
    id: 'customer',
    title: 'Customer',
    description: 'How the people we serve experience the work, and how your strengths make a difference to them.',
    strengthsPrompt:
      'Think of a time recently when a customer was glad you were the one helping them. What did you do?',
    openQuestions: ['Who are your customers, inside or outside the council?', 'What do they value most from you?'],
    probingQuestions: ['What would make that experience happen more often?', 'Where could your approach help others?'],
  },
  {
    id: 'working-together',
    title: 'Working together',
    description: 'Collaboration within and across teams, and sharing strengths so everyone can teach and learn.',
    strengthsPrompt: 'What do colleagues most often come to you for?',
    openQuestions: ['How is the team working together at the moment?', 'Who do you learn the most from?'],
    probingQuestions: ['What gets in the way of working across teams?', 'What could you show someone else how to do?'],
  },
  {
    id: 'communication-and-engagement',
    title: 'Communication and engagement',
    description: 'Keeping people informed and involved, and being heard.',
    strengthsPrompt: 'When did you last explain something well and see it land?',
    openQuestions: [
      'How do you prefer to hear about changes?',
      'How involved do you feel in decisions about your work?',
    ],
    probingQuestions: ['What would help you be heard more?', 'Where does information get stuck?'],
  },
  {
    id: 'leadership',
    title: 'Leadership',
    description: 'Leading at any level: taking ownership, supporting others and shaping how the service develops.',
    strengthsPrompt: 'Describe a moment when you took the lead, formally or not. What strength did you use?',
    openQuestions: ['What does good leadership look like in your role?', 'Who do you support or mentor?'],
    probingQuestions: ['What would you like to lead next?', 'What support would help you step up?'],
  },
  {
    id: 'managing-resources',
    title: 'Managing resources',
    description: 'Using time, money, systems and people well to deliver the council plan.',
    strengthsPrompt: 'What is something you have made simpler, quicker or cheaper?',
    openQuestions: ['Where is your time best spent?', 'Which systems or tools help you most?'],
    probingQuestions: ['What would you stop doing if you could?', 'What resource is missing to do this well?'],
  },
  {
    id: 'wellbeing',
    title: 'Wellbeing',
    description: 'Resilience, work-life balance and the support that keeps you well at work.',
    strengthsPrompt: 'What helps you stay well and at your best at work?',
    openQuestions: ['How are you, really?', 'How is the balance between work and the rest of life?'],
    probingQuestions: [
      'What one change would make the biggest difference?',
      'Which support would you like to know more about?',
    ],
  },
];
