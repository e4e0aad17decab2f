/** The columns an HR file may carry (docs/import.md); `email` names the person and is required. */
export const HR_COLUMNS = [
  'email',
  'start_date',
  'incremental_date',
  'probation_status',
  'probation_end_date',
  'leave',
  'second_job_title',
  'second_job_manager',
  'second_job_start',
  'has_own_pc',
  'job_family',
  'nation',
  'staff_group',
  'department',
] as const;
export type HrColumn = (typeof HR_COLUMNS)[number];

/** One line of the file, by its header, and its line number in the file (the header is line 1). */
export interface HrRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}
