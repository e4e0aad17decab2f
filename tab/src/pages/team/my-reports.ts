import type { ApiClient } from '@pc/core/api';

/**
 * Whether a person is one of the reader's own reports (the line manager records and agrees; a
 * reviewer above only reads). The team comes a page at a time; most answers take one page.
 */
export const isMyReport = async (api: ApiClient, personId: string, signal: AbortSignal): Promise<boolean> => {
  let continuationToken: string | undefined;
  do {
    const page = await api.call('me.team', {
      query: { pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) },
      signal,
    });
    if (page.members.some((m) => m.person.id === personId)) return true;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return false;
};
