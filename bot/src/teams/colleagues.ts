import type { Employee, EmployeeRepository, PersonId, TenantId } from '@pc/core';
import type { Colleague } from '@pc/core/cards';
import type { PersonLookup } from './directory.ts';

export const currentManagersOf = (employee: Employee): PersonId[] => [
  ...new Set(employee.jobs.filter((job) => job.endDate === undefined).flatMap((job) => job.managerIds)),
];

/**
 * People someone works with day to day: their line managers, the others who
 * report to those managers, and their own reports. These are the people the
 * feedback form offers.
 */
export const colleaguesOf = async (
  people: PersonLookup,
  employees: Pick<EmployeeRepository, 'listReports'>,
  tenantId: TenantId,
  userId: PersonId,
): Promise<Colleague[]> => {
  const me = await people.person(tenantId, userId);
  if (me === undefined) return [];
  const found = new Map<PersonId, Colleague>();
  const add = (e: Employee): void => {
    if (e.id !== userId && e.leftOn === undefined) found.set(e.id, { id: e.id, displayName: e.displayName });
  };
  for (const managerId of currentManagersOf(me)) {
    const manager = await people.person(tenantId, managerId);
    if (manager !== undefined) add(manager);
    for (const peer of await employees.listReports(tenantId, managerId)) add(peer);
  }
  for (const report of await employees.listReports(tenantId, userId)) add(report);
  return [...found.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
};

/**
 * Whether `subjectId` is someone `colleaguesOf` would offer — a line manager, a peer
 * under the same manager, or a report — decided with two lookups instead of
 * listing the whole team. Returns the subject when they are.
 */
export const colleagueRecord = async (
  people: PersonLookup,
  tenantId: TenantId,
  userId: PersonId,
  subjectId: PersonId,
): Promise<Employee | undefined> => {
  if (subjectId === userId) return undefined;
  const [me, subject] = await Promise.all([people.person(tenantId, userId), people.person(tenantId, subjectId)]);
  if (me === undefined || subject === undefined || subject.leftOn !== undefined) return undefined;
  const mine = currentManagersOf(me);
  const theirs = currentManagersOf(subject);
  const related = mine.includes(subjectId) || theirs.includes(userId) || mine.some((id) => theirs.includes(id));
  return related ? subject : undefined;
};
