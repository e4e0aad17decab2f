import type { ObjectiveInput } from '../api/objectives.ts';
import type { SchemePack, SmartLetter } from '../scheme/types.ts';

export interface SmartLetterCheck {
  readonly letter: 'S' | 'M' | 'A' | 'R' | 'T';
  readonly ok: boolean;
  readonly prompt: string;
  readonly reason?: string;
}

type Draft = Partial<ObjectiveInput>;

const words = (text: string | undefined): number => (text ?? '').trim().split(/\s+/).filter(Boolean).length;

const CHECKS: readonly {
  letter: SmartLetterCheck['letter'];
  key: SmartLetter;
  passes: (d: Draft) => boolean;
  reason: string;
}[] = [
  {
    letter: 'S',
    key: 'specific',
    passes: (d) => words(d.title) >= 3 && words(d.description) >= 5,
    reason: 'Say what will be done in a title of a few words and a description of a sentence or more.',
  },
  {
    letter: 'M',
    key: 'measurable',
    passes: (d) => (d.measures ?? []).length > 0 || /\d/.test(d.description ?? ''),
    reason: 'Add a measure (quality, quantity, timeliness…) or a number that shows when it is done.',
  },
  {
    letter: 'A',
    key: 'achievable',
    passes: (d) => (d.support ?? []).length > 0 || (d.milestones ?? []).length > 0,
    reason: 'Note the support needed or the steps (milestones) that make it achievable.',
  },
  {
    letter: 'R',
    key: 'relevant',
    passes: (d) => (d.alignment ?? []).length > 0,
    reason: 'Link it to a team, service, department or strategic plan.',
  },
  {
    letter: 'T',
    key: 'timeBound',
    passes: (d) => d.targetDate !== undefined || (d.milestones ?? []).some((m) => m.dueDate !== undefined),
    reason: 'Give a target date.',
  },
];

/** Which SMART letters a draft objective shows, with the scheme's own prompt for each (002, 003). */
export const checkSmartDraft = (pack: SchemePack, draft: Draft) => {
  const letters: SmartLetterCheck[] = CHECKS.map((c) => {
    const ok = c.passes(draft);
    return { letter: c.letter, ok, prompt: pack.smartPrompts[c.key], ...(ok ? {} : { reason: c.reason }) };
  });
  return { letters, complete: letters.every((l) => l.ok) };
};
