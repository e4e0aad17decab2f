import { bullets, card, heading, plain, subheading, text, type AdaptiveCard } from './elements.ts';
import { formatDate } from './format.ts';

export interface DigestLine {
  readonly personName: string;
  readonly title: string;
  readonly date: string;
}

export interface DigestCardInput {
  readonly firstName: string;
  readonly weekOf: string;
  readonly overdue: readonly DigestLine[];
  readonly dueSoon: readonly DigestLine[];
  /** Records held but not yet agreed by both. */
  readonly awaitingAgreement: readonly DigestLine[];
  /** Records a colleague disagreed with (004), still to be settled. */
  readonly disagreements: readonly DigestLine[];
  /** Appeal windows still open: the last day to appeal. */
  readonly appealDeadlines: readonly DigestLine[];
  readonly tabUrl?: string;
}

/** Lines shown per section; the rest are in the app. */
export const MAX_DIGEST_LINES = 10;

const section = (title: string, lines: readonly DigestLine[], dateWord: string) =>
  lines.length === 0
    ? []
    : [
        subheading(`${title} (${String(lines.length)})`),
        bullets(
          lines
            .slice(0, MAX_DIGEST_LINES)
            .map((l) => `${plain(l.personName)}: ${l.title}, ${dateWord} ${formatDate(l.date)}`),
        ),
        ...(lines.length > MAX_DIGEST_LINES
          ? [text(`and ${String(lines.length - MAX_DIGEST_LINES)} more in the app`, { isSubtle: true, size: 'Small' })]
          : []),
      ];

export const isEmptyDigest = (input: DigestCardInput): boolean =>
  [input.overdue, input.dueSoon, input.awaitingAgreement, input.disagreements, input.appealDeadlines].every(
    (l) => l.length === 0,
  );

/** A manager's weekly digest: what is overdue or due soon in their team, and what waits on them. */
export const buildDigestCard = (input: DigestCardInput): AdaptiveCard =>
  card(
    [
      heading('Your team this week'),
      text(
        `Hi ${input.firstName}, here is where your team's conversations stand for the week of ${formatDate(input.weekOf)}.`,
      ),
      ...section('Overdue', input.overdue, 'due'),
      ...section('Due in the next two weeks', input.dueSoon, 'due'),
      ...section('Records waiting for agreement', input.awaitingAgreement, 'held'),
      ...section('Disagreements to settle', input.disagreements, 'held'),
      ...section('Appeal windows closing', input.appealDeadlines, 'last day'),
      ...(isEmptyDigest(input) ? [text('Nothing needs you this week. Thank you for keeping on top of it.')] : []),
    ],
    input.tabUrl === undefined ? [] : [{ type: 'Action.OpenUrl', title: 'Open your team', url: input.tabUrl }],
  );
