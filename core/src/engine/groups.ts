import type { Employee, Job, PersonId } from '../domain/people.ts';
import type { IsoDate } from '../time/dates.ts';

/** Jobs that share the same line manager(s): one conversation covers them all (policy 000 dual roles). */
export interface JobGroup {
  readonly jobIds: readonly string[];
  readonly managerIds: readonly PersonId[];
  /** Earliest start among the group's jobs, or the employee's start date. */
  readonly startDate: IsoDate;
  /** The pair's agreed frequency of regular conversations, the most frequent when jobs differ. */
  readonly agreedEveryWeeks?: number;
  /** Employee-wide items (probation reviews) are raised once, on the main group. */
  readonly isMain: boolean;
  readonly jobs: readonly Job[];
}

const isActive = (job: Job, on: IsoDate): boolean =>
  job.startDate <= on && (job.endDate === undefined || job.endDate >= on);

export const jobGroups = (employee: Employee, on: IsoDate): JobGroup[] => {
  const byManagers = new Map<string, Job[]>();
  for (const job of employee.jobs.filter((j) => isActive(j, on))) {
    const key = [...job.managerIds].sort().join('|');
    byManagers.set(key, [...(byManagers.get(key) ?? []), job]);
  }
  const groups = [...byManagers.values()].map((jobs): JobGroup => {
    const frequencies = jobs.flatMap((j) =>
      j.agreedRegularEveryWeeks === undefined ? [] : [j.agreedRegularEveryWeeks],
    );
    const starts = jobs.map((j) => j.startDate).sort();
    return {
      jobIds: jobs.map((j) => j.id),
      managerIds: [...new Set(jobs.flatMap((j) => j.managerIds))],
      startDate: starts[0] ?? employee.startDate,
      ...(frequencies.length > 0 ? { agreedEveryWeeks: Math.min(...frequencies) } : {}),
      isMain: jobs.some((j) => j.isMain),
      jobs,
    };
  });
  if (groups.length === 0) {
    return [{ jobIds: [], managerIds: [], startDate: employee.startDate, isMain: true, jobs: [] }];
  }
  if (!groups.some((g) => g.isMain)) return groups.map((g, i) => ({ ...g, isMain: i === 0 }));
  return groups;
};
