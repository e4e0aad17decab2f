import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import type { TenantSettings } from './tenant-settings.ts';

/** Entra ID tenant id of the employer. Every stored item and every query names it. */
export type TenantId = string;
/** Entra ID object id of a person. */
export type PersonId = string;

export const SCHEME_IDS = [
  'cumbria-vip',
  'leicestershire-apr',
  'bexley-pms',
  'somerset-career-conversations',
  'assembly-secretariat',
] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];

/** UK bank holidays differ by nation; deadlines in working days skip the employer's. */
export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** An employer using the product: one Entra tenant, one scheme pack. */
export interface Tenant {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly schemeId: SchemeId;
  readonly nation: Nation;
  /** IANA zone used for quiet hours and bookings. */
  readonly timeZone: string;
  /** The administrator's current settings (versioned); absent, the scheme pack's own values hold. */
  readonly settings?: TenantSettings;
}

/** Roles a person holds in the organisation beyond being someone's colleague or manager. */
export type OrgRole = 'hr' | 'coordinator' | 'auditor' | 'senior-manager' | 'admin';

export type LeaveKind = 'sickness' | 'maternity' | 'adoption' | 'paternity' | 'shared-parental' | 'other';

export interface LeavePeriod {
  readonly kind: LeaveKind;
  readonly start: IsoDate;
  /** Absent while the leave is still going on. */
  readonly end?: IsoDate;
}

export interface Job {
  readonly id: string;
  readonly title: string;
  /** One or more line managers (policy 000: one role can have more than one manager). */
  readonly managerIds: readonly PersonId[];
  /** The main contract, when a person holds more than one job (policy 000 dual roles). */
  readonly isMain: boolean;
  readonly contract: 'substantive' | 'additional' | 'supply';
  readonly startDate: IsoDate;
  readonly endDate?: IsoDate;
  /** Bexley job family id (policy 002 appendix 2). */
  readonly jobFamily?: string;
  /** Deputised or temporarily promoted into a higher post (policy 004: objectives must be recorded). */
  readonly actingUp?: boolean;
  /** Locally agreed frequency of regular conversations for this pair, in weeks (000, 001, 003). */
  readonly agreedRegularEveryWeeks?: number;
}

/** A change of line manager on a job; the old and new manager owe a handover (policy 000). */
export interface ManagerChange {
  readonly jobId: string;
  readonly previousManagerId: PersonId;
  readonly newManagerId: PersonId;
  readonly on: IsoDate;
  readonly handoverCompletedOn?: IsoDate;
}

export interface Probation {
  readonly status: 'in-probation' | 'extended' | 'passed' | 'none';
  readonly endDate?: IsoDate;
}

/**
 * 003 §5.8: when pay-step progression is deferred, the manager and colleague agree a supportive plan
 * with timescales; on its successful completion the increment is applied (not backdated).
 */
export interface DeferralPlan {
  readonly agreedOn: IsoDate;
  /** The dates agreed for reviewing progress against the plan. */
  readonly reviewDates: readonly IsoDate[];
  /** Set when the plan is completed and the increment applied. */
  readonly completedOn?: IsoDate;
  /** The supportive action agreed, with its timescales (003 §5.8). */
  readonly timescales?: string;
}

/** The manager's (or HR's) pay-step decision at the pay-step date (003 §5.8). */
export interface PayStepDecision {
  readonly decidedOn: IsoDate;
  readonly by: PersonId;
  readonly outcome: 'applied' | 'deferred';
  /** The pay-step date decided. */
  readonly payStepDate: IsoDate;
  /** When the step takes effect: never before the decision (a step after deferral is not backdated). */
  readonly effectiveFrom?: IsoDate;
  /** The criteria not met, in the policy's words, when deferred. */
  readonly reasons: readonly string[];
}

/** A leaver's records in HR's keeping: nothing is deleted; they are kept until `keepUntil` at least. */
export interface EmployeeArchive {
  readonly archivedOn: IsoDate;
  readonly keepUntil: IsoDate;
  /**
   * The day the keeping period was found over. No policy says what happens then, so the records
   * are marked for HR to decide on, never deleted by the product.
   */
  readonly keepingEndedOn?: IsoDate;
}

/** Facts the Somerset pay-step check needs that live outside conversations (policy 003 §5.8). */
export interface PayStepFacts {
  readonly formalCapabilityProcess: boolean;
  readonly liveDisciplinarySanction: boolean;
  readonly mandatoryTrainingComplete: boolean;
  /** The plan agreed when progression was deferred, while it runs. */
  readonly deferralPlan?: DeferralPlan;
  /** Who in HR last entered these facts, and when. */
  readonly recordedBy?: PersonId;
  readonly recordedAt?: IsoDateTime;
  /** The latest decision. */
  readonly decision?: PayStepDecision;
}

/**
 * Staff groups a scheme may exclude or treat apart: medical and dental colleagues are outside
 * Somerset's policy (003 §2.3); Bexley's Management Board has its own arrangements (002 §6).
 */
export const STAFF_GROUPS = ['medical-and-dental', 'management-board'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

export interface Employee {
  readonly tenantId: TenantId;
  readonly id: PersonId;
  readonly displayName: string;
  readonly email: string;
  /** Start date with the employer. */
  readonly startDate: IsoDate;
  /** Somerset: the incremental (pay-step) date, whose anniversary drives the career conversation (003). */
  readonly incrementalDate?: IsoDate;
  readonly jobs: readonly Job[];
  readonly leave: readonly LeavePeriod[];
  readonly probation: Probation;
  readonly managerChanges: readonly ManagerChange[];
  /** Staff without their own PC have conversations booked by a coordinator (policy 004). */
  readonly hasOwnPc: boolean;
  readonly orgRoles: readonly OrgRole[];
  readonly payStep?: PayStepFacts;
  /** Set when employment ends; records are then archived to People Services (003 §6). */
  readonly leftOn?: IsoDate;
  /** Set when a leaver's records were archived to HR under the scheme's retention rule. */
  readonly archive?: EmployeeArchive;
  /** Staff groups the person belongs to, when their scheme treats a group apart (003 §2.3, 002 §6). */
  readonly staffGroups?: readonly StaffGroup[];
  /** The department the directory (or the HR file) gives, for the organisation's figures. */
  readonly department?: string;
}
