import type { Horizon, ObjectiveStatus } from '../domain/objectives.ts';
import {
  card,
  execute,
  heading,
  plain,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './elements.ts';
import { formatDate } from './format.ts';
import { CARD_VERBS } from './verbs.ts';

export interface ObjectiveCardItem {
  readonly title: string;
  readonly status: ObjectiveStatus;
  /** 0–100. */
  readonly progress: number;
  readonly horizon: Horizon;
  readonly targetDate?: string;
  /** SMART letters still missing (policy 002, 003), e.g. ['Measurable', 'Time-bound']. */
  readonly missingSmart: readonly string[];
}

export interface ObjectivesCardInput {
  readonly ownerName: string;
  readonly objectives: readonly ObjectiveCardItem[];
  /** Deep link to the tab where objectives are edited. */
  readonly tabUrl?: string;
}

export const MAX_OBJECTIVES_SHOWN = 15;

const STATUS: Readonly<Record<ObjectiveStatus, string>> = {
  draft: 'Draft',
  agreed: 'Agreed',
  achieved: 'Achieved',
  'partly-achieved': 'Partly achieved',
  'not-achieved': 'Not achieved',
  withdrawn: 'Withdrawn',
};

const HORIZON: Readonly<Record<Horizon, string>> = { short: 'Short term', medium: 'Medium term', long: 'Long term' };

const objectiveBlock = (o: ObjectiveCardItem): CardElement => ({
  type: 'Container',
  separator: true,
  spacing: 'Medium',
  items: [
    text(`**${plain(o.title)}**`),
    text(
      [STATUS[o.status], `${String(Math.round(Math.min(100, Math.max(0, o.progress))))}% done`, HORIZON[o.horizon]]
        .concat(o.targetDate === undefined ? [] : [`by ${formatDate(o.targetDate)}`])
        .join(' · '),
      { isSubtle: true, spacing: 'Small' },
    ),
    ...(o.missingSmart.length === 0
      ? []
      : [
          text(`To make it SMART, add: ${o.missingSmart.join(', ')}`, {
            color: 'Warning',
            size: 'Small',
            spacing: 'Small',
          }),
        ]),
  ],
});

export const buildObjectivesCard = (input: ObjectivesCardInput): AdaptiveCard => {
  const shown = input.objectives.slice(0, MAX_OBJECTIVES_SHOWN);
  const actions: CardAction[] = [execute(CARD_VERBS.prepareShow, 'Prepare for my next conversation')];
  if (input.tabUrl !== undefined)
    actions.unshift({ type: 'Action.OpenUrl', title: 'Open objectives', url: input.tabUrl });
  return card(
    [
      heading(`Objectives: ${plain(input.ownerName)}`),
      ...(shown.length === 0
        ? [text('No objectives recorded yet. You can add them in the app.')]
        : shown.map(objectiveBlock)),
      ...(input.objectives.length > shown.length
        ? [text(`And ${input.objectives.length - shown.length} more in the app.`, { isSubtle: true })]
        : []),
    ],
    actions,
  );
};
