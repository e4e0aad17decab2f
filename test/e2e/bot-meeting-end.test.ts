/**
 * Issue #22, after the 1:1 in the meeting: when a booked conversation's Teams meeting ends, each
 * of the pair gets one card in their own chat, "record what you agreed", linking to the record,
 * through the paced proactive queue; a repeated end event sends nothing more, and a meeting that
 * is not a booked conversation sends nothing. Real HTTP, a fake Bot Connector and Cosmos.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createMeetingLinkStore } from '../../bot/src/cosmos/meeting-link-store.ts';
import { meetingLinkId } from '@pc/core/usecases';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { installationAdd, postActivity, type TeamsUser } from '../fakes/connector/teams-activities.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
const CHAT = '19:meeting_ZmIzNDU2@thread.v2';
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0`;
const morgan: TeamsUser = { tenantId: TENANT, aadObjectId: 'mgr', name: 'Morgan Lee' };

const meetingEnd = (serviceUrl: string, chatId: string, joinUrl: string) => ({
  type: 'event',
  name: 'application/vnd.microsoft.meetingEnd',
  id: `1:${chatId}-end`,
  channelId: 'msteams',
  serviceUrl,
  timestamp: new Date().toISOString(),
  from: { id: '29:mgr', aadObjectId: 'mgr', name: 'Morgan Lee' },
  recipient: { id: '28:bot-app', name: 'Performance conversations' },
  conversation: { id: chatId, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
  channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5n' } },
  value: {
    Id: 'MCMxOTptZWV0aW5n',
    JoinUrl: joinUrl,
    MeetingType: 'Scheduled',
    Title: 'Regular conversation',
    EndTime: '2027-05-10T10:00:00Z',
  },
});

describe('Teams bot: the end of a booked conversation’s meeting', () => {
  let h: BotHarness;
  const record = conversation({
    tenantId: TENANT,
    employeeId: 'sam',
    managerIds: ['mgr'],
    status: 'booked',
    date: '2027-05-10',
    booking: {
      bookedBy: 'mgr',
      start: '2027-05-10T09:00:00.000Z',
      end: '2027-05-10T10:00:00.000Z',
      eventIds: {},
      onlineMeetingUrl: JOIN_URL,
    },
  });
  /** "Record what you agreed" cards only: the scheduler's first run may send someone their check-in meanwhile. */
  const agreedCards = () => h.connector.activities.filter((a) => JSON.stringify(a).includes('Record what you agreed'));
  const sentTo = (member: string) => {
    const chat = h.connector.conversations.find((c) => c.memberId === member)?.id;
    return agreedCards().filter((a) => a.conversationId === chat);
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [TENANT], env: { CHECKIN_SCHEDULER: 'true', SEND_SWEEP_SECONDS: '1' } });
    await h.store.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    await h.store.employees.create(employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee' }));
    await h.store.employees.create(employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel' }));
    await h.store.conversations.create(record);
    await createMeetingLinkStore((kind, partition) => h.store.keyValues(kind, partition)).put({
      tenantId: TENANT,
      id: meetingLinkId(TENANT, CHAT),
      chatId: CHAT,
      employeeId: 'sam',
      conversationId: record.id,
    });
    // The app is installed for the organisation, so the bot may reach people in their own chats.
    await postActivity(h.botUrl, installationAdd({ serviceUrl: h.connector.url, user: morgan }));
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('each of the pair gets one "record what you agreed" card linking to the record, however often the event comes', async () => {
    const before = agreedCards().length;
    for (let i = 0; i < 2; i += 1) {
      const response = await postActivity(h.botUrl, meetingEnd(h.connector.url, CHAT, JOIN_URL));
      expect(response.status).toBe(200);
    }
    await h.connector.waitFor(() => sentTo('sam').length > 0 && sentTo('mgr').length > 0, 15_000);
    // Long enough for a second send to arrive if one were queued.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const toSam = JSON.stringify(sentTo('sam'));
    const toMorgan = JSON.stringify(sentTo('mgr'));
    expect(sentTo('sam')).toHaveLength(1);
    expect(sentTo('mgr')).toHaveLength(1);
    expect(toSam).toContain('Record what you agreed');
    expect(toSam).toContain('Hi Sam');
    expect(toSam).toContain('with Morgan Lee');
    expect(toMorgan).toContain('with Sam Patel');
    expect(toSam).toContain(`/tab/#/conversations/sam/${record.id}`);
    expect(agreedCards().length - before).toBe(2);
  });

  it('a meeting that is not a booked conversation sends no card to record what was agreed', async () => {
    const before = agreedCards().length;
    const other = '19:meeting_b3RoZXI@thread.v2';
    const response = await postActivity(
      h.botUrl,
      meetingEnd(h.connector.url, other, `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(other)}/0`),
    );
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(agreedCards().length).toBe(before);
  });
});
