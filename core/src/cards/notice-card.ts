import { card, execute, heading, text, type AdaptiveCard, type CardAction } from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

/** A short acknowledgement (snoozed, opted out, added to the agenda). */
export const buildNoticeCard = (
  title: string,
  lines: readonly string[],
  actions?: readonly CardAction[],
): AdaptiveCard =>
  card([heading(title), ...lines.map((line) => text(line))], actions ?? [execute(CARD_VERBS.helpShow, 'Show help')]);
