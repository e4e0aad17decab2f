import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength, visibleText } from './visible-text.ts';

describe('visible text', () => {
  it('zero-width and other format characters count for nothing', () => {
    expect(visibleLength(`a${'\u200B'.repeat(12)}`)).toBe(1);
    expect(visibleLength('\u200D\u2060\uFEFF\u00AD\u202E')).toBe(0);
    expect(visibleText('Serious\u200B incident\u00A0review')).toBe('Serious incident review');
  });

  it('a composed character counts once', () => {
    expect(visibleLength('e\u0301\u{1F469}\u200D\u{1F4BB}')).toBe(2);
  });

  it('compatibility forms fold to what they look like', () => {
    expect(visibleText('ｆｕｌｌ　ｗｉｄｔｈ')).toBe('full width');
  });

  it('never grows the text and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = visibleText(s);
        expect(visibleText(once)).toBe(once);
        expect(visibleLength(s)).toBeLessThanOrEqual(once.length);
      }),
    );
  });
});
