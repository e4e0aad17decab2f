import { AppError } from '../errors.ts';
import type { PageRequest } from '../ports/repositories.ts';

/** Items a list answers with when the caller names no page size (the API's `pageSize`, at most 100). */
export const DEFAULT_PAGE_SIZE = 50;

export interface ListPage<T> {
  readonly items: T[];
  /** Absent on the last page. */
  readonly continuationToken?: string;
}

// An offset over a list the server orders itself (by name, by due date): it keeps names and ids
// out of the token, which travels in URLs and request logs. A person joining the list between two
// pages can at worst show twice or be passed over once; the next load shows them.
const TOKEN = /^o1\.(\d{1,6})$/;

const offsetOf = (token: string | undefined): number => {
  if (token === undefined) return 0;
  const offset = TOKEN.exec(token)?.[1];
  if (offset === undefined) {
    throw new AppError('validation', 'That continuation token does not belong to this list.', {
      details: [{ path: 'continuationToken', message: 'Use the token of the previous page of this list.' }],
    });
  }
  return Number(offset);
};

/**
 * One page of a list worked out in full by the server (a manager's reports, a team's overdue
 * reviews), in the order given, with the token of the next page.
 */
export const pageOfList = <T>(all: readonly T[], request: PageRequest = {}): ListPage<T> => {
  const from = offsetOf(request.continuationToken);
  const to = from + (request.pageSize ?? DEFAULT_PAGE_SIZE);
  const items = all.slice(from, to);
  return to < all.length ? { items, continuationToken: `o1.${String(to)}` } : { items };
};
