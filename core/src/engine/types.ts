import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import type { SchemePack } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';

/**
 * completed: done in the current cycle; upcoming: not yet in its window;
 * due: in its window now; overdue: past its due date; suppressed: not expected
 * (e.g. a Regular conversation in a Big Picture month, policy 004).
 */
export type DueStatus = 'upcoming' | 'due' | 'overdue' | 'suppressed' | 'completed';

export interface DueItem {
  readonly type: ConversationTypeId;
  /** Jobs the conversation counts for (policy 000 dual roles: recorded against both). */
  readonly jobIds: readonly string[];
  /** Who should hold it with the employee (for a handover: old and new manager). */
  readonly withIds: readonly PersonId[];
  /** When it should have happened by. */
  readonly dueDate: IsoDate;
  /** Earliest date it counts for this cycle (e.g. 1 April for Bexley's April/May conversation). */
  readonly windowStart: IsoDate;
  readonly status: DueStatus;
  /** One en-GB sentence a person can read: why this is due. */
  readonly reason: string;
  /** Policy file and section, e.g. "002 §2 Step 2". */
  readonly policyRef: string;
  /** After long leave the review focuses forward (000). */
  readonly forwardLooking?: boolean;
  /** Date of the held or agreed conversation that completed this cycle (status 'completed'). */
  readonly completedOn?: IsoDate;
  /** Date a booked (not yet held) conversation of this type is planned for, when one exists. */
  readonly bookedFor?: IsoDate;
}

export interface DueInput {
  readonly tenant: Tenant;
  readonly employee: Employee;
  /** The employee's conversations (any order, any status). */
  readonly history: readonly ConversationRecord[];
  /** "Today" for the calculation. */
  readonly on: IsoDate;
  /**
   * The scheme pack to apply, when an employer has changed a setting of theirs (validate it with
   * `schemePackSchema` first); the built-in pack of the tenant's scheme otherwise.
   */
  readonly pack?: SchemePack;
}

export interface DueReport {
  readonly employeeId: PersonId;
  readonly schemeId: Tenant['schemeId'];
  readonly on: IsoDate;
  /** Ordered by dueDate, then type. */
  readonly items: readonly DueItem[];
  /** Set when the scheme does not apply to this person (003 §2.3 medical and dental colleagues); items are then empty. */
  readonly excluded?: { readonly reason: string; readonly policyRef: string };
}
