import { describe, expect, it } from 'vitest';
import { ACTIONS } from './matrix.ts';
import { refusalFor } from './action-words.ts';

describe('refusals', () => {
  it('every refusal is a sentence a person reads, never a permission id', () => {
    for (const action of ACTIONS) {
      const text = refusalFor(action);
      expect(text).toMatch(/^You can't [a-z][a-zA-Z ]+ for this person\.$/);
      expect(text).not.toContain(action);
    }
  });
});
