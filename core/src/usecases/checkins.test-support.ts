import type { Tenant } from '../domain/people.ts';

/** The tenant with an administrator's settings asking for a check-in every `weeks` weeks. */
export const checkinsEvery =
  (weeks: number) =>
  (tenant: Tenant): Tenant => ({
    ...tenant,
    settings: {
      version: 1,
      updatedAt: '2027-01-04T09:00:00.000Z',
      updatedBy: 'admin',
      updatedByName: 'An Administrator',
      changed: ['checkinEveryWeeks'],
      quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
      checkinEveryWeeks: weeks,
      roleGroups: {},
      scheme: {},
    },
  });
