import { card, execute, heading, plain, text, type AdaptiveCard, type CardElement } from './elements.ts';
import { STATUS_LABELS, type DueCardItem } from './due-items.ts';
import { formatDate } from './format.ts';
import { CARD_VERBS } from './verbs.ts';

export interface DueCardInput {
  /** Whose conversations these are, e.g. "You" or a report's name. */
  readonly forName: string;
  readonly items: readonly DueCardItem[];
}

export const MAX_DUE_ITEMS = 20;

export const dueItemBlock = (item: DueCardItem): CardElement => ({
  type: 'Container',
  spacing: 'Medium',
  separator: true,
  items: [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [text(`**${item.title}**`)] },
        {
          type: 'Column',
          width: 'auto',
          items: [
            text(STATUS_LABELS[item.status], {
              color: item.status === 'overdue' ? 'Attention' : item.status === 'due' ? 'Warning' : 'Default',
              weight: 'Bolder',
            }),
          ],
        },
      ],
    },
    text(
      item.bookedFor === undefined
        ? `By ${formatDate(item.dueDate)}. ${item.reason}`
        : `Booked for ${formatDate(item.bookedFor)}. ${item.reason}`,
      { spacing: 'Small' },
    ),
    text(`Policy ${item.policyRef}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
  ],
});

export const buildDueCard = (input: DueCardInput): AdaptiveCard => {
  const shown = input.items.slice(0, MAX_DUE_ITEMS);
  return card(
    [
      heading(`What's due: ${plain(input.forName)}`),
      ...(shown.length === 0 ? [text('Nothing is due right now. Well done.')] : shown.map(dueItemBlock)),
      ...(input.items.length > shown.length
        ? [text(`And ${input.items.length - shown.length} more in the app.`, { isSubtle: true })]
        : []),
    ],
    shown.length === 0 ? [] : [execute(CARD_VERBS.prepareShow, 'Prepare'), execute(CARD_VERBS.checkinBook, 'Book')],
  );
};
