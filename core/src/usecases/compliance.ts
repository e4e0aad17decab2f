import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import { authorize } from '../permissions/decide.ts';
import type { SchemePack } from '../scheme/types.ts';
import type { DueReport } from '../engine/types.ts';
import { quarterContaining, teamCompliance } from '../rules/compliance.ts';
import { payStepEligibility } from '../rules/pay-step.ts';
import { confirmedHistory } from '../rules/record-lifecycle.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { pageOfList } from './list-page.ts';
import { teamWithHistories } from './status-digest.ts';
import type { PageRequest } from '../ports/repositories.ts';
import { packOf } from './scheme.ts';

/** The reviews compliance counts: the annual review where there is one, else every expected type. */
const reviewTypes = (pack: SchemePack): ConversationTypeId[] =>
  pack.annualReview !== undefined
    ? ['annual-review']
    : pack.conversations.filter((c) => c.cadence.kind !== 'informal').map((c) => c.type);

export const quarterOf = (on: IsoDate): { label: string; from: IsoDate; to: IsoDate } => {
  const range = quarterContaining(on);
  const q = Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1;
  return { label: `${on.slice(0, 4)}-Q${String(q)}`, ...range };
};

/**
 * The manager's team, and for senior managers the teams below, bounded to stay small, with each
 * person's history (from their status digest, read with their manager's team).
 */
const teamBelow = async (deps: UseCaseDeps, tenantId: TenantId, managerId: PersonId) => {
  const seen = new Map<PersonId, Employee>();
  const histories = new Map<PersonId, readonly ConversationRecord[]>();
  let level = [managerId];
  for (let depth = 0; depth < 4 && level.length > 0 && seen.size < 500; depth += 1) {
    // One level of the tree at a time: each level's teams and digests come in one read per 100 managers.
    const team = await teamWithHistories(deps.repos, tenantId, level);
    const next: PersonId[] = [];
    for (const report of team.reports) {
      if (seen.has(report.id) || report.id === managerId) continue;
      seen.set(report.id, report);
      histories.set(report.id, team.histories.get(report.id) ?? []);
      next.push(report.id);
    }
    level = next;
  }
  return { members: [...seen.values()], histories };
};

/** Policy 003 §8: % of reviews completed on time this quarter, and the number of pay-step deferrals. */
export const getCompliance = async (
  deps: UseCaseDeps,
  caller: Caller,
  managerId: PersonId,
  on?: IsoDate,
  page?: PageRequest,
) => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, managerId);
  authorize(actor, 'compliance.read', subject);
  const day = on ?? deps.clock.today();
  const quarter = quarterOf(day);
  const pack = packOf(tenant);
  const { members, histories } = await teamBelow(deps, caller.tenantId, managerId);
  // A review counts once both agreed it or the manager confirmed it, never on one side's word (004).
  const reports: DueReport[] = members.map((member) =>
    dueConversations({ tenant, employee: member, history: confirmedHistory(histories.get(member.id) ?? []), on: day }),
  );
  // Pay-step deferrals are Somerset's (003 §5.8); other schemes record no pay-step facts.
  const payStep = pack.id === 'somerset-career-conversations' ? payStepDecisions(members, reports, day) : [];
  const result = teamCompliance(reports, { from: quarter.from, to: quarter.to, types: reviewTypes(pack), payStep });
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  // The figures count the whole team; only the list under them comes a page at a time.
  const overdue = result.overdue
    .map((o) => ({
      employeeId: o.employeeId,
      displayName: names.get(o.employeeId) ?? o.employeeId,
      type: o.type,
      dueDate: o.dueDate,
      fromEarlierQuarter: o.dueDate < quarter.from,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.employeeId.localeCompare(b.employeeId));
  const listed = pageOfList(overdue, page);
  return {
    scope: subject.employee.displayName,
    quarter: quarter.label,
    // Null when nothing fell due this quarter: no reviews is not 100% on time (003 §8).
    onTimePercent: result.percentOnTime,
    completed: result.completedOnTime + result.completedLate,
    expected: result.reviewsDue,
    // A review overdue from an earlier quarter is not in this quarter's "of expected", but it is
    // overdue now: the count says so, so the figures never read "nothing due" above it unexplained.
    overdueCount: overdue.length,
    overdueFromEarlierQuarters: overdue.filter((o) => o.fromEarlierQuarter).length,
    overdue: listed.items,
    ...(listed.continuationToken === undefined ? {} : { continuationToken: listed.continuationToken }),
    payDeferrals: result.deferralCount,
  };
};

const payStepDecisions = (members: readonly Employee[], reports: readonly DueReport[], on: IsoDate) =>
  members.flatMap((member, index) => {
    if (member.payStep === undefined) return [];
    const review = reports[index]?.items.find((i) => i.type === 'annual-review' && i.completedOn !== undefined);
    return [
      payStepEligibility({
        on,
        ...(review?.completedOn === undefined ? {} : { lastCareerConversationOn: review.completedOn }),
        facts: member.payStep,
        isLineManager: false,
        teamReviewsOutstanding: 0,
      }),
    ];
  });
