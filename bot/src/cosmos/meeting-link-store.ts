import { meetingLinkId, type MeetingLink, type MeetingLinkStore } from '@pc/core/usecases';
import type { KeyValueFactory } from './bot-state.ts';

/** Which booked conversation each Teams meeting belongs to, as small documents in the `state` container. */
export const createMeetingLinkStore = (keyValues: KeyValueFactory): MeetingLinkStore => {
  const docs = keyValues<MeetingLink>('meeting-link', (l) => l.id);
  return {
    get: async (tenantId, chatId) => {
      const id = meetingLinkId(tenantId, chatId);
      return (await docs.get(tenantId, id, id))?.item;
    },
    put: async (link) => {
      await docs.put(link);
    },
  };
};
