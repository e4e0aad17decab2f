import { buildMeetingEndCard } from '../cards/meeting-card.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import { stableId } from '../feedback/ids.ts';
import type { Stored } from '../ports/repositories.ts';
import { loadActor, lookUpPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { labelOf, packOf } from './scheme.ts';
import { topicsForDay } from './starters.ts';

/**
 * The meeting chat's thread id from a Teams join URL (…/l/meetup-join/19%3ameeting_…%40thread.v2/0…):
 * the id the side panel's context and the meeting events carry.
 */
export const meetingChatIdOf = (joinUrl: string | undefined): string | undefined => {
  if (joinUrl === undefined || !URL.canParse(joinUrl)) return undefined;
  const encoded = /^\/l\/meetup-join\/([^/]+)/.exec(new URL(joinUrl).pathname)?.[1];
  if (encoded === undefined) return undefined;
  const chatId = decodeURIComponent(encoded);
  return /^19:meeting_[^@/]+@thread\.v2$/.test(chatId) ? chatId : undefined;
};

export const meetingLinkId = (tenantId: TenantId, chatId: string): string => stableId('meeting', tenantId, chatId);

/** Remembers which record a booked conversation's Teams meeting belongs to; nothing when it has no Teams meeting. */
export const rememberMeeting = async (deps: UseCaseDeps, record: ConversationRecord): Promise<void> => {
  const chatId = meetingChatIdOf(record.booking?.onlineMeetingUrl);
  if (chatId === undefined) return;
  await deps.repos.meetings.put({
    tenantId: record.tenantId,
    id: meetingLinkId(record.tenantId, chatId),
    chatId,
    employeeId: record.employeeId,
    conversationId: record.id,
  });
};

/** The two people a booked conversation is for: the colleague and their manager(s) on the record. */
const pairOf = (record: ConversationRecord): PersonId[] => [record.employeeId, ...record.managerIds];

const bookedRecordFor = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  chatId: string,
): Promise<Stored<ConversationRecord> | undefined> => {
  const link = await deps.repos.meetings.get(tenantId, chatId);
  if (link === undefined) return undefined;
  const stored = await deps.repos.conversations.get(tenantId, link.employeeId, link.conversationId);
  return stored?.item.status === 'cancelled' ? undefined : stored;
};

/** The pair of the booked conversation a meeting belongs to; none when it is not a booked conversation's. */
export const meetingPairOf = async (deps: UseCaseDeps, tenantId: TenantId, chatId: string): Promise<PersonId[]> => {
  const stored = await bookedRecordFor(deps, tenantId, chatId);
  return stored === undefined ? [] : pairOf(stored.item);
};

const nameOf = async (deps: UseCaseDeps, tenantId: TenantId, id: PersonId | undefined): Promise<string> =>
  id === undefined ? 'your manager' : ((await lookUpPerson(deps, tenantId, id))?.displayName ?? 'your colleague');

export interface MeetingStarter {
  readonly id: string;
  readonly title: string;
  readonly strengthsPrompt: string;
  readonly openQuestions: readonly string[];
  readonly probingQuestions: readonly string[];
}

export type MeetingPanel =
  | {
      readonly kind: 'pair';
      readonly role: 'employee' | 'manager';
      readonly employeeId: PersonId;
      readonly conversationId: string;
      readonly title: string;
      readonly date: string;
      readonly otherName: string;
      readonly agenda: readonly { readonly id: string; readonly text: string; readonly source: string }[];
      readonly starters: readonly MeetingStarter[];
    }
  /** Someone else in the meeting: they are told only that the panel is for the pair. */
  | { readonly kind: 'not-for-you' }
  | { readonly kind: 'no-conversation' };

/**
 * What the meeting's side panel shows the caller: for the pair of the booked conversation the
 * meeting belongs to, its agenda and the starters for it; for anyone else, nothing of it.
 */
export const meetingPanel = async (deps: UseCaseDeps, caller: Caller, chatId: string): Promise<MeetingPanel> => {
  const { tenant } = await loadActor(deps, caller);
  const stored = await bookedRecordFor(deps, caller.tenantId, chatId);
  if (stored === undefined) return { kind: 'no-conversation' };
  const record = stored.item;
  if (!pairOf(record).includes(caller.userId)) return { kind: 'not-for-you' };
  const pack = packOf(tenant);
  const topicIds = record.topics.length > 0 ? record.topics : topicsForDay(pack, deps.clock.today());
  const isEmployee = caller.userId === record.employeeId;
  return {
    kind: 'pair',
    role: isEmployee ? 'employee' : 'manager',
    employeeId: record.employeeId,
    conversationId: record.id,
    title: labelOf(pack, record.type),
    date: record.date,
    otherName: await nameOf(deps, caller.tenantId, isEmployee ? record.managerIds[0] : record.employeeId),
    agenda: record.agenda.map((a) => ({ id: a.id, text: a.text, source: a.source })),
    starters: pack.topics
      .filter((t) => topicIds.includes(t.id))
      .map((t) => ({
        id: t.id,
        title: t.title,
        strengthsPrompt: t.strengthsPrompt,
        openQuestions: t.openQuestions,
        probingQuestions: t.probingQuestions,
      })),
  };
};

/**
 * When a booked conversation's Teams meeting ends: a card to each of the pair, "record what you
 * agreed", queued once per person and meeting through the paced proactive queue. How many were
 * newly queued (none for a meeting that is not a booked conversation, or a repeated event).
 */
export const promptRecordAfterMeeting = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  chatId: string,
): Promise<number> => {
  const notices = deps.notices;
  const stored = await bookedRecordFor(deps, tenantId, chatId);
  const tenant = await deps.repos.tenants.get(tenantId);
  if (notices === undefined || stored === undefined || tenant === undefined) return 0;
  const record = stored.item;
  const pair = [record.employeeId, ...record.managerIds.slice(0, 1)];
  const title = labelOf(packOf(tenant.item), record.type);
  let queued = 0;
  for (const personId of pair) {
    const person = await lookUpPerson(deps, tenantId, personId);
    if (person === undefined) continue;
    const other = await nameOf(
      deps,
      tenantId,
      pair.find((id) => id !== personId),
    );
    const card = buildMeetingEndCard({
      firstName: person.displayName.split(' ')[0] ?? person.displayName,
      conversationTitle: title,
      date: record.date,
      otherName: other,
      recordUrl: notices.tabLink(`/conversations/${record.employeeId}/${record.id}`),
    });
    const id = stableId('meeting-end', tenantId, record.id, personId);
    if (await notices.queue({ tenantId, personId, id, card })) queued += 1;
  }
  return queued;
};
