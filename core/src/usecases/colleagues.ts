import type { Employee, PersonId } from '../domain/people.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { worksWith } from '../permissions/working-relationship.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { freshPerson, lookUpPerson } from './context.ts';

export interface ColleagueChoice {
  readonly id: PersonId;
  readonly displayName: string;
}

/**
 * Everyone the caller works with (`worksWith`): their line managers, the others who report
 * to those managers, and their own reports, by name. These are the people the feedback form
 * offers, and exactly the people `logFeedback` accepts besides the author.
 */
export const colleaguesOf = async (deps: UseCaseDeps, caller: Caller): Promise<ColleagueChoice[]> => {
  // The caller's own record is read afresh so the form offers exactly whom `logFeedback` accepts
  // now; the managers' records only lend their names.
  const me = await freshPerson(deps, caller.tenantId, caller.userId);
  if (me === undefined) return [];
  const found = new Map<PersonId, ColleagueChoice>();
  const add = (e: Employee): void => {
    if (worksWith(me, e)) found.set(e.id, { id: e.id, displayName: e.displayName });
  };
  for (const managerId of currentManagerIds(me)) {
    const manager = await lookUpPerson(deps, caller.tenantId, managerId);
    if (manager !== undefined) add(manager);
    for (const peer of await deps.repos.employees.listReports(caller.tenantId, managerId)) add(peer);
  }
  for (const report of await deps.repos.employees.listReports(caller.tenantId, caller.userId)) add(report);
  return [...found.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
};
