import type { IsoDateTime } from '../time/dates.ts';
import type { PersonId, TenantId } from './people.ts';

/**
 * Policy 000 Team Themes: after a manager's team reviews are done, the manager
 * records collective needs for their senior manager. No individual's note text.
 */
export interface TeamThemes {
  readonly tenantId: TenantId;
  readonly managerId: PersonId;
  readonly period: string;
  readonly trainingNeeds: readonly string[];
  readonly systemNeeds: readonly string[];
  readonly resourcingNeeds: readonly string[];
  readonly otherThemes: readonly string[];
  readonly summary: string;
  /** The senior manager who collates them (the manager's own line manager). */
  readonly submittedToId?: PersonId;
  readonly updatedAt: IsoDateTime;
}

/** Policy 000 Internal Transfers: what the old manager hands to the new one. */
export interface HandoverNote {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly employeeId: PersonId;
  readonly jobId: string;
  readonly fromManagerId: PersonId;
  readonly toManagerId: PersonId;
  readonly strengths: string;
  readonly development: string;
  readonly personalGoals: string;
  readonly other: string;
  readonly createdAt: IsoDateTime;
  readonly createdBy: PersonId;
}
