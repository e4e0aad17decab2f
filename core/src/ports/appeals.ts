import type { ConversationTypeId } from '../domain/conversations.ts';
import type { PersonId, SchemeId, TenantId } from '../domain/people.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import type { Page, PageRequest, Stored } from './repositories.ts';

/** lodged → (acknowledged, 003) → hearing recorded → decided (final, 002 Appendix 6 §2; 003 §5.10). */
export type AppealStage = 'lodged' | 'acknowledged' | 'hearing-recorded' | 'decided';

/** A change of the timescales both parties agreed (002 Appendix 6 §2: "varied by mutual consent"). */
export interface AppealExtension {
  readonly id: string;
  /** Working days added to the decision deadline once agreed. */
  readonly workingDays: number;
  readonly reason: string;
  readonly proposedBy: PersonId;
  readonly proposedOn: IsoDate;
  readonly agreedBy?: PersonId;
  readonly agreedOn?: IsoDate;
}

export interface AppealHearing {
  readonly on: IsoDate;
  /** Local time of day, HH:MM. */
  readonly at: string;
  /** The HR adviser (002) or member of People Services (003) present. */
  readonly hrPresentId: PersonId;
  /** Anyone else attending: a companion or trade union representative (002 Appendix 6 §1). */
  readonly others: readonly string[];
  readonly recordedBy: PersonId;
}

export interface AppealDecision {
  readonly on: IsoDate;
  readonly by: PersonId;
  readonly outcome: 'upheld' | 'not-upheld';
  /** The written decision and the action to be taken. */
  readonly text: string;
}

/** One appeal against a review; its id is fixed by the conversation, so a review is appealed once. */
export interface AppealCase {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly scheme: SchemeId;
  readonly policyRef: string;
  readonly employeeId: PersonId;
  readonly conversationId: string;
  readonly conversationType: ConversationTypeId;
  readonly conversationDate: IsoDate;
  /** The managers who held the conversation: they see that an appeal is under way, not its grounds. */
  readonly managerIds: readonly PersonId[];
  /** Who receives it in writing: the grandparent (002) or the next-in-line manager (003). */
  readonly lodgeWithId?: PersonId;
  /** Who hears and decides it: the grandparent's manager (002) or the next-in-line manager (003). */
  readonly hearerId?: PersonId;
  readonly lodgedOn: IsoDate;
  readonly lodgedBy: PersonId;
  /** The trade union representative who lodged it on the employee's behalf (002), by name. */
  readonly representative?: string;
  /** The date the lodging window ran from, and its end. */
  readonly windowFrom: IsoDate;
  readonly lodgeBy: IsoDate;
  readonly grounds: string;
  readonly stage: AppealStage;
  /** 003: the manager handling the appeal acknowledges it within 7 calendar days. */
  readonly acknowledgeBy?: IsoDate;
  readonly acknowledgedOn?: IsoDate;
  readonly hearing?: AppealHearing;
  /** 002: five working days after the hearing, plus any agreed extension. */
  readonly decisionDueBy?: IsoDate;
  readonly extensions: readonly AppealExtension[];
  readonly decision?: AppealDecision;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
}

export interface AppealRepository {
  get(tenantId: TenantId, id: string): Promise<Stored<AppealCase> | undefined>;
  /** 'conflict' when the id exists. */
  create(appeal: AppealCase): Promise<Stored<AppealCase>>;
  update(appeal: AppealCase, etag: string): Promise<Stored<AppealCase>>;
  /** A tenant's appeals, oldest lodged first; `open` keeps those not yet decided. */
  list(tenantId: TenantId, options?: { readonly open?: boolean }, page?: PageRequest): Promise<Page<AppealCase>>;
}

/** HR's handling of a disagreement with a record (004: the performance disagreement form). */
export type DisagreementStage = 'open' | 'form-sent' | 'closed';

/** What HR sees of a disagreement: facts, never the colleague's text. */
export interface DisagreementCase {
  readonly tenantId: TenantId;
  /** Fixed by the conversation: one case per record. */
  readonly id: string;
  readonly employeeId: PersonId;
  readonly conversationId: string;
  readonly conversationType: ConversationTypeId;
  readonly conversationDate: IsoDate;
  readonly managerIds: readonly PersonId[];
  readonly recordedAt: IsoDateTime;
  readonly stage: DisagreementStage;
  readonly formSentOn?: IsoDate;
  readonly closedOn?: IsoDate;
  readonly handledBy?: PersonId;
  readonly updatedAt: IsoDateTime;
}

export interface DisagreementRepository {
  get(tenantId: TenantId, id: string): Promise<Stored<DisagreementCase> | undefined>;
  /** Creates the case, or reopens a closed one for a new disagreement with the same record. */
  put(disagreement: DisagreementCase, etag?: string): Promise<Stored<DisagreementCase>>;
  /** A tenant's cases, oldest first; `open` keeps those HR has not closed. */
  list(tenantId: TenantId, options?: { readonly open?: boolean }, page?: PageRequest): Promise<Page<DisagreementCase>>;
}
