import type { PersonId } from '@pc/core';
import type { MeetingMembers } from '@pc/core/usecases';

export interface MeetingMembersCacheOptions {
  /** How long a chat's member list is reused. */
  readonly ttlMs: number;
  /** Chats kept per process; the oldest read go first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** Every participant's meeting stage asks every few seconds: 30 seconds keeps that to a couple of Graph calls a minute per meeting. */
export const MEETING_MEMBERS_TTL_MS = 30_000;

/**
 * A meeting chat's members reused for a short while within one process, so the stage's frequent
 * reads do not each ask Graph; someone who leaves the chat keeps sight of the deck for at most the
 * TTL. A fresh read (starting, drawing, ending) always asks Graph and renews the entry. A failed
 * read is not remembered.
 */
export const cachedMeetingMembers = (source: MeetingMembers, options: MeetingMembersCacheOptions): MeetingMembers => {
  const entries = new Map<string, { readonly at: number; readonly value: Promise<readonly PersonId[]> }>();
  const max = Math.max(1, options.maxEntries ?? 5_000);
  const now = options.now ?? Date.now;
  return {
    membersOf: (tenantId, chatId, read) => {
      const key = `${tenantId}\n${chatId}`;
      const at = now();
      const hit = entries.get(key);
      if (read?.fresh !== true && hit !== undefined && at - hit.at < options.ttlMs) return hit.value;
      const value = source.membersOf(tenantId, chatId);
      entries.delete(key);
      entries.set(key, { at, value });
      const oldest = entries.keys().next();
      if (entries.size > max && oldest.done !== true) entries.delete(oldest.value);
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
};
