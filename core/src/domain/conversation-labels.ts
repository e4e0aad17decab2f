import type { ConversationTypeId } from './conversations.ts';

/** Plain names for each conversation type, for a scheme that has no name of its own for it. */
export const CONVERSATION_TYPE_LABELS: Readonly<Record<ConversationTypeId, string>> = {
  'in-the-moment': 'In-the-moment conversation',
  regular: 'Regular conversation',
  'big-picture': 'Big Picture conversation',
  'progress-record': 'Formal progress record',
  'annual-review': 'Annual review',
  induction: 'Induction meeting',
  'probation-review': 'Probation review',
  handover: 'Handover between managers',
  team: 'Team conversation',
};

/** The part of a scheme pack (or of the API's scheme view) that names its conversations. */
export interface SchemeWording {
  readonly conversations: readonly { readonly type: string; readonly label: string }[];
}

/**
 * What a person reads for a conversation type: the scheme's own name when its pack gives one
 * (e.g. "VIP conversation" for a regular conversation under 000), otherwise the plain name.
 */
export const conversationLabel = (type: ConversationTypeId, scheme?: SchemeWording | null): string =>
  scheme?.conversations.find((c) => c.type === type)?.label ?? CONVERSATION_TYPE_LABELS[type];

/** Every type's label under one scheme, for builders that take a table. */
export const conversationLabels = (scheme?: SchemeWording | null): Readonly<Record<ConversationTypeId, string>> =>
  Object.fromEntries(
    Object.keys(CONVERSATION_TYPE_LABELS).map((type) => [type, conversationLabel(type as ConversationTypeId, scheme)]),
  ) as Record<ConversationTypeId, string>;

/** "Joe Bloggs" → "Joe": how a page speaks of a colleague in running text. */
export const firstNameOf = (displayName: string): string => displayName.trim().split(/\s+/)[0] ?? displayName;

const ABOUT_COLLEAGUE: readonly (readonly [RegExp, string])[] = [
  [/\byou started\b/g, 'they started'],
  [/\byou are\b/g, 'they are'],
  [/\byou were\b/g, 'they were'],
  [/\byou return\b/g, 'they return'],
  [/\byour\b/g, 'their'],
];

/**
 * A due reason the engine words for the colleague ("Your first VIP Summary Appraisal …"), reworded
 * for someone reading about them ("Joe's first VIP Summary Appraisal …, after they started").
 */
export const reasonAbout = (reason: string, displayName: string): string => {
  const name = firstNameOf(displayName);
  const opened = reason.replace(/(^|[.;]\s+)Your\b/g, (_, lead: string) => `${lead}${name}'s`);
  return ABOUT_COLLEAGUE.reduce((text, [pattern, words]) => text.replace(pattern, words), opened);
};
