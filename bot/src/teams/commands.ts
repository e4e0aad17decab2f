import { TEXT_COMMANDS, type AdaptiveCard, type TextCommand } from '@pc/core/cards';
import { isPlainFeedback, parsePlainFeedback } from '@pc/core/feedback';
import type { TeamsBotDeps } from './deps.ts';
import { logFeedback } from './feedback-flow.ts';
import { openStarter } from './starters.ts';
import type { TurnIdentity } from './turn.ts';
import { dueView, feedbackFormView, helpView, objectivesView, prepareView } from './views.ts';

type CommandHandler = (deps: TeamsBotDeps, turn: TurnIdentity) => Promise<AdaptiveCard>;

export const TEXT_COMMAND_HANDLERS: Readonly<Record<TextCommand, CommandHandler>> = {
  help: helpView,
  feedback: feedbackFormView,
  starter: openStarter,
  due: dueView,
  objectives: objectivesView,
  prepare: prepareView,
};

const COMMAND_WORDS: ReadonlySet<string> = new Set(TEXT_COMMANDS.map((c) => c.command));
const isTextCommand = (word: string): word is TextCommand => COMMAND_WORDS.has(word);

/** Mentions of the bot in a channel arrive as <at>Name</at> markup before the words. */
export const normaliseText = (text: string): string =>
  text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type TextRoute =
  | { readonly kind: 'command'; readonly run: CommandHandler }
  | { readonly kind: 'plain-feedback'; readonly run: CommandHandler }
  | { readonly kind: 'unknown' };

export const routeText = (raw: string): TextRoute => {
  const text = normaliseText(raw);
  if (isPlainFeedback(text)) {
    return {
      kind: 'plain-feedback',
      run: (deps, turn) =>
        logFeedback(
          deps,
          parsePlainFeedback(text, { ...turn, authorId: turn.userId, now: deps.clock.now(), colleagueIds: [] }),
        ),
    };
  }
  const word = text.toLowerCase().replace(/[.!?]+$/, '');
  return isTextCommand(word) ? { kind: 'command', run: TEXT_COMMAND_HANDLERS[word] } : { kind: 'unknown' };
};
