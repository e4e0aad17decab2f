// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from './router.ts';
import { openSubPage, routeOfSubPage } from './teams-sub-page.ts';

afterEach(() => {
  window.location.hash = '';
});

/** The page the tab shows after starting with this sub-page from Teams' context. */
const startedOn = (subPageId: string | undefined) => {
  openSubPage(window, subPageId);
  return parseHash(window.location.hash);
};

describe('a Teams deep link opens the tab at its page', () => {
  it('the sub-page of a card link opens that page with its record', () => {
    expect(startedOn('/conversations/sam/c%201')).toEqual({ page: 'conversations', rest: ['sam', 'c 1'] });
  });

  it('booking, appeals and the team page open from their links', () => {
    expect(startedOn('/book/sam').page).toBe('book');
    window.location.hash = '';
    expect(startedOn('/appeals/a-1')).toEqual({ page: 'appeals', rest: ['a-1'] });
    window.location.hash = '';
    expect(startedOn('/team').page).toBe('team');
  });

  it('an address that already names a page wins over the sub-page Teams keeps after a reload', () => {
    window.location.hash = '#/notes';
    expect(startedOn('/conversations/sam/c1').page).toBe('notes');
  });

  it('no sub-page, or one that names no page, leaves the tab on its own first page', () => {
    expect(startedOn(undefined)).toEqual({ page: 'objectives', rest: [] });
    expect(routeOfSubPage('/nowhere/x')).toBeUndefined();
    expect(startedOn('/nowhere/x')).toEqual({ page: 'objectives', rest: [] });
  });
});
