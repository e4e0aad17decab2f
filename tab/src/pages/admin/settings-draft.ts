import type { BodyOf, ResponseOf, Routes } from '@pc/core/api';

export type AdminView = ResponseOf<Routes['admin.settings.get']>;
export type SettingsBody = BodyOf<Routes['admin.settings.put']>;

/** The five scheme packs, as an organisation knows its own. */
export const SCHEME_NAMES: Readonly<Record<SettingsBody['schemeId'], string>> = {
  'cumbria-vip': 'Cumbria VIP',
  'leicestershire-apr': 'Leicestershire APR',
  'bexley-pms': 'Bexley PMS',
  'somerset-career-conversations': 'Somerset career conversations',
  'assembly-secretariat': 'Assembly Secretariat',
};

export const NATIONS: Readonly<Record<SettingsBody['nation'], string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const ROLES = ['admin', 'hr', 'coordinator', 'auditor', 'senior-manager'] as const;
export const THEME_HEADINGS = ['trainingNeeds', 'systemNeeds', 'resourcingNeeds', 'otherThemes', 'summary'] as const;

/** The form's fields as text, the way people type them. */
export interface SettingsDraft {
  readonly name: string;
  readonly nation: SettingsBody['nation'];
  readonly timeZone: string;
  readonly quietStart: string;
  readonly quietEnd: string;
  readonly checkinEveryWeeks: string;
  readonly regularEveryWeeks: string;
  /** Years leavers' archived records are kept, where the policy sets no period; empty for the default. */
  readonly retentionKeepYears?: string;
  /** One question per line. */
  readonly bigPicture: string;
  readonly themes: Readonly<Record<(typeof THEME_HEADINGS)[number], string>>;
  /** Group object ids per role, separated by commas or spaces. */
  readonly groups: Readonly<Record<(typeof ROLES)[number], string>>;
}

export const draftOf = (view: AdminView): SettingsDraft | null => {
  const { tenant, settings } = view;
  if (tenant === null || settings === null) return null;
  const prompt = (id: (typeof THEME_HEADINGS)[number]): string =>
    settings.scheme.teamThemesTemplate?.find((h) => h.id === id)?.prompt ?? '';
  return {
    name: tenant.name,
    nation: tenant.nation,
    timeZone: tenant.timeZone,
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    checkinEveryWeeks: String(settings.checkinEveryWeeks),
    regularEveryWeeks: settings.scheme.regularEveryWeeks === undefined ? '' : String(settings.scheme.regularEveryWeeks),
    retentionKeepYears:
      settings.scheme.retentionKeepYears === undefined ? '' : String(settings.scheme.retentionKeepYears),
    bigPicture: (settings.scheme.bigPictureQuestions ?? []).map((q) => q.text).join('\n'),
    themes: Object.fromEntries(THEME_HEADINGS.map((id) => [id, prompt(id)])) as SettingsDraft['themes'],
    groups: Object.fromEntries(
      ROLES.map((r) => [r, (settings.roleGroups[r] ?? []).join(', ')]),
    ) as SettingsDraft['groups'],
  };
};

const slug = (text: string, taken: Set<string>): string => {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'question';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${String(n)}`;
  taken.add(id);
  return id;
};

/** The request body: a question keeps its id while its words stay the same. */
export const bodyOf = (view: AdminView, draft: SettingsDraft): SettingsBody => {
  const settings = view.settings;
  const known = new Map((settings?.scheme.bigPictureQuestions ?? []).map((q) => [q.text, q.id]));
  const taken = new Set<string>();
  const lines = draft.bigPicture
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const questions = lines.map((text) => {
    const id = known.get(text);
    if (id !== undefined && !taken.has(id)) {
      taken.add(id);
      return { id, text };
    }
    return { id: slug(text, taken), text };
  });
  const days = settings?.quietHours.days ?? [6, 7];
  return {
    name: draft.name,
    schemeId: view.tenant?.schemeId ?? 'cumbria-vip',
    nation: draft.nation,
    timeZone: draft.timeZone,
    quietHours: { start: draft.quietStart, end: draft.quietEnd, days: [...days] },
    checkinEveryWeeks: Number(draft.checkinEveryWeeks),
    roleGroups: Object.fromEntries(
      ROLES.flatMap((r) => {
        const ids = draft.groups[r].split(/[\s,]+/).filter(Boolean);
        return ids.length === 0 ? [] : [[r, ids]];
      }),
    ),
    scheme: {
      ...(view.schemeDefaults.hasBigPicture ? { bigPictureQuestions: questions } : {}),
      teamThemesTemplate: THEME_HEADINGS.flatMap((id) => {
        const prompt = draft.themes[id].trim();
        return prompt === '' ? [] : [{ id, prompt }];
      }),
      ...(draft.regularEveryWeeks === '' ? {} : { regularEveryWeeks: Number(draft.regularEveryWeeks) }),
      ...((draft.retentionKeepYears ?? '') === '' ? {} : { retentionKeepYears: Number(draft.retentionKeepYears) }),
    },
  };
};
