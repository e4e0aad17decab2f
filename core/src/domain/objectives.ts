import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import type { PersonId, TenantId } from './people.ts';

export type Horizon = 'short' | 'medium' | 'long';

/** Bexley's measures of "how well" (002 appendix 3). */
export type MeasureKind = 'quality' | 'quantity' | 'timeliness' | 'manner' | 'method' | 'cost';

export type SupportKind = 'training' | 'mentoring' | 'wellbeing' | 'systems' | 'other';

/** Policy 001 cascade: Strategic Plan → department plan → service/team plan → individual. */
export type AlignmentLevel = 'strategic-plan' | 'department-plan' | 'service-plan' | 'team-plan';

export type ObjectiveStatus = 'draft' | 'agreed' | 'achieved' | 'partly-achieved' | 'not-achieved' | 'withdrawn';

export interface Milestone {
  readonly id: string;
  readonly title: string;
  readonly dueDate?: IsoDate;
  readonly doneOn?: IsoDate;
}

export interface ProgressNote {
  readonly at: IsoDateTime;
  readonly by: PersonId;
  readonly text: string;
  readonly percent?: number;
  readonly conversationId?: string;
}

export interface Objective {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly ownerId: PersonId;
  readonly jobId?: string;
  /** An objective kind id from the scheme pack. */
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly measures: readonly { readonly kind: MeasureKind; readonly text: string }[];
  readonly horizon: Horizon;
  readonly targetDate?: IsoDate;
  readonly milestones: readonly Milestone[];
  readonly status: ObjectiveStatus;
  /** 0–100. */
  readonly progress: number;
  readonly progressNotes: readonly ProgressNote[];
  readonly alignment: readonly { readonly level: AlignmentLevel; readonly reference: string }[];
  readonly support: readonly SupportKind[];
  /** Task goals may be shared by a team (000). */
  readonly sharedWithTeamOf?: PersonId;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}
