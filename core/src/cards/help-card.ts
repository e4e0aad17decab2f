import { card, bullets, execute, heading, text, type AdaptiveCard } from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

/** The text commands the bot understands, in the order help lists them. */
export const TEXT_COMMANDS = [
  { command: 'feedback', summary: 'log in-the-moment feedback about yourself or a colleague' },
  { command: 'starter', summary: 'a conversation starter for you and your manager or your team' },
  { command: 'due', summary: 'which conversations are due, and why' },
  { command: 'objectives', summary: 'your objectives and their progress' },
  { command: 'prepare', summary: 'prompts to prepare for your next conversation' },
  { command: 'checkin', summary: 'a check-in now: what is coming up, and how you are doing' },
  { command: 'help', summary: 'this list' },
] as const;

export type TextCommand = (typeof TEXT_COMMANDS)[number]['command'];

/** Commands whose answer is about the person asking: answered in their own chat with the bot, never in a channel. */
export const PERSONAL_COMMANDS: ReadonlySet<TextCommand> = new Set<TextCommand>([
  'feedback',
  'due',
  'objectives',
  'prepare',
  'checkin',
]);

export interface HelpCardInput {
  /** Shown as the opening line, e.g. the scheme's own name for its conversations. */
  readonly schemeName?: string;
}

export const commandList = (): string[] => TEXT_COMMANDS.map((c) => `**${c.command}**: ${c.summary}`);

export const helpActions = () => [
  execute(CARD_VERBS.feedbackOpen, 'Log feedback'),
  execute(CARD_VERBS.dueShow, "What's due"),
  execute(CARD_VERBS.objectivesShow, 'My objectives'),
  execute(CARD_VERBS.prepareShow, 'Prepare'),
];

export const buildHelpCard = (input: HelpCardInput = {}): AdaptiveCard =>
  card(
    [
      heading('Performance conversations'),
      text(
        input.schemeName === undefined
          ? 'I help you keep good conversations going with your manager and your team.'
          : `I help you keep good conversations going under ${input.schemeName}.`,
      ),
      text('Type one of these, or use a button:', { spacing: 'Medium' }),
      bullets(commandList()),
      text('You can also write **feedback:** followed by a short note, e.g. "feedback: helped Sam with the rota".', {
        isSubtle: true,
        size: 'Small',
      }),
      text(
        'In a channel, group chat or meeting chat, type **team starters** for a deck of conversation starters the whole team answers together.',
        { isSubtle: true, size: 'Small' },
      ),
    ],
    helpActions(),
  );
