import { bullets, card, execute, heading, plain, subheading, text, type AdaptiveCard } from './elements.ts';
import { formatDate } from './format.ts';
import { CARD_VERBS } from './verbs.ts';

export interface PrepareCardInput {
  /** e.g. "Regular conversation" or the scheme's own name. */
  readonly conversationTitle: string;
  readonly role: 'employee' | 'manager';
  readonly date?: string;
  readonly prompts: readonly string[];
  /** What is already on the agenda (carried-over actions, feedback, own items). */
  readonly agenda: readonly string[];
  /** A refused item: the card comes back with the words typed and the problem below the box. */
  readonly again?: { readonly typed: string; readonly problem: string };
}

export const AGENDA_FIELD = 'agendaItem';
export const AGENDA_ITEM_MAX = 300;
export const MAX_PREPARE_LINES = 12;

export const buildPrepareCard = (input: PrepareCardInput): AdaptiveCard =>
  card(
    [
      heading(`Prepare: ${input.conversationTitle}`),
      ...(input.date === undefined ? [] : [text(`On ${formatDate(input.date)}`, { isSubtle: true })]),
      subheading(input.role === 'employee' ? 'Think about' : 'As the manager, think about'),
      bullets(input.prompts.slice(0, MAX_PREPARE_LINES)),
      subheading('On the agenda so far'),
      input.agenda.length === 0
        ? text('Nothing yet.', { isSubtle: true })
        : bullets(input.agenda.slice(0, MAX_PREPARE_LINES).map(plain)),
      {
        type: 'Input.Text',
        id: AGENDA_FIELD,
        label: 'Add something you want to raise',
        maxLength: AGENDA_ITEM_MAX,
        placeholder: 'e.g. Training on the new case system',
        ...(input.again === undefined || input.again.typed === '' ? {} : { value: input.again.typed }),
      },
      ...(input.again === undefined
        ? []
        : [text(input.again.problem, { color: 'Attention', spacing: 'None', size: 'Small' })]),
    ],
    [execute(CARD_VERBS.prepareAddAgenda, 'Add to agenda')],
  );
