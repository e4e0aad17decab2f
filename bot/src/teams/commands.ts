import { PERSONAL_COMMANDS, TEXT_COMMANDS, buildWelcomeCard, isGreeting, type TextCommand } from '@pc/core/cards';
import { isPlainFeedback, parsePlainFeedback } from '@pc/core/feedback';
import { checkinNow, openStarter, schemeNameFor } from '@pc/core/usecases';
import {
  dueCard,
  feedbackFormCard,
  helpCard,
  logFeedbackCard,
  objectivesCard,
  prepareCard,
  starterCard,
  type TurnHandler,
} from './handlers.ts';

type CommandHandler = TurnHandler;

/** On install and in answer to "hi": who the bot is and every command. */
export const welcomeCard: CommandHandler = async (ctx, turn) => {
  const schemeName = await schemeNameFor(ctx.deps, turn);
  return buildWelcomeCard(schemeName === undefined ? {} : { schemeName });
};

export const TEXT_COMMAND_HANDLERS: Readonly<Record<TextCommand, CommandHandler>> = {
  help: helpCard,
  feedback: feedbackFormCard,
  starter: async (ctx, turn) => starterCard(await openStarter(ctx.deps, turn, turn.activityId)),
  due: dueCard,
  objectives: objectivesCard,
  prepare: prepareCard,
  checkin: (ctx, turn) => checkinNow(ctx.deps, turn),
};

const COMMAND_WORDS: ReadonlySet<string> = new Set(TEXT_COMMANDS.map((c) => c.command));
const isTextCommand = (word: string): word is TextCommand => COMMAND_WORDS.has(word);

/** Mentions of the bot in a channel arrive as <at>Name</at> markup before the words. */
export const normaliseText = (text: string): string =>
  text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `personal`: the answer is about the person asking, so outside their own chat it is sent to them privately. */
export type TextRoute =
  | { readonly kind: 'command'; readonly run: CommandHandler; readonly personal: boolean }
  | { readonly kind: 'plain-feedback'; readonly run: CommandHandler; readonly personal: true }
  | { readonly kind: 'unknown' };

export const routeText = (raw: string): TextRoute => {
  const text = normaliseText(raw);
  if (isPlainFeedback(text)) {
    return {
      kind: 'plain-feedback',
      run: (ctx, turn) => logFeedbackCard(ctx, turn, parsePlainFeedback(text, turn.userId)),
      personal: true,
    };
  }
  if (isGreeting(text)) return { kind: 'command', run: welcomeCard, personal: false };
  const word = text.toLowerCase().replace(/[.!?]+$/, '');
  return isTextCommand(word)
    ? { kind: 'command', run: TEXT_COMMAND_HANDLERS[word], personal: PERSONAL_COMMANDS.has(word) }
    : { kind: 'unknown' };
};
