import type { ObjectiveInput } from '../api/objectives.ts';
import { checkSmart, SMART_ORDER } from '../rules/smart.ts';
import type { SchemePack, SmartLetter } from '../scheme/types.ts';
import type { IsoDate } from '../time/dates.ts';

export interface SmartLetterCheck {
  readonly letter: 'S' | 'M' | 'A' | 'R' | 'T';
  readonly ok: boolean;
  readonly prompt: string;
  readonly reason?: string;
}

const LETTER: Readonly<Record<SmartLetter, SmartLetterCheck['letter']>> = {
  specific: 'S',
  measurable: 'M',
  achievable: 'A',
  relevant: 'R',
  timeBound: 'T',
};

/**
 * The SMART rule (core/src/rules/smart.ts) applied to a draft as the tab types it,
 * each letter carrying the scheme's own prompt (002, 003).
 */
export const checkSmartDraft = (pack: SchemePack, draft: Partial<ObjectiveInput>, on: IsoDate) => {
  const result = checkSmart({ ...draft, title: draft.title ?? '', description: draft.description ?? '' }, on);
  const letters: SmartLetterCheck[] = SMART_ORDER.map((key) => {
    const { met, reason } = result.letters[key];
    return {
      letter: LETTER[key],
      ok: met,
      prompt: pack.smartPrompts[key],
      ...(met || reason === undefined ? {} : { reason }),
    };
  });
  return { letters, complete: result.isSmart };
};
