import {
  STAFF_GROUPS,
  type Employee,
  type Job,
  type LeaveKind,
  type LeavePeriod,
  type Nation,
  type Probation,
  type StaffGroup,
} from '../domain/people.ts';
import { isIsoDate, type IsoDate } from '../time/dates.ts';
import type { HrColumn, HrRow } from './hr-file.ts';

const PROBATION = ['in-probation', 'extended', 'passed', 'none'] as const;
const LEAVE_KINDS: readonly LeaveKind[] = [
  'sickness',
  'maternity',
  'adoption',
  'paternity',
  'shared-parental',
  'other',
];
const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const SECOND_JOB = 'second';

/** ISO dates, or the day-first dates UK HR exports write (31/01/2027). */
const dateOf = (text: string): IsoDate | undefined => {
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = uk === null ? text : `${uk[3] ?? ''}-${uk[2] ?? ''}-${uk[1] ?? ''}`;
  return isIsoDate(iso) ? iso : undefined;
};

export type Parsed = Partial<{
  startDate: IsoDate;
  incrementalDate: IsoDate;
  probation: Probation;
  leave: LeavePeriod[];
  secondJob: { title: string; managerId: string; start?: IsoDate };
  hasOwnPc: boolean;
  jobFamily: string;
  nation: Nation;
  staffGroups: StaffGroup[];
  department: string;
}>;

/** Reads one row's cells; blank cells leave the record as it is. */
export const parseRow = (
  row: HrRow,
  idByEmail: ReadonlyMap<string, string>,
  issue: (column: string, reason: string) => void,
): Parsed => {
  const cell = (c: HrColumn): string => (row.cells[c] ?? '').trim();
  const out: Parsed = {};
  const date = (c: HrColumn): IsoDate | undefined => {
    if (cell(c) === '') return undefined;
    const d = dateOf(cell(c));
    if (d === undefined) issue(c, `"${cell(c)}" is not a date (YYYY-MM-DD or DD/MM/YYYY).`);
    return d;
  };
  const start = date('start_date');
  if (start !== undefined) out.startDate = start;
  const incremental = date('incremental_date');
  if (incremental !== undefined) out.incrementalDate = incremental;
  const status = cell('probation_status').toLowerCase();
  const probationEnd = date('probation_end_date');
  if (status !== '') {
    const known = PROBATION.find((p) => p === status);
    if (known === undefined) issue('probation_status', `"${status}" is not one of ${PROBATION.join(', ')}.`);
    else out.probation = { status: known, ...(probationEnd === undefined ? {} : { endDate: probationEnd }) };
  } else if (probationEnd !== undefined) issue('probation_status', 'A probation end date needs a probation status.');
  if (cell('leave') !== '') {
    const periods = cell('leave')
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    out.leave = periods.flatMap((period): LeavePeriod[] => {
      const match = /^([a-z-]+):([^.]+)\.\.(.*)$/.exec(period);
      const kind = LEAVE_KINDS.find((k) => k === match?.[1]);
      const from = dateOf(match?.[2]?.trim() ?? '');
      const to = match?.[3]?.trim() === '' ? undefined : dateOf(match?.[3]?.trim() ?? '');
      if (kind === undefined || from === undefined || (match?.[3]?.trim() !== '' && to === undefined)) {
        issue('leave', `"${period}" is not kind:start..end (kinds: ${LEAVE_KINDS.join(', ')}).`);
        return [];
      }
      return [{ kind, start: from, ...(to === undefined ? {} : { end: to }) }];
    });
  }
  const secondTitle = cell('second_job_title');
  const secondManager = cell('second_job_manager').toLowerCase();
  if (secondTitle !== '' || secondManager !== '') {
    const managerId = idByEmail.get(secondManager);
    if (secondTitle === '') issue('second_job_title', 'A second job needs a title.');
    if (managerId === undefined)
      issue('second_job_manager', `No one with the email "${secondManager}" is in the directory.`);
    const secondStart = date('second_job_start');
    if (secondTitle !== '' && managerId !== undefined) {
      out.secondJob = { title: secondTitle, managerId, ...(secondStart === undefined ? {} : { start: secondStart }) };
    }
  }
  const pc = cell('has_own_pc').toLowerCase();
  if (pc !== '') {
    if (YES.has(pc)) out.hasOwnPc = true;
    else if (NO.has(pc)) out.hasOwnPc = false;
    else issue('has_own_pc', `"${pc}" is not yes or no.`);
  }
  if (cell('job_family') !== '') out.jobFamily = cell('job_family');
  if (cell('department') !== '') out.department = cell('department');
  const nation = cell('nation').toLowerCase();
  if (nation !== '') {
    const known = NATIONS.find((n) => n === nation);
    if (known === undefined) issue('nation', `"${nation}" is not one of ${NATIONS.join(', ')}.`);
    else out.nation = known;
  }
  const group = cell('staff_group').toLowerCase();
  if (group !== '') {
    const known = STAFF_GROUPS.find((g) => g === group);
    if (group === 'none') out.staffGroups = [];
    else if (known === undefined) issue('staff_group', `"${group}" is not one of ${STAFF_GROUPS.join(', ')} or none.`);
    else out.staffGroups = [known];
  }
  return out;
};

/** The record with the file's facts; blank cells keep what is there. */
export const applyRow = (e: Employee, p: Parsed): Employee => {
  const startDate = p.startDate ?? e.startDate;
  const second = p.secondJob;
  // The second job already on record: the one this import made, or an open one of the same title.
  const at = second === undefined ? -1 : e.jobs.findIndex((j) => j.id === SECOND_JOB);
  const sameTitle =
    second === undefined ? -1 : e.jobs.findIndex((j) => !j.isMain && !j.endDate && j.title === second.title);
  const existing = e.jobs[at >= 0 ? at : sameTitle];
  const secondJob: Job | undefined =
    second === undefined
      ? undefined
      : {
          ...(existing ?? { id: SECOND_JOB, isMain: false, contract: 'additional' }),
          title: second.title,
          managerIds: [second.managerId],
          startDate: second.start ?? existing?.startDate ?? startDate,
        };
  const jobs: Job[] = e.jobs.map((j) => {
    if (j === existing && secondJob !== undefined) return secondJob;
    if (!j.isMain) return j;
    // A main job that began with the employment moves with a corrected start date.
    const start = j.startDate === e.startDate ? startDate : j.startDate;
    return { ...j, startDate: start, ...(p.jobFamily === undefined ? {} : { jobFamily: p.jobFamily }) };
  });
  if (secondJob !== undefined && existing === undefined) jobs.push(secondJob);
  // "none" for someone in no group changes nothing.
  const groups = p.staffGroups?.length === 0 && e.staffGroups === undefined ? undefined : p.staffGroups;
  return {
    ...e,
    startDate,
    jobs,
    ...(p.incrementalDate === undefined ? {} : { incrementalDate: p.incrementalDate }),
    ...(p.probation === undefined ? {} : { probation: p.probation }),
    ...(p.leave === undefined ? {} : { leave: p.leave }),
    ...(p.hasOwnPc === undefined ? {} : { hasOwnPc: p.hasOwnPc }),
    ...(groups === undefined ? {} : { staffGroups: groups }),
    ...(p.department === undefined ? {} : { department: p.department }),
  };
};
