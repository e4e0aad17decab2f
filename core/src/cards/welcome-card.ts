import { card, bullets, heading, text, type AdaptiveCard } from './elements.ts';
import { commandList, helpActions } from './help-card.ts';

export interface WelcomeCardInput {
  /** The employer's scheme, in its own words, when the person is known. */
  readonly schemeName?: string;
}

/** What someone says to start: "hi", "hello", "what can you do?". Compared without case or punctuation. */
const GREETINGS: ReadonlySet<string> = new Set([
  'hi',
  'hello',
  'hey',
  'hiya',
  'good morning',
  'good afternoon',
  'start',
  'what can you do',
  'what do you do',
]);

export const isGreeting = (text: string): boolean =>
  GREETINGS.has(
    text
      .toLowerCase()
      .replace(/[^a-z ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Sent when the app is installed and in answer to a greeting: who the bot is and what to type. */
export const buildWelcomeCard = (input: WelcomeCardInput = {}): AdaptiveCard =>
  card(
    [
      heading('Welcome to Performance Conversations'),
      text(
        `I help you and your manager keep regular, useful conversations going${
          input.schemeName === undefined ? '' : `, the way ${input.schemeName} asks`
        }: what is due and why, your objectives, preparing, and feedback in the moment.`,
      ),
      text('Only you and the people your employer allows (usually your line manager) see what is yours.', {
        isSubtle: true,
      }),
      text('Type one of these, or use a button:', { spacing: 'Medium' }),
      bullets(commandList()),
    ],
    helpActions(),
  );
