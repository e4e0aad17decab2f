import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { EmployeeRepository, Stored } from '../ports/repositories.ts';
import { retryOnConflict } from './concurrency.ts';

/** People read and written together: the Cosmos store sends what is asked at once in bulk requests of 100. */
const BATCH = 1000;

/** What to do with one person: the outcome to report, and the record to write when it changes. */
export interface Decision<R> {
  readonly result: R;
  readonly write?: Employee;
}

/**
 * Read, decide and write for many people at once (a directory page, an HR file): a batch's records
 * are read together, each is decided from its stored record alone and the changed ones are written
 * together with their ETags. Only a person whose record changed meanwhile (a conflict) is read and
 * decided again on their own, so the outcome is what one-at-a-time writes would have given. A caller
 * that has just listed the records with their versions passes `listed`, and nobody is read again.
 */
export const decideAndWrite = async <T, R>(
  employees: EmployeeRepository,
  tenantId: TenantId,
  items: readonly T[],
  idOf: (item: T) => PersonId,
  decide: (item: T, current: Stored<Employee> | undefined) => Decision<R>,
  listed?: (item: T) => Stored<Employee> | undefined,
): Promise<R[]> => {
  const once = async (item: T, current: Stored<Employee> | undefined): Promise<R> => {
    const { result, write } = decide(item, current);
    if (write === undefined) return result;
    if (current === undefined) await employees.create(write);
    else await employees.update(write, current.etag);
    return result;
  };
  const results: R[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const found =
      listed === undefined
        ? await Promise.all(batch.map((item) => employees.get(tenantId, idOf(item))))
        : batch.map(listed);
    const done = await Promise.all(
      batch.map(async (item, i) => {
        try {
          return await once(item, found[i]);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'conflict') throw error;
          return retryOnConflict(async () => once(item, await employees.get(tenantId, idOf(item))));
        }
      }),
    );
    results.push(...done);
  }
  return results;
};
