import { card, facts, heading, plain, text, type AdaptiveCard } from './elements.ts';
import { formatDate } from './format.ts';

export interface AppealCardInput {
  readonly title: string;
  /** What happened, in one or two sentences for the reader; no grounds or decision text. */
  readonly lines: readonly string[];
  /** Dates that matter to the reader next, e.g. ["Decision due by", "2027-05-24"]. */
  readonly dates: readonly (readonly [string, string])[];
  readonly policyRef: string;
  /** The tab's page of the appeal. */
  readonly link: string;
}

/**
 * A notice about one step of an appeal. It names the step and its dates only: the grounds and the
 * written decision are read on the appeal's page in the tab, where who may read them is checked.
 */
export const buildAppealCard = (input: AppealCardInput): AdaptiveCard =>
  card(
    [
      heading(plain(input.title)),
      ...input.lines.map((line) => text(plain(line))),
      ...(input.dates.length === 0 ? [] : [facts(input.dates.map(([label, date]) => [label, formatDate(date)]))]),
      text(`Policy: ${plain(input.policyRef)}`, { isSubtle: true, spacing: 'Small' }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the appeal', url: input.link }],
  );
