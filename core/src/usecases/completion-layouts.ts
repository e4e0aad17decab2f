import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, SchemeId, Tenant } from '../domain/people.ts';
import { addMonths, type IsoDate } from '../time/dates.ts';
import { labelOf, packOf } from './scheme.ts';

/** One completed conversation for one job, with what the caller may see of it. */
export interface CompletionRow {
  readonly tenant: Tenant;
  readonly person: Employee;
  readonly record: ConversationRecord;
  readonly jobId: string;
  readonly ratingVisible: boolean;
  readonly managerNames: readonly string[];
}

export const COMPLETION_LAYOUT_IDS = ['standard', 'itrent', 'esr'] as const;
export type CompletionLayoutId = (typeof COMPLETION_LAYOUT_IDS)[number];

interface Layout {
  readonly name: string;
  readonly filePrefix: string;
  readonly header: readonly string[];
  /** Schemes the layout is for; every scheme when absent. */
  readonly schemes?: readonly SchemeId[];
  readonly schemeNote?: string;
  /** The managers' names are read for the file (a reviewer column). */
  readonly needsManagers: boolean;
  readonly cells: (row: CompletionRow) => string[];
}

/** UK day/month/year, as HR systems' import templates take dates. */
const ukDate = (iso: IsoDate): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const agreed = (r: ConversationRecord): boolean =>
  r.agreement.employeeAgreedAt !== undefined && r.agreement.managerAgreedAt !== undefined;
const rating = (row: CompletionRow): string => (row.ratingVisible ? (row.record.rating?.value ?? '') : '');
/** An annual review is next due twelve months on (000 rolling 12 months; 003 incremental date). */
const nextReview = (r: ConversationRecord): string => (r.type === 'annual-review' ? ukDate(addMonths(r.date, 12)) : '');
const label = (row: CompletionRow): string => labelOf(packOf(row.tenant), row.record.type);

/** The columns of each file; docs/exports.md describes them one by one. */
export const COMPLETION_LAYOUTS: Readonly<Record<CompletionLayoutId, Layout>> = {
  standard: {
    name: 'standard',
    filePrefix: 'completions',
    needsManagers: false,
    header: [
      'employee_id',
      'employee_name',
      'email',
      'job_id',
      'conversation_type',
      'conversation_label',
      'date',
      'status',
      'agreed_by_both',
      'rating',
      'conversation_id',
    ],
    cells: (row) => [
      row.person.id,
      row.person.displayName,
      row.person.email,
      row.jobId,
      row.record.type,
      label(row),
      row.record.date,
      row.record.status,
      agreed(row.record) ? 'yes' : 'no',
      rating(row),
      row.record.id,
    ],
  },
  itrent: {
    name: 'iTrent',
    filePrefix: 'itrent-completions',
    needsManagers: true,
    header: [
      'Person Reference',
      'Full Name',
      'Email Address',
      'Post Reference',
      'Event Type',
      'Event Description',
      'Event Date',
      'Event Status',
      'Agreed By Both',
      'Rating',
      'Next Review Date',
      'Reviewer',
      'Source Reference',
    ],
    cells: (row) => [
      row.person.id,
      row.person.displayName,
      row.person.email,
      row.jobId,
      row.record.type === 'annual-review' ? 'APPRAISAL' : 'REVIEW',
      label(row),
      ukDate(row.record.date),
      row.record.status === 'agreed' ? 'Completed - Agreed' : 'Completed',
      agreed(row.record) ? 'Y' : 'N',
      rating(row),
      nextReview(row.record),
      row.managerNames.join('; '),
      row.record.id,
    ],
  },
  esr: {
    name: 'ESR',
    filePrefix: 'esr-appraisals',
    needsManagers: true,
    schemes: ['somerset-career-conversations'],
    schemeNote: 'the NHS scheme (Career Conversations): ESR is the NHS Electronic Staff Record',
    header: [
      'Employee Reference',
      'Assignment Reference',
      'Full Name',
      'Appraisal Type',
      'Appraisal Date',
      'Next Appraisal Date',
      'Appraiser',
      'Outcome',
      'Agreed By Both',
      'Source Reference',
    ],
    cells: (row) => [
      row.person.id,
      row.jobId,
      row.person.displayName,
      label(row),
      ukDate(row.record.date),
      nextReview(row.record),
      row.managerNames.join('; '),
      rating(row),
      agreed(row.record) ? 'Y' : 'N',
      row.record.id,
    ],
  },
};
