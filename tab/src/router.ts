/** Pure hash routing: the page's first script (main-start.ts) reads it, so it imports no React. */
export const PAGES = [
  'objectives',
  'conversations',
  'team',
  'book',
  'notes',
  'appeals',
  'organisation',
  'admin',
  'settings',
  'me',
  'meeting',
  'config',
] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  readonly page: PageId;
  /** Segments after the page, e.g. an objective id. */
  readonly rest: readonly string[];
}

/** `#/objectives/abc` → objectives + ['abc']; unknown or empty hashes fall back to the default. */
export const parseHash = (hash: string, fallback: PageId = 'objectives'): Route => {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const [first, ...rest] = parts;
  const page = PAGES.find((p) => p === first);
  return page === undefined ? { page: fallback, rest: [] } : { page, rest };
};

export const hrefFor = (page: PageId, ...rest: string[]): string =>
  `#/${[page, ...rest].map((p) => encodeURIComponent(p)).join('/')}`;

export const navigate = (page: PageId, ...rest: string[]): void => {
  window.location.hash = hrefFor(page, ...rest);
};
