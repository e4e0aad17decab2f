/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
/**
 * Issue #22, a meeting's team deck over the API: only the people in the meeting may read it (the
 * card showing, and once ended the themes from the answers) or run it. Who is in the meeting is
 * the meeting chat's members as Microsoft Graph lists them (the fake Graph serves a booked
 * conversation's meeting from its invitation, and a team's meeting as set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, bookTeamsMeeting, REFERENCE_DATE, who, type Reply } from './api-helpers.ts';

// Assembly Secretariat (tenant 5, policy 004): manager 6 has 18–21.
const manager = who(5, 6);
const colleague = who(5, 19);
const teammate = who(5, 20);
const TEAM_CHAT = '19:meeting_secretariat-away-day@thread.v2';
const REFUSAL = 'Only the people in this meeting can see or run its deck of conversation starters.';

describe('a meeting’s team deck is for the people in the meeting only', () => {
  let stack: Stack;
  let bookedChat = '';
  const deckPath = (chat: string, action = '') => `/api/v1/meetings/${encodeURIComponent(chat)}/deck${action}`;
  const read = (as: string, chat: string) => api(stack, as, 'GET', deckPath(chat));
  const start = (as: string, chat: string) => api(stack, as, 'POST', deckPath(chat));
  const next = (as: string, chat: string, number: number) =>
    api(stack, as, 'POST', deckPath(chat, '/next'), { body: { number } });
  const end = (as: string, chat: string) => api(stack, as, 'POST', deckPath(chat, '/end'));
  const expectRefused = (reply: Reply) => {
    expect(reply.status).toBe(403);
    expect(reply.json.error.code).toBe('forbidden');
    expect(reply.json.error.message).toBe(REFUSAL);
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    ({ chatId: bookedChat } = await bookTeamsMeeting(stack, manager, {
      employeeId: colleague,
      start: '2027-05-05T09:00:00.000Z',
      end: '2027-05-05T10:00:00.000Z',
      agenda: ['Casework'],
    }));
    stack.graph.setChatMembers(TEAM_CHAT, [manager, colleague, who(5, 21)]);
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  });

  it('in a booked conversation’s meeting, the pair read and run the deck; a colleague outside it is refused at every step', async () => {
    expect((await read(colleague, bookedChat)).json).toEqual({ kind: 'none' });
    expectRefused(await read(teammate, bookedChat));
    expectRefused(await start(teammate, bookedChat));
    expect((await read(colleague, bookedChat)).json).toEqual({ kind: 'none' });

    const started = await start(colleague, bookedChat);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ kind: 'deck', status: 'open', number: 1, runsIt: true });
    expectRefused(await read(teammate, bookedChat));
    expectRefused(await next(teammate, bookedChat, 1));
    expectRefused(await end(teammate, bookedChat));
    const seenByManager = await read(manager, bookedChat);
    expect(seenByManager.json).toMatchObject({ kind: 'deck', status: 'open', number: 1, runsIt: false });

    expect((await next(colleague, bookedChat, 1)).json).toMatchObject({ number: 2 });
    const ended = await end(colleague, bookedChat);
    expect(ended.json).toMatchObject({ kind: 'deck', status: 'ended' });
    const afterEnd = await read(teammate, bookedChat);
    expectRefused(afterEnd);
    expect(afterEnd.text).not.toContain('themes');

    // Graph was asked who is in the meeting, with the app's own token.
    const asked = stack.graph.requests().filter((r) => r.path.includes('/chats/') && r.path.endsWith('/members'));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('in a team’s meeting, its members start and read the deck; someone outside it, or a chat Graph does not know, is refused', async () => {
    const started = await start(who(5, 21), TEAM_CHAT);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ kind: 'deck', status: 'open', runsIt: true });
    expect((await read(manager, TEAM_CHAT)).json).toMatchObject({ kind: 'deck', runsIt: false });
    expectRefused(await read(teammate, TEAM_CHAT));
    expectRefused(await next(teammate, TEAM_CHAT, 1));
    expectRefused(await end(teammate, TEAM_CHAT));
    expectRefused(await start(manager, '19:meeting_nobody-knows@thread.v2'));
  });
});
