import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { TenantActor } from '../permissions/decide.ts';
import type { AppealCase, AppealDecision, AppealExtension, AppealHearing, AppealStage } from '../ports/appeals.ts';
import type { Stored } from '../ports/repositories.ts';
import type { IsoDate } from '../time/dates.ts';

/**
 * Where someone stands on an appeal. The appellant lodged it; it is lodged with the grandparent
 * (002) or next-in-line manager (003); the hearer decides it; HR attends (002 "a Human Resources
 * Adviser will also attend"; 003 "the manager should ... send them a copy of the appeal"); the
 * managers who held the review know it is under way.
 */
export type AppealRole = 'appellant' | 'lodged-with' | 'hearer' | 'hr' | 'manager';

export const rolesOn = (actor: TenantActor, appeal: AppealCase): AppealRole[] => {
  const roles: AppealRole[] = [];
  if (actor.id === appeal.employeeId) roles.push('appellant');
  if (actor.id === appeal.lodgeWithId) roles.push('lodged-with');
  if (actor.id === appeal.hearerId) roles.push('hearer');
  if (actor.orgRoles.includes('hr') && actor.id !== appeal.employeeId) roles.push('hr');
  if (appeal.managerIds.includes(actor.id)) roles.push('manager');
  return roles;
};

/** Those who read the grounds and the written decision: everyone on the case but the review's managers. */
const READS_GROUNDS: readonly AppealRole[] = ['appellant', 'lodged-with', 'hearer', 'hr'];

export const readsGrounds = (roles: readonly AppealRole[]): boolean => roles.some((r) => READS_GROUNDS.includes(r));

export interface AppealDeadline {
  readonly step: 'lodge' | 'acknowledge' | 'decide';
  readonly by: IsoDate;
  /** When the step was done, if it was. */
  readonly doneOn?: IsoDate;
  readonly overdue: boolean;
}

export interface AppealActions {
  readonly acknowledge: boolean;
  readonly recordHearing: boolean;
  readonly decide: boolean;
  readonly proposeExtension: boolean;
  /** The extension awaiting the caller's consent, if any. */
  readonly agreeExtension?: string;
}

export interface AppealView {
  readonly id: string;
  readonly etag: string;
  readonly scheme: AppealCase['scheme'];
  readonly policyRef: string;
  readonly employeeId: PersonId;
  readonly conversationId: string;
  readonly conversationType: AppealCase['conversationType'];
  readonly conversationDate: IsoDate;
  readonly managerIds: readonly PersonId[];
  readonly lodgeWithId?: PersonId;
  readonly hearerId?: PersonId;
  readonly lodgedOn: IsoDate;
  readonly lodgedInTime: boolean;
  readonly representative?: string;
  readonly stage: AppealStage;
  readonly final: boolean;
  readonly roles: readonly AppealRole[];
  /** Only for those who read them: the appellant, the person it was lodged with, the hearer and HR. */
  readonly grounds?: string;
  readonly hearing?: AppealHearing;
  readonly extensions: readonly AppealExtension[];
  readonly decision?: Omit<AppealDecision, 'text'> & { readonly text?: string };
  readonly deadlines: readonly AppealDeadline[];
  readonly may: AppealActions;
}

export const appealDeadlines = (appeal: AppealCase, today: IsoDate): AppealDeadline[] => {
  const step = (s: AppealDeadline['step'], by: IsoDate | undefined, doneOn: IsoDate | undefined) =>
    by === undefined
      ? []
      : [{ step: s, by, ...(doneOn === undefined ? {} : { doneOn }), overdue: (doneOn ?? today) > by }];
  return [
    ...step('lodge', appeal.lodgeBy, appeal.lodgedOn),
    ...step('acknowledge', appeal.acknowledgeBy, appeal.acknowledgedOn),
    ...step('decide', appeal.decisionDueBy, appeal.decision?.on),
  ];
};

/** The extension the other party proposed and the caller may agree (mutual consent, 002 Appendix 6 §2). */
const extensionToAgree = (appeal: AppealCase, actorId: PersonId, roles: readonly AppealRole[]): string | undefined => {
  if (!roles.includes('appellant') && !roles.includes('hearer')) return undefined;
  return appeal.extensions.find((e) => e.agreedOn === undefined && e.proposedBy !== actorId)?.id;
};

export const actionsFor = (
  appeal: AppealCase,
  actorId: PersonId,
  roles: readonly AppealRole[],
  extendable: boolean,
): AppealActions => {
  const open = appeal.stage !== 'decided';
  const hearer = roles.includes('hearer');
  const agree = open && extendable ? extensionToAgree(appeal, actorId, roles) : undefined;
  const pending = appeal.extensions.some((e) => e.agreedOn === undefined);
  return {
    acknowledge: open && hearer && appeal.acknowledgeBy !== undefined && appeal.acknowledgedOn === undefined,
    recordHearing: open && (hearer || roles.includes('hr')),
    decide: open && hearer && appeal.hearing !== undefined,
    proposeExtension: open && extendable && !pending && (hearer || roles.includes('appellant')),
    ...(agree === undefined ? {} : { agreeExtension: agree }),
  };
};

/** The case as the caller may see it; refused to anyone not on it. */
export const viewAppeal = (
  actor: TenantActor,
  stored: Stored<AppealCase>,
  today: IsoDate,
  extendable: boolean,
): AppealView => {
  const appeal = stored.item;
  const roles = rolesOn(actor, appeal);
  if (roles.length === 0) throw new AppError('forbidden', 'Only the people taking part in this appeal can see it.');
  const reads = readsGrounds(roles);
  const { decision } = appeal;
  return {
    id: appeal.id,
    etag: stored.etag,
    scheme: appeal.scheme,
    policyRef: appeal.policyRef,
    employeeId: appeal.employeeId,
    conversationId: appeal.conversationId,
    conversationType: appeal.conversationType,
    conversationDate: appeal.conversationDate,
    managerIds: appeal.managerIds,
    ...(appeal.lodgeWithId === undefined ? {} : { lodgeWithId: appeal.lodgeWithId }),
    ...(appeal.hearerId === undefined ? {} : { hearerId: appeal.hearerId }),
    lodgedOn: appeal.lodgedOn,
    lodgedInTime: appeal.lodgedOn <= appeal.lodgeBy,
    ...(appeal.representative === undefined ? {} : { representative: appeal.representative }),
    stage: appeal.stage,
    final: appeal.stage === 'decided',
    roles,
    ...(reads ? { grounds: appeal.grounds } : {}),
    ...(appeal.hearing === undefined ? {} : { hearing: appeal.hearing }),
    extensions: appeal.extensions,
    ...(decision === undefined
      ? {}
      : { decision: reads ? decision : { on: decision.on, by: decision.by, outcome: decision.outcome } }),
    deadlines: appealDeadlines(appeal, today),
    may: actionsFor(appeal, actor.id, roles, extendable),
  };
};
