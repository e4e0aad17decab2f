import {
  bullets,
  card,
  execute,
  heading,
  plain,
  subheading,
  text,
  type AdaptiveCard,
  type ExecuteAction,
} from './elements.ts';
import { dueItemBlock } from './due-card.ts';
import type { DueCardItem } from './due-items.ts';
import { CARD_VERBS } from './verbs.ts';

export interface CheckinCardInput {
  readonly personName: string;
  /** Identifies this nudge (tenant, person, cycle) so Book/Snooze act on the right one. */
  readonly checkinId: string;
  readonly items: readonly DueCardItem[];
  readonly preparationPrompts: readonly string[];
}

export const WELLBEING_FIELD = 'wellbeing';

export const WELLBEING_CHOICES = [
  { title: 'Good', value: 'good' },
  { title: 'Okay', value: 'okay' },
  { title: 'Struggling a bit', value: 'struggling' },
  { title: "I'd rather not say", value: 'not-said' },
] as const;

export const MAX_CHECKIN_ITEMS = 6;
export const MAX_PROMPTS = 6;

/** Opting out of nudges is offered only when nothing in the check-in is a required review. */
export const canOptOutOf = (items: readonly DueCardItem[]): boolean => items.every((item) => !item.required);

export const buildCheckinCard = (input: CheckinCardInput): AdaptiveCard => {
  const data = { checkinId: input.checkinId };
  const optOut = canOptOutOf(input.items);
  const actions: ExecuteAction[] = [
    execute(CARD_VERBS.checkinBook, 'Book', data, { style: 'positive' }),
    execute(CARD_VERBS.checkinSnooze, 'Snooze 1 week', data),
    ...(optOut ? [execute(CARD_VERBS.checkinOptOut, 'Opt out of nudges', data, { associatedInputs: 'none' })] : []),
  ];
  return card(
    [
      heading(`Hello ${plain(input.personName)}, a quick check-in`),
      text(input.items.length === 0 ? 'Nothing is due just now.' : 'Here is what is coming up and why.'),
      ...input.items.slice(0, MAX_CHECKIN_ITEMS).map(dueItemBlock),
      ...(input.preparationPrompts.length === 0
        ? []
        : [subheading('To prepare'), bullets(input.preparationPrompts.slice(0, MAX_PROMPTS))]),
      {
        type: 'Input.ChoiceSet',
        id: WELLBEING_FIELD,
        label: 'How are you doing at the moment? (only you and your line manager see this)',
        style: 'compact',
        choices: WELLBEING_CHOICES.map((c) => ({ ...c })),
      },
      ...(optOut
        ? []
        : [
            text('Reminders about required reviews stay on, so nothing formal is missed.', {
              isSubtle: true,
              size: 'Small',
            }),
          ]),
    ],
    actions,
  );
};
