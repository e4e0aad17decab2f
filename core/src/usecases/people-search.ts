import type { Employee, OrgRole } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { personSummaryOf, type PersonSummary } from './people.ts';

/** Those who act on requests about people outside their own line: subject access, exceptional access. */
const FINDERS: ReadonlySet<OrgRole> = new Set<OrgRole>(['hr', 'auditor', 'senior-manager']);
const MAX_FOUND = 20;
const MIN_QUERY = 2;
// A directory read is paged; this bounds one search to the first 5,000 people.
const MAX_PAGES = 50;

const matches = (e: Employee, words: readonly string[]): boolean => {
  const haystack = `${e.displayName} ${e.email}`.toLocaleLowerCase('en-GB');
  return words.every((w) => haystack.includes(w));
};

/** People in the caller's organisation whose name or email contains every word typed (HR, auditors, senior managers). */
export const findPeople = async (deps: UseCaseDeps, caller: Caller, query: string): Promise<PersonSummary[]> => {
  const { employee } = await loadActor(deps, caller);
  if (!employee.orgRoles.some((r) => FINDERS.has(r))) {
    throw new AppError('forbidden', 'Finding anyone in the organisation is for HR, auditors and senior managers.');
  }
  const words = query
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.join('').length < MIN_QUERY) {
    throw new AppError('validation', 'Type at least two letters of a name or email address.', {
      details: [{ path: 'q', message: 'At least two letters.' }],
    });
  }
  const found: PersonSummary[] = [];
  let continuationToken: string | undefined;
  for (let pages = 0; pages < MAX_PAGES && found.length < MAX_FOUND; pages += 1) {
    const page = await deps.repos.employees.list(caller.tenantId, {
      pageSize: 100,
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    for (const e of page.items) if (found.length < MAX_FOUND && matches(e, words)) found.push(personSummaryOf(e));
    continuationToken = page.continuationToken;
    if (continuationToken === undefined) break;
  }
  return found.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
};
