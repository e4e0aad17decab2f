import { card, execute, heading, plain, subheading, text, type AdaptiveCard, type CardElement } from './elements.ts';
import { CARD_VERBS, type CardVerb } from './verbs.ts';

/** The verbs of the shared team deck card; the bot routes them with the conversation they came from. */
export const TEAM_DECK_VERBS: ReadonlySet<CardVerb> = new Set<CardVerb>([
  CARD_VERBS.teamDeckAnswer,
  CARD_VERBS.teamDeckNext,
  CARD_VERBS.teamDeckEnd,
  CARD_VERBS.teamDeckRefresh,
]);
export type TeamDeckVerb =
  | typeof CARD_VERBS.teamDeckAnswer
  | typeof CARD_VERBS.teamDeckNext
  | typeof CARD_VERBS.teamDeckEnd
  | typeof CARD_VERBS.teamDeckRefresh;
export const isTeamDeckVerb = (verb: unknown): verb is TeamDeckVerb =>
  typeof verb === 'string' && TEAM_DECK_VERBS.has(verb as CardVerb);

export const DECK_ANSWER_FIELD = 'deckAnswer';
export const DECK_NAMED_FIELD = 'deckNamed';
/** Answers shown on the card; older ones stay stored and count in the summary. */
export const MAX_DECK_ANSWERS_SHOWN = 15;

export interface TeamDeckCardInput {
  readonly deckId: string;
  readonly status: 'open' | 'ended';
  /** From 0. */
  readonly position: number;
  readonly total: number;
  readonly prompt?: { readonly title: string; readonly prompt: string; readonly followUps: readonly string[] };
  /** The showing card's answers; a name only where its author chose to show it. */
  readonly answers: readonly { readonly text: string; readonly authorName?: string }[];
  /** Teams user ids whose clients refresh to their own view. */
  readonly refreshIds: readonly string[];
  /** Absent: the shared card everyone sees before their own view arrives. */
  readonly viewer?: {
    readonly answer?: { readonly text: string; readonly named: boolean };
    /** The person's own default for showing their name, before they have answered. */
    readonly namedByDefault?: boolean;
    readonly mayDraw: boolean;
    readonly isOrganiser: boolean;
  };
  /** For the organiser once the deck has ended: what was said on each card, without names. */
  readonly themes?: readonly { readonly title: string; readonly answers: readonly string[] }[];
  /** One line for the person who just acted, e.g. why they cannot draw yet. */
  readonly notice?: string;
}

const answerList = (answers: TeamDeckCardInput['answers']): CardElement[] => {
  if (answers.length === 0) return [text('No answers yet: be the first.', { isSubtle: true, size: 'Small' })];
  const shown = answers.slice(-MAX_DECK_ANSWERS_SHOWN);
  return [
    text(`${String(answers.length)} ${answers.length === 1 ? 'answer' : 'answers'} so far`, { spacing: 'Medium' }),
    {
      type: 'Container',
      style: 'emphasis',
      spacing: 'Small',
      items: shown.map((a) =>
        text(a.authorName === undefined ? `"${plain(a.text)}"` : `**${plain(a.authorName)}:** ${plain(a.text)}`, {
          spacing: 'Small',
        }),
      ),
    },
  ];
};

const answerForm = (input: TeamDeckCardInput): CardElement[] => [
  {
    type: 'Input.Text',
    id: DECK_ANSWER_FIELD,
    label: input.viewer?.answer === undefined ? 'Your answer' : 'Change your answer',
    isMultiline: true,
    maxLength: 500,
    placeholder: 'Share a thought',
    ...(input.viewer?.answer === undefined ? {} : { value: input.viewer.answer.text }),
  },
  {
    type: 'Input.Toggle',
    id: DECK_NAMED_FIELD,
    title: 'Show my name with my answer',
    valueOn: 'true',
    valueOff: 'false',
    value: (input.viewer?.answer?.named ?? input.viewer?.namedByDefault) === true ? 'true' : 'false',
  },
  text('Answers are shown to the team without names unless you choose otherwise.', {
    isSubtle: true,
    size: 'Small',
    spacing: 'None',
  }),
];

const mineLine = (input: TeamDeckCardInput): CardElement[] => {
  const answer = input.viewer?.answer;
  if (answer === undefined) return [];
  return [
    text(`**You answered** (${answer.named ? 'with your name' : 'without your name'}): ${plain(answer.text)}`, {
      spacing: 'Medium',
    }),
  ];
};

const themeBlock = (themes: NonNullable<TeamDeckCardInput['themes']>): CardElement[] => [
  subheading('Themes from the team'),
  ...(themes.length === 0
    ? [text('Nobody answered a card this time.', { isSubtle: true })]
    : themes.flatMap((t) => [
        text(`**${plain(t.title)}** (${String(t.answers.length)})`, { spacing: 'Small' }),
        ...t.answers.map((a) => text(`- ${plain(a)}`, { spacing: 'None' })),
      ])),
  text('No names are kept in this summary. You can add these themes to your Team Themes in the app.', {
    isSubtle: true,
    size: 'Small',
  }),
];

const endedCard = (input: TeamDeckCardInput, refresh: AdaptiveCard['refresh']): AdaptiveCard =>
  card(
    [
      heading('Team conversation starters'),
      ...(input.notice === undefined ? [] : [text(input.notice, { color: 'Attention' })]),
      text(`This deck has ended after ${String(input.position + 1)} of ${String(input.total)} cards. Thank you all.`),
      ...(input.viewer?.isOrganiser === true && input.themes !== undefined ? themeBlock(input.themes) : []),
    ],
    [],
    refresh,
  );

/**
 * The one shared card of a team deck. Everyone sees the card showing and the team's answers;
 * each person's client refreshes it to their own view: their answer, whether they may draw the
 * next card, and (for whoever started it) ending the deck.
 */
export const buildTeamDeckCard = (input: TeamDeckCardInput): AdaptiveCard => {
  const data = { deckId: input.deckId, position: input.position };
  const refresh = {
    action: execute(CARD_VERBS.teamDeckRefresh, 'Show my view', data),
    userIds: input.refreshIds.slice(0, 60),
  };
  if (input.status === 'ended') return endedCard(input, refresh);
  const viewer = input.viewer;
  const prompt = input.prompt;
  return card(
    [
      heading('Team conversation starter'),
      text(`Card ${String(input.position + 1)} of ${String(input.total)}`, { isSubtle: true, spacing: 'None' }),
      ...(input.notice === undefined ? [] : [text(input.notice, { color: 'Attention' })]),
      ...(prompt === undefined
        ? [text('This card is no longer in your scheme; draw the next one.')]
        : [
            subheading(prompt.title),
            text(prompt.prompt),
            ...prompt.followUps.map((q) => text(`- ${q}`, { spacing: 'None', isSubtle: true })),
          ]),
      ...answerList(input.answers),
      ...mineLine(input),
      ...answerForm(input),
    ],
    [
      execute(CARD_VERBS.teamDeckAnswer, viewer?.answer === undefined ? 'Share' : 'Change my answer', data, {
        style: 'positive',
      }),
      ...(viewer === undefined || viewer.mayDraw
        ? [execute(CARD_VERBS.teamDeckNext, 'Next card', data, { associatedInputs: 'none' })]
        : []),
      ...(viewer === undefined || viewer.isOrganiser
        ? [execute(CARD_VERBS.teamDeckEnd, 'End and summarise', data, { associatedInputs: 'none' })]
        : []),
    ],
    refresh,
  );
};
