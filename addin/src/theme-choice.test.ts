import { describe, expect, it } from 'vitest';
import { prefersDark } from './theme-choice.ts';

describe('the task pane follows the Office theme', () => {
  it("is dark when Office's body background is dark, whatever the browser prefers", () => {
    expect(prefersDark({ bodyBackgroundColor: '#262626' }, false)).toBe(true);
    expect(prefersDark({ bodyBackgroundColor: '#000000' }, false)).toBe(true);
  });

  it("is light when Office's body background is light (the Colorful and White themes)", () => {
    expect(prefersDark({ bodyBackgroundColor: '#ffffff' }, true)).toBe(false);
    expect(prefersDark({ bodyBackgroundColor: '#F3F2F1' }, true)).toBe(false);
  });

  it("falls back to the browser's preference outside Office or with no usable colour", () => {
    expect(prefersDark(undefined, true)).toBe(true);
    expect(prefersDark(undefined, false)).toBe(false);
    expect(prefersDark({ bodyBackgroundColor: 'transparent' }, true)).toBe(true);
  });
});
