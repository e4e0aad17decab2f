import { AppError, type Employee, type Tenant } from '@pc/core';
import {
  buildDueCard,
  buildFeedbackFormCard,
  buildHelpCard,
  buildObjectivesCard,
  buildPrepareCard,
  dueCardItemsFrom,
  type AdaptiveCard,
  type DueCardItem,
} from '@pc/core/cards';
import { colleaguesOf } from './colleagues.ts';
import type { SchemeContent, TeamsBotDeps } from './deps.ts';
import type { TurnIdentity } from './turn.ts';

/** The person's tenant and record; a person not yet synced from the org chart gets a clear message. */
export const whoIs = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<{ tenant: Tenant; me: Employee }> => {
  const tenant = (await deps.store.tenants.get(turn.tenantId))?.item;
  const me = (await deps.store.employees.get(turn.tenantId, turn.userId))?.item;
  if (tenant === undefined || me === undefined) {
    throw new AppError(
      'not-found',
      "I can't find your details yet. Ask your HR team to check you are set up in the app.",
    );
  }
  return { tenant, me };
};

const schemeOf = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<SchemeContent | undefined> => {
  const tenant = (await deps.store.tenants.get(turn.tenantId))?.item;
  return tenant === undefined ? undefined : deps.scheme(tenant.schemeId);
};

export const helpView = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> => {
  const scheme = await schemeOf(deps, turn);
  return buildHelpCard(scheme === undefined ? {} : { schemeName: scheme.schemeName });
};

export const feedbackFormView = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> =>
  buildFeedbackFormCard({
    selfId: turn.userId,
    colleagues: await colleaguesOf(deps.directory, deps.store.employees, turn.tenantId, turn.userId),
  });

export const dueItemsFor = async (deps: TeamsBotDeps, tenant: Tenant, me: Employee): Promise<DueCardItem[]> => {
  const history = await deps.store.conversations.listForEmployee(tenant.tenantId, me.id, {}, { pageSize: 100 });
  const report = deps.due({ tenant, employee: me, history: history.items, on: deps.clock.today() });
  const labels = Object.fromEntries(deps.scheme(tenant.schemeId).conversations.map((c) => [c.type, c.label]));
  return dueCardItemsFrom(report, labels);
};

export const dueView = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> => {
  const { tenant, me } = await whoIs(deps, turn);
  return buildDueCard({ forName: 'You', items: await dueItemsFor(deps, tenant, me) });
};

export const objectivesView = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> => {
  const page = await deps.store.objectives.listForOwner(turn.tenantId, turn.userId, { pageSize: 50 });
  return buildObjectivesCard({
    ownerName: 'You',
    objectives: page.items.map((o) => ({
      title: o.title,
      status: o.status,
      progress: o.progress,
      horizon: o.horizon,
      ...(o.targetDate === undefined ? {} : { targetDate: o.targetDate }),
      missingSmart: [],
    })),
    ...(deps.tabUrl === undefined ? {} : { tabUrl: deps.tabUrl }),
  });
};

export const nextBooked = async (deps: TeamsBotDeps, turn: TurnIdentity) => {
  const page = await deps.store.conversations.listForEmployee(turn.tenantId, turn.userId, { from: deps.clock.today() });
  return page.items.filter((c) => c.status === 'booked').sort((a, b) => a.date.localeCompare(b.date))[0];
};

export const prepareView = async (deps: TeamsBotDeps, turn: TurnIdentity): Promise<AdaptiveCard> => {
  const { tenant } = await whoIs(deps, turn);
  const scheme = deps.scheme(tenant.schemeId);
  const next = await nextBooked(deps, turn);
  const title =
    next === undefined
      ? 'your next conversation'
      : (scheme.conversations.find((c) => c.type === next.type)?.label ?? 'your next conversation');
  return buildPrepareCard({
    conversationTitle: title,
    role: 'employee',
    ...(next === undefined ? {} : { date: next.date }),
    prompts: scheme.preparation.employee,
    agenda: next?.agenda.map((a) => a.text) ?? [],
  });
};
