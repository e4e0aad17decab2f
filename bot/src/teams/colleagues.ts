import type { Employee, PersonId, TenantId } from '@pc/core';
import type { Colleague } from '@pc/core/cards';
import type { TeamsBotStore } from './deps.ts';

export const currentManagersOf = (employee: Employee): PersonId[] => [
  ...new Set(employee.jobs.filter((job) => job.endDate === undefined).flatMap((job) => job.managerIds)),
];

/**
 * People someone works with day to day: their line managers, the others who
 * report to those managers, and their own reports. These are the people the
 * feedback form offers.
 */
export const colleaguesOf = async (
  store: TeamsBotStore,
  tenantId: TenantId,
  userId: PersonId,
): Promise<Colleague[]> => {
  const me = (await store.employees.get(tenantId, userId))?.item;
  if (me === undefined) return [];
  const found = new Map<PersonId, Colleague>();
  const add = (e: Employee): void => {
    if (e.id !== userId && e.leftOn === undefined) found.set(e.id, { id: e.id, displayName: e.displayName });
  };
  for (const managerId of currentManagersOf(me)) {
    const manager = (await store.employees.get(tenantId, managerId))?.item;
    if (manager !== undefined) add(manager);
    for (const peer of await store.employees.listReports(tenantId, managerId)) add(peer);
  }
  for (const report of await store.employees.listReports(tenantId, userId)) add(report);
  return [...found.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
};

/**
 * Whether `subjectId` is someone `colleaguesOf` would offer — a line manager, a peer
 * under the same manager, or a report — decided with two point reads instead of
 * listing the whole team. Returns the subject when they are.
 */
export const colleagueRecord = async (
  store: TeamsBotStore,
  tenantId: TenantId,
  userId: PersonId,
  subjectId: PersonId,
): Promise<Employee | undefined> => {
  if (subjectId === userId) return undefined;
  const [me, subject] = await Promise.all([
    store.employees.get(tenantId, userId),
    store.employees.get(tenantId, subjectId),
  ]);
  if (me === undefined || subject === undefined || subject.item.leftOn !== undefined) return undefined;
  const mine = currentManagersOf(me.item);
  const theirs = currentManagersOf(subject.item);
  const related = mine.includes(subjectId) || theirs.includes(userId) || mine.some((id) => theirs.includes(id));
  return related ? subject.item : undefined;
};
