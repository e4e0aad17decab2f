import type { Basis } from '../scheme/types.ts';
import type { FrequencyAgreement } from './history.ts';
import type { IsoDate } from '../time/dates.ts';

const MONTH_NAMES = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

/** `2027-05-01` → `1 May 2027`. */
export const longDate = (date: IsoDate): string => {
  const [y, m, d] = date.split('-');
  return `${String(Number(d))} ${MONTH_NAMES[Number(m) - 1] ?? ''} ${y ?? ''}`;
};

/** `2027-05` → `May 2027`. */
export const monthName = (month: string): string => {
  const [y, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? ''} ${y ?? ''}`;
};

export const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** Where a scheme setting comes from, for a reason text: "(28 days: the organisation's choice …)". */
export const basisNote = (what: string, basis: Basis): string =>
  basis === 'organisation-choice'
    ? ` (${what}: the organisation's choice, as the policy sets none)`
    : ` (${what}: policy ${basis.policyRef})`;

/** "every 2 weeks, as you agreed on 3 December 2026": a frequency and who settled it, for a reason text. */
export const agreedEvery = (agreement: FrequencyAgreement): string => {
  const every = `every ${plural(agreement.weeks, 'week')}`;
  const { since } = agreement;
  if (agreement.source === 'job' || since === undefined) return `${every}, as agreed for this job`;
  return agreement.source === 'pair'
    ? `${every}, as you agreed on ${longDate(since)}`
    : `${every}, as your line manager set on ${longDate(since)}`;
};
