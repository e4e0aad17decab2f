import type { PersonId } from '../domain/people.ts';
import {
  card,
  execute,
  heading,
  MAX_REFRESH_USERS,
  plain,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

export interface StarterTopic {
  readonly id: string;
  readonly title: string;
  /** Opens on what is going well (policy 000: strengths first). */
  readonly strengthsPrompt: string;
  /** General questions that let people answer freely (policy 002 question banks). */
  readonly openQuestions: readonly string[];
  /** Questions that dig deeper into what happened or why. */
  readonly probingQuestions: readonly string[];
}

export interface StarterAnswer {
  readonly topicId: string;
  readonly authorName: string;
  readonly text: string;
}

export interface StarterCardInput {
  /** Stable id of this starter, carried on every action so answers land on the right card. */
  readonly starterId: string;
  readonly audience: 'pair' | 'team';
  /** One or two topics per conversation (policy 000). */
  readonly topics: readonly [StarterTopic] | readonly [StarterTopic, StarterTopic];
  readonly answers: readonly StarterAnswer[];
  /** Everyone taking part; their clients refresh the card so all see the latest answers. */
  readonly participantIds: readonly PersonId[];
}

/** Answers shown per topic; older ones stay stored but the card keeps to its size limit. */
export const MAX_ANSWERS_SHOWN = 12;
export const STARTER_ANSWER_MAX = 500;

export const starterAnswerField = (topicId: string): string => `answer.${topicId}`;

const topicBlock = (topic: StarterTopic, answers: readonly StarterAnswer[]): CardElement[] => {
  const mine = answers.filter((a) => a.topicId === topic.id);
  const shown = mine.slice(-MAX_ANSWERS_SHOWN);
  return [
    subheading(topic.title),
    text(`**Start with strengths:** ${topic.strengthsPrompt}`),
    text('**Open questions**', { spacing: 'Small' }),
    ...topic.openQuestions.map((q) => text(`- ${q}`, { spacing: 'None' })),
    text('**Go deeper**', { spacing: 'Small' }),
    ...topic.probingQuestions.map((q) => text(`- ${q}`, { spacing: 'None' })),
    ...(shown.length === 0
      ? [text('No answers yet.', { isSubtle: true, size: 'Small' })]
      : [
          {
            type: 'Container',
            style: 'emphasis',
            spacing: 'Small',
            items: [
              ...(mine.length > shown.length
                ? [
                    text(`${mine.length - shown.length} earlier answers are kept in the app.`, {
                      isSubtle: true,
                      size: 'Small',
                    }),
                  ]
                : []),
              ...shown.map((a) => text(`**${plain(a.authorName)}:** ${plain(a.text)}`, { spacing: 'Small' })),
            ],
          },
        ]),
    {
      type: 'Input.Text',
      id: starterAnswerField(topic.id),
      label: 'Your answer',
      isMultiline: true,
      maxLength: STARTER_ANSWER_MAX,
      placeholder: 'Share a thought',
    },
  ];
};

export const buildStarterCard = (input: StarterCardInput): AdaptiveCard => {
  const data = { starterId: input.starterId };
  const userIds = input.participantIds.slice(0, MAX_REFRESH_USERS);
  return card(
    [
      heading(input.audience === 'team' ? 'Team conversation starter' : 'Conversation starter'),
      text(
        input.audience === 'team'
          ? 'Talk it through together; answers appear here for the whole team.'
          : 'Pick up one or both topics; answers appear here for you both.',
        { isSubtle: true },
      ),
      ...input.topics.flatMap((topic) => topicBlock(topic, input.answers)),
    ],
    [execute(CARD_VERBS.starterAnswer, 'Share answers', data, { style: 'positive' })],
    { action: execute(CARD_VERBS.starterRefresh, 'Refresh', data), userIds },
  );
};
