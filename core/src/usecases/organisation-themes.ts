import type { PersonId } from '../domain/people.ts';
import type { TeamThemes } from '../domain/team.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { organisationScope } from './organisation-scope.ts';

type Kind = 'training' | 'systems' | 'resourcing' | 'other';
const FIELDS: Readonly<
  Record<Kind, keyof Pick<TeamThemes, 'trainingNeeds' | 'systemNeeds' | 'resourcingNeeds' | 'otherThemes'>>
> = {
  training: 'trainingNeeds',
  systems: 'systemNeeds',
  resourcing: 'resourcingNeeds',
  other: 'otherThemes',
};

/**
 * Policy 000 Team Themes collated for the service: each manager's training, systems and resourcing
 * needs in the view, the same need raised by several managers counted once with their names. Only
 * the themes travel upward: a manager's free-text summary and every note stay where they are.
 */
export const organisationThemes = async (deps: UseCaseDeps, caller: Caller) => {
  const scope = await organisationScope(deps, caller, deps.clock.today());
  const managerIds = new Set<PersonId>();
  for (const p of scope.people) for (const m of currentManagerIds(p)) managerIds.add(m);
  const inScope = new Set(scope.people.map((p) => p.id));
  const managers: { readonly id: PersonId; readonly themes: TeamThemes }[] = [];
  // One point read per manager in view (never per person): Team Themes are keyed by manager.
  for (const id of [...managerIds].filter((m) => inScope.has(m))) {
    const stored = await deps.repos.teamThemes.get(caller.tenantId, id);
    if (stored !== undefined) managers.push({ id, themes: stored.item });
  }
  const nameOf = (id: PersonId) => scope.byId.get(id)?.displayName ?? id;
  const collate = (kind: Kind) => {
    const byText = new Map<string, { text: string; managers: string[] }>();
    for (const { id, themes } of managers) {
      for (const raw of themes[FIELDS[kind]]) {
        const key = raw.trim().toLowerCase();
        const entry = byText.get(key) ?? { text: raw.trim(), managers: [] };
        entry.managers.push(nameOf(id));
        byText.set(key, entry);
      }
    }
    return [...byText.values()].sort((a, b) => b.managers.length - a.managers.length || a.text.localeCompare(b.text));
  };
  return {
    scope: scope.label,
    managers: managers.map(({ id, themes }) => ({
      managerId: id,
      displayName: nameOf(id),
      unit: scope.units.find((u) => u.id === scope.unitOf.get(id))?.name ?? '',
      period: themes.period,
      updatedAt: themes.updatedAt,
    })),
    training: collate('training'),
    systems: collate('systems'),
    resourcing: collate('resourcing'),
    other: collate('other'),
  };
};
