import type { TenantId } from '@pc/core';
import { meetingLinkId, type MeetingLink, type MeetingLinkStore } from '@pc/core/usecases';
import { MemoryDocuments } from './documents.ts';

/** Which booked conversation each Teams meeting belongs to, one partition per meeting. */
export class InMemoryMeetingLinkStore implements MeetingLinkStore {
  readonly #docs = new MemoryDocuments<MeetingLink>({
    id: (l) => l.id,
    tenantId: (l) => l.tenantId,
    partition: (l) => l.id,
  });

  async get(tenantId: TenantId, chatId: string): Promise<MeetingLink | undefined> {
    const id = meetingLinkId(tenantId, chatId);
    return (await this.#docs.get(tenantId, id, id))?.item;
  }

  async put(link: MeetingLink): Promise<void> {
    await this.#docs.upsert(link);
  }
}
