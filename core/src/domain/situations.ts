import { addDays, type IsoDate } from '../time/dates.ts';
import type { Employee, LeaveKind } from './people.ts';

const LEAVE_WORDS: Readonly<Record<LeaveKind, string>> = {
  sickness: 'sickness',
  maternity: 'maternity',
  adoption: 'adoption',
  paternity: 'paternity',
  'shared-parental': 'shared parental',
  other: 'other',
};

/** How long after leave ends someone still counts as "back from" it: the return conversation's window. */
const RECENT_RETURN_DAYS = 90;

/**
 * The circumstances that change what a scheme asks of someone on `today`, in plain words
 * (in probation, back from maternity leave, awaiting a handover, dual role, acting up, no PC),
 * so a person choosing whom to try the product as can find each case.
 */
export const situationsOf = (e: Employee, today: IsoDate): string[] => {
  const out: string[] = [];
  if (e.probation.status === 'in-probation' || e.probation.status === 'extended') out.push('in probation');
  for (const leave of e.leave) {
    if (leave.start > today) continue;
    if (leave.end === undefined || leave.end >= today) out.push(`on ${LEAVE_WORDS[leave.kind]} leave`);
    else if (leave.end >= addDays(today, -RECENT_RETURN_DAYS)) out.push(`back from ${LEAVE_WORDS[leave.kind]} leave`);
  }
  if (e.managerChanges.some((c) => c.on <= today && c.handoverCompletedOn === undefined)) {
    out.push('awaiting a handover');
  }
  const jobs = e.jobs.filter((j) => j.startDate <= today && (j.endDate === undefined || j.endDate >= today));
  if (jobs.length > 1) out.push('dual role');
  if (jobs.some((j) => j.managerIds.length > 1)) out.push('two line managers');
  if (jobs.some((j) => j.actingUp === true)) out.push('acting up');
  if (!e.hasOwnPc) out.push('no PC of their own');
  if (e.payStep?.mandatoryTrainingComplete === false) out.push('mandatory training incomplete');
  return out;
};
