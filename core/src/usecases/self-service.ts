import { conversationLabels } from '../domain/conversation-labels.ts';
import { AGENDA_FIELD, AGENDA_ITEM_MAX } from '../cards/prepare-card.ts';
import type { ConversationRecord, ConversationTypeId } from '../domain/conversations.ts';
import type { Objective } from '../domain/objectives.ts';
import type { Employee, Tenant } from '../domain/people.ts';
import type { DueReport } from '../engine/types.ts';
import { AppError } from '../errors.ts';
import type { SchemePack } from '../scheme/types.ts';
import { stableId } from '../feedback/ids.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { dueFor } from './people.ts';
import { labelOf, packOf } from './scheme.ts';

/**
 * What a person asks about themself from the bot: their scheme, what is due, their objectives,
 * their next conversation and its agenda. Everyone may read and prepare their own.
 */
export interface OwnRecord {
  readonly tenant: Tenant;
  readonly me: Employee;
  readonly pack: SchemePack;
}

/** The person's tenant and record; someone not yet synced from the org chart gets a clear message. */
export const loadOwnRecord = async (deps: UseCaseDeps, caller: Caller): Promise<OwnRecord> => {
  const [tenant, me] = await Promise.all([
    deps.repos.tenants.get(caller.tenantId),
    deps.repos.employees.get(caller.tenantId, caller.userId),
  ]);
  if (tenant === undefined || me === undefined) {
    throw new AppError(
      'not-found',
      "I can't find your details yet. Ask your HR team to check you are set up in the app.",
    );
  }
  return { tenant: tenant.item, me: me.item, pack: packOf(tenant.item) };
};

/** The scheme's name, when the tenant is set up; help still answers without it. */
export const schemeNameFor = async (deps: UseCaseDeps, caller: Caller): Promise<string | undefined> => {
  const tenant = await deps.repos.tenants.get(caller.tenantId);
  return tenant === undefined ? undefined : packOf(tenant.item).schemeName;
};

/** The scheme's own words for each conversation type, e.g. "VIP conversation". */
export const conversationLabelsOf = (pack: SchemePack): Partial<Record<ConversationTypeId, string>> =>
  conversationLabels(pack);

export interface DueForPerson {
  readonly report: DueReport;
  readonly labels: Partial<Record<ConversationTypeId, string>>;
}

/** What is due for someone today, with the scheme's labels; shared by the `due` command and check-ins. */
export const dueToday = async (deps: UseCaseDeps, tenant: Tenant, me: Employee): Promise<DueForPerson> => ({
  report: await dueFor(deps, tenant, me, deps.clock.today()),
  labels: conversationLabelsOf(packOf(tenant)),
});

export const myDue = async (deps: UseCaseDeps, caller: Caller): Promise<DueForPerson> => {
  const { tenant, me } = await loadOwnRecord(deps, caller);
  return dueToday(deps, tenant, me);
};

export const myObjectives = async (deps: UseCaseDeps, caller: Caller): Promise<readonly Objective[]> =>
  (await deps.repos.objectives.listForOwner(caller.tenantId, caller.userId, { pageSize: 50 })).items;

/** The caller's next booked conversation, of any type. */
export const nextBooked = async (deps: UseCaseDeps, caller: Caller): Promise<ConversationRecord | undefined> => {
  const page = await deps.repos.conversations.listForEmployee(caller.tenantId, caller.userId, {
    from: deps.clock.today(),
  });
  return page.items.filter((c) => c.status === 'booked').sort((a, b) => a.date.localeCompare(b.date))[0];
};

export interface Preparation {
  /** The scheme's name for the next conversation, or undefined when nothing is booked. */
  readonly title?: string;
  readonly date?: string;
  readonly prompts: readonly string[];
  readonly agenda: readonly string[];
}

/** The scheme's preparation prompts for the employee, and the next conversation's agenda so far (002–004). */
export const myPreparation = async (deps: UseCaseDeps, caller: Caller): Promise<Preparation> => {
  const { pack } = await loadOwnRecord(deps, caller);
  const next = await nextBooked(deps, caller);
  if (next === undefined) return { prompts: pack.preparation.employee, agenda: [] };
  return {
    title: labelOf(pack, next.type),
    date: next.date,
    prompts: pack.preparation.employee,
    agenda: next.agenda.map((a) => a.text),
  };
};

/**
 * Adds what the person wants to raise to their next booked conversation's agenda, once per
 * idempotency key (the Teams activity): false when nothing is booked yet.
 */
export const addMyAgendaItem = async (
  deps: UseCaseDeps,
  caller: Caller,
  raw: unknown,
  idempotencyKey: string,
): Promise<boolean> => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '' || text.length > AGENDA_ITEM_MAX) {
    throw new AppError('validation', 'Some answers need another look.', {
      details: [
        {
          path: AGENDA_FIELD,
          message: text === '' ? 'Write what you want to raise' : `Keep it under ${String(AGENDA_ITEM_MAX)} characters`,
        },
      ],
    });
  }
  const next = await nextBooked(deps, caller);
  if (next === undefined) return false;
  const id = stableId('agenda', caller.tenantId, idempotencyKey);
  // One conditional append: notes joining the same agenda at the same moment never turn it away.
  const outcome = await deps.repos.conversations.appendToAgenda(
    caller.tenantId,
    caller.userId,
    next.id,
    { id, text, source: 'employee' },
    deps.clock.now(),
  );
  if (outcome === 'not-booked') throw new AppError('not-found', 'That conversation is no longer available.');
  return true;
};
