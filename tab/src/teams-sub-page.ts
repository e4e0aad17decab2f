import { parseHash } from './router.ts';

/**
 * A Teams deep link names the page inside the tab as its sub-page (`subPageId`, `subEntityId` before
 * TeamsJS v2): the router's hash route, e.g. `/conversations/<person>/<id>`. Undefined when it names
 * no page the router knows.
 */
export const routeOfSubPage = (subPageId: string | undefined): string | undefined => {
  if (subPageId === undefined || subPageId === '') return undefined;
  const hash = `#/${subPageId.replace(/^#?\/?/, '')}`;
  const first = hash.slice(2).split('/')[0];
  return parseHash(hash).page === first ? hash : undefined;
};

/**
 * Opened from a deep link, the tab starts on the linked page. An address that already names a page
 * wins: Teams keeps the sub-page in its context after the person has moved on and reloads.
 */
export const openSubPage = (win: Window, subPageId: string | undefined): void => {
  const hash = routeOfSubPage(subPageId);
  if (hash === undefined || win.location.hash.replace(/^#\/?/, '') !== '') return;
  win.location.hash = hash;
};
