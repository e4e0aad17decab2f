import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { Employee, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { schemePacks } from '../scheme/packs/index.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import {
  answerTeamDeck,
  drawNextTeamCard,
  endTeamDeck,
  mayDrawNext,
  namesAnswersByDefault,
  sharedDeckCard,
  startTeamDeck,
  teamDeckById,
  teamDeckIdFor,
  type DeckActor,
} from './team-deck.ts';
import { teamDeckCards } from './team-deck-content.ts';
import {
  drawNextMeetingCard,
  endMeetingDeck,
  meetingDeck,
  showMeetingDeckInChat,
  startMeetingDeck,
} from './team-deck-meeting.ts';
import type { TeamDeckChat } from '../ports/team-deck.ts';
import { buildTeamDeckCard, DECK_NAMED_FIELD } from '../cards/team-deck-card.ts';
import { NO_NUDGE_SETTINGS_ETAG, saveMyNudgeSettings } from './nudges-settings.ts';

const T = 'tenant-d';
const CHAT = '19:meeting-abc@thread.v2';
const tenant: Tenant = {
  tenantId: T,
  name: 'Cumbria',
  schemeId: 'cumbria-vip',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const organiser: Employee = {
  tenantId: T,
  id: 'mgr',
  displayName: 'Morgan Lee',
  email: 'mgr@example.test',
  startDate: '2024-04-01',
  jobs: [],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
};
const actor = (id: string): DeckActor => ({ tenantId: T, userId: id, userName: `${id} Name`, mri: `29:${id}` });

const setup = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  await repos.employees.create(organiser);
  await repos.employees.create({ ...organiser, id: 'sam', displayName: 'Sam Patel', email: 'sam@example.test' });
  const deps: UseCaseDeps = { repos, clock: fixedClock('2027-05-10T09:00:00.000Z'), newId: () => 'unused' };
  const view = await startTeamDeck(deps, actor('mgr'), CHAT, 'start-1');
  return { deps, deckId: view.deck.id, view };
};

const refusal = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'none';
};

describe('team deck (policy 000 strengths first, 001/004 values and behaviours, 002 question banks)', () => {
  it('every scheme’s deck draws on its own topics, values or behaviours, and question bank', () => {
    for (const pack of Object.values(schemePacks)) {
      const ids = teamDeckCards(pack).map((c) => c.id);
      expect(ids.filter((id) => id.startsWith('topic:'))).toHaveLength(pack.topics.length);
      expect(ids.filter((id) => id.startsWith('question:'))).toHaveLength(pack.questionBank.open.length);
      expect(ids.filter((id) => id.startsWith('value:') || id.startsWith('behaviour:')).length).toBe(
        pack.values.length + (pack.behaviourFramework?.themes.length ?? 0),
      );
    }
  });

  it('starts once per conversation: a resent command or a second start while open shows the same deck', async () => {
    const { deps, view } = await setup();
    expect(view.deck).toMatchObject({ organiserId: 'mgr', position: 0, status: 'open', refreshIds: ['29:mgr'] });
    expect(view.card?.prompt).toBeTruthy();
    const again = await startTeamDeck(deps, actor('sam'), `${CHAT};messageid=123`, 'start-2');
    expect(again.deck.organiserId).toBe('mgr');
    expect(again.deck.id).toBe(view.deck.id);
  });

  it('an answer without a name keeps none; answering again changes it; a resend adds nothing', async () => {
    const { deps, deckId } = await setup();
    await answerTeamDeck(deps, actor('sam'), deckId, CHAT, { text: ' first ', named: false }, 'a1');
    await answerTeamDeck(deps, actor('sam'), deckId, CHAT, { text: 'first', named: false }, 'a1');
    const changed = await answerTeamDeck(deps, actor('sam'), deckId, CHAT, { text: 'second', named: true }, 'a2');
    expect(changed.deck.answers).toEqual([
      { cardId: changed.deck.cardIds[0], authorId: 'sam', text: 'second', authorName: 'sam Name', activityId: 'a2' },
    ]);
    expect(changed.deck.refreshIds).toEqual(['29:mgr', '29:sam']);
    expect(await refusal(answerTeamDeck(deps, actor('kim'), deckId, CHAT, { text: '  ', named: false }, 'a3'))).toBe(
      'validation',
    );
  });

  it('the organiser and those who answered may draw; two draws from the same card move it once', async () => {
    const { deps, deckId } = await setup();
    expect(await refusal(drawNextTeamCard(deps, actor('kim'), deckId, CHAT, 0))).toBe('forbidden');
    const { deck } = await answerTeamDeck(deps, actor('kim'), deckId, CHAT, { text: 'yes', named: false }, 'k1');
    expect(mayDrawNext(deck, 'kim')).toBe(true);
    await drawNextTeamCard(deps, actor('kim'), deckId, CHAT, 0);
    const second = await drawNextTeamCard(deps, actor('mgr'), deckId, CHAT, 0);
    expect(second.deck.position).toBe(1);
    expect(mayDrawNext(second.deck, 'kim')).toBe(false);
  });

  it('only the organiser ends it; the themes carry the words of each drawn card and no names', async () => {
    const { deps, deckId } = await setup();
    await answerTeamDeck(deps, actor('kim'), deckId, CHAT, { text: 'more pairing', named: true }, 'k1');
    expect(await refusal(endTeamDeck(deps, actor('kim'), deckId, CHAT))).toBe('forbidden');
    const ended = await endTeamDeck(deps, actor('mgr'), deckId, CHAT);
    expect(ended.deck.status).toBe('ended');
    expect(ended.themes).toEqual([{ title: ended.card?.title, prompt: ended.card?.prompt, answers: ['more pairing'] }]);
    expect(JSON.stringify(ended.themes)).not.toContain('kim');
    expect(await refusal(answerTeamDeck(deps, actor('sam'), deckId, CHAT, { text: 'late', named: false }, 's9'))).toBe(
      'validation',
    );
  });

  it('a deck is read only from the conversation it belongs to', async () => {
    const { deps, deckId } = await setup();
    expect(await refusal(teamDeckById(deps, actor('sam'), deckId, '19:another@thread.v2'))).toBe('not-found');
  });

  it('a new deck can start once the last one has ended', async () => {
    const { deps, deckId } = await setup();
    await endTeamDeck(deps, actor('mgr'), deckId, CHAT);
    const fresh = await startTeamDeck(deps, actor('mgr'), CHAT, 'start-3');
    expect(fresh.deck).toMatchObject({ status: 'open', startedBy: 'start-3', answers: [] });
  });

  it('the name toggle starts as the person chose on their settings page, until they answer', async () => {
    const { deps } = await setup();
    const nudges = { preparation: true, 'note-told': true, digest: true, deadline: true };
    const input = { nudges, channel: 'chat' as const, quietHours: null, namedAnswers: true };
    await saveMyNudgeSettings(deps, actor('sam'), input, NO_NUDGE_SETTINGS_ETAG);
    const toggle = async (id: string, answer?: { text: string; named: boolean }) => {
      const card = buildTeamDeckCard({
        deckId: 'd',
        status: 'open',
        position: 0,
        total: 3,
        answers: [],
        refreshIds: [],
        viewer: {
          ...(answer === undefined ? {} : { answer }),
          namedByDefault: await namesAnswersByDefault(deps, actor(id)),
          mayDraw: false,
          isOrganiser: false,
        },
      });
      const found = JSON.stringify(card).match(new RegExp(`"id":"${DECK_NAMED_FIELD}"[^}]*"value":"(\\w+)"`));
      return found?.[1];
    };
    expect(await toggle('sam')).toBe('true');
    expect(await toggle('mgr')).toBe('false');
    expect(await toggle('sam', { text: 'Flexible starts', named: false })).toBe('false');
  });
});

describe('a meeting’s team deck from its side panel and stage (the same deck as the meeting chat’s card)', () => {
  const MEETING = '19:meeting_xyz@thread.v2';
  const caller = (userId: string) => ({ tenantId: T, userId });
  /** The meeting chat's members as Graph lists them: Morgan and Sam (and, for the directory check, a stranger). */
  const inMeeting = async (members: readonly string[] = ['mgr', 'sam', 'stranger']) => {
    const { deps } = await setup();
    return { deps: { ...deps, meetingMembers: { membersOf: () => Promise.resolve(members) } } };
  };

  it('whoever starts it runs it: only they draw the next card and end it; everyone sees the same card', async () => {
    const { deps } = await inMeeting();
    expect(await meetingDeck(deps, caller('sam'), MEETING)).toEqual({ kind: 'none' });
    const started = await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    expect(started).toMatchObject({ kind: 'deck', status: 'open', number: 1, runsIt: true, mayDrawNext: true });
    const seen = await meetingDeck(deps, caller('sam'), MEETING);
    expect(seen).toMatchObject({ kind: 'deck', number: 1, runsIt: false, mayDrawNext: false });
    if (started.kind !== 'deck' || seen.kind !== 'deck') throw new Error('no deck');
    expect(seen.card?.title).toBe(started.card?.title);

    expect(await refusal(drawNextMeetingCard(deps, caller('sam'), MEETING, 1))).toBe('forbidden');
    expect(await refusal(endMeetingDeck(deps, caller('sam'), MEETING))).toBe('forbidden');
    expect(await drawNextMeetingCard(deps, caller('mgr'), MEETING, 1)).toMatchObject({ number: 2 });
    // A second press from the same card does not skip one.
    expect(await drawNextMeetingCard(deps, caller('mgr'), MEETING, 1)).toMatchObject({ number: 2 });
    expect(await meetingDeck(deps, caller('sam'), MEETING)).toMatchObject({ number: 2 });
  });

  it('ending gives everyone the themes without names, from answers given on the shared card', async () => {
    const { deps } = await inMeeting();
    await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    const id = teamDeckIdFor(T, MEETING);
    await answerTeamDeck(deps, actor('sam'), id, MEETING, { text: 'We back each other up', named: true }, 'act-1');
    expect(await meetingDeck(deps, caller('sam'), MEETING)).toMatchObject({ themes: [] });
    const ended = await endMeetingDeck(deps, caller('mgr'), MEETING);
    expect(ended).toMatchObject({ status: 'ended', themes: [{ answers: ['We back each other up'] }] });
    expect(JSON.stringify(await meetingDeck(deps, caller('sam'), MEETING))).not.toContain('sam Name');
    expect(await refusal(drawNextMeetingCard(deps, caller('mgr'), MEETING, 1))).toBe('validation');
    // A new deck starts after the old one ended, run by whoever starts it.
    expect(await startMeetingDeck(deps, caller('sam'), MEETING, undefined)).toMatchObject({
      status: 'open',
      runsIt: true,
      themes: [],
    });
  });

  it('someone of the organisation who is not in the meeting chat may neither read nor run its deck', async () => {
    const { deps } = await inMeeting(['mgr']);
    await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    for (const work of [
      meetingDeck(deps, caller('sam'), MEETING),
      startMeetingDeck(deps, caller('sam'), MEETING, 'key-2'),
      drawNextMeetingCard(deps, caller('sam'), MEETING, 1),
      endMeetingDeck(deps, caller('sam'), MEETING),
    ]) {
      expect(await refusal(work)).toBe('forbidden');
    }
    expect(await meetingDeck(deps, caller('mgr'), MEETING)).toMatchObject({ status: 'open', number: 1 });
  });

  it('without Graph, only those the app knows took part (whoever started the deck, whoever answered on its card) may', async () => {
    const { deps } = await setup();
    expect(await refusal(startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1'))).toBe('forbidden');
    await startTeamDeck(deps, actor('mgr'), MEETING, 'from-the-chat');
    expect(await meetingDeck(deps, caller('mgr'), MEETING)).toMatchObject({ runsIt: true });
    expect(await refusal(meetingDeck(deps, caller('sam'), MEETING))).toBe('forbidden');
    await answerTeamDeck(deps, actor('sam'), teamDeckIdFor(T, MEETING), MEETING, { text: 'Yes', named: false }, 'a');
    expect(await meetingDeck(deps, caller('sam'), MEETING)).toMatchObject({ runsIt: false });
  });

  it('someone outside the organisation’s directory is refused', async () => {
    const { deps } = await inMeeting();
    expect(await refusal(meetingDeck(deps, caller('stranger'), MEETING))).toBe('forbidden');
  });

  /** The same deck store, with where its cards are shown in the chat. */
  const withChat = (deps: UseCaseDeps, chat: TeamDeckChat): UseCaseDeps => {
    const decks = deps.repos.teamDecks;
    const teamDecks = {
      get: (tenantId: string, id: string) => decks.get(tenantId, id),
      create: (deck: Parameters<typeof decks.create>[0]) => decks.create(deck),
      replace: (deck: Parameters<typeof decks.replace>[0], etag: string) => decks.replace(deck, etag),
      chat,
    };
    return { ...deps, repos: { ...deps.repos, teamDecks } };
  };

  it('the meeting chat’s card follows: posted once when the chat has none, then updated in place, the themes without names at the end', async () => {
    const { deps: base } = await inMeeting();
    const shown: { kind: 'post' | 'update'; messageId?: string; card: string }[] = [];
    const chat: TeamDeckChat = {
      post: (_deck, card) => {
        shown.push({ kind: 'post', card: JSON.stringify(card) });
        return Promise.resolve({ messageId: 'msg-1', serviceUrl: 'https://smba.example/emea/' });
      },
      update: (deck, card) => {
        shown.push({ kind: 'update', messageId: deck.messageId, card: JSON.stringify(card) });
        return Promise.resolve();
      },
    };
    const deps = withChat(base, chat);
    await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    await showMeetingDeckInChat(deps, caller('mgr'), MEETING);
    const id = teamDeckIdFor(T, MEETING);
    expect((await deps.repos.teamDecks.get(T, id))?.item).toMatchObject({
      messageId: 'msg-1',
      serviceUrl: 'https://smba.example/emea/',
    });
    await drawNextMeetingCard(deps, caller('mgr'), MEETING, 1);
    await showMeetingDeckInChat(deps, caller('mgr'), MEETING);
    await answerTeamDeck(deps, actor('sam'), id, MEETING, { text: 'We back each other up', named: true }, 'act-1');
    await endMeetingDeck(deps, caller('mgr'), MEETING);
    await showMeetingDeckInChat(deps, caller('mgr'), MEETING);

    expect(shown.map((s) => [s.kind, s.messageId])).toEqual([
      ['post', undefined],
      ['update', 'msg-1'],
      ['update', 'msg-1'],
    ]);
    expect(shown[1]?.card).toMatch(/Card 2 of \d+/);
    expect(shown[2]?.card).toContain('Themes from the team');
    expect(shown[2]?.card).toContain('We back each other up');
    expect(shown[2]?.card).not.toContain('sam Name');
  });

  it('changes made while the first card is on its way post one card between them, which then catches up; a failed post leaves it to the next change', async () => {
    const { deps: base } = await inMeeting();
    let n = 0;
    const shown: { kind: 'post' | 'update'; card: string }[] = [];
    /** Posts on their way, each arriving when the test lets it. */
    const onTheirWay: (() => void)[] = [];
    let failNext = false;
    const chat: TeamDeckChat = {
      post: async (_deck, card) => {
        if (failNext) {
          failNext = false;
          throw new Error('Teams could not be reached');
        }
        shown.push({ kind: 'post', card: JSON.stringify(card) });
        // The card stays on its way until the test lets it arrive.
        await new Promise<void>((resolve) => onTheirWay.push(resolve));
        return { messageId: 'msg-1', serviceUrl: 'https://smba.example/emea/' };
      },
      update: (_deck, card) => {
        shown.push({ kind: 'update', card: JSON.stringify(card) });
        return Promise.resolve();
      },
    };
    const deps = { ...withChat(base, chat), newId: () => `claim-${String((n += 1))}` };
    await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    // The first post fails: the next change posts the card instead of waiting out the claim.
    failNext = true;
    await expect(showMeetingDeckInChat(deps, caller('mgr'), MEETING)).rejects.toThrow('Teams could not be reached');
    const first = showMeetingDeckInChat(deps, caller('mgr'), MEETING);
    await expect.poll(() => shown.length).toBe(1);
    // A draw while that card is on its way leaves the posting to it.
    await drawNextMeetingCard(deps, caller('mgr'), MEETING, 1);
    await showMeetingDeckInChat(deps, caller('mgr'), MEETING);
    expect(shown.map((s) => s.kind)).toEqual(['post']);
    for (const arrive of onTheirWay) arrive();
    await first;
    expect(shown.map((s) => s.kind)).toEqual(['post', 'update']);
    expect(shown[0]?.card).toMatch(/Card 1 of \d+/);
    expect(shown[1]?.card).toMatch(/Card 2 of \d+/);
    expect((await deps.repos.teamDecks.get(T, teamDeckIdFor(T, MEETING)))?.item).toMatchObject({ messageId: 'msg-1' });
    expect((await deps.repos.teamDecks.get(T, teamDeckIdFor(T, MEETING)))?.item.cardPosting).toBeUndefined();
  });

  it('an ended deck with no card in the chat posts none; outside a meeting chat the shared card keeps the themes to the organiser', async () => {
    const { deps: base } = await inMeeting();
    const calls: string[] = [];
    const chat: TeamDeckChat = {
      post: () => {
        calls.push('post');
        return Promise.resolve({ messageId: 'm', serviceUrl: 's' });
      },
      update: () => {
        calls.push('update');
        return Promise.resolve();
      },
    };
    const deps = withChat(base, chat);
    await startMeetingDeck(deps, caller('mgr'), MEETING, 'key-1');
    await endMeetingDeck(deps, caller('mgr'), MEETING);
    await showMeetingDeckInChat(deps, caller('mgr'), MEETING);
    expect(calls).toEqual([]);

    const { deps: channel, deckId } = await setup();
    await answerTeamDeck(channel, actor('sam'), deckId, CHAT, { text: 'Rota went well', named: false }, 'a-1');
    const ended = await endTeamDeck(channel, actor('mgr'), deckId, CHAT);
    expect(JSON.stringify(sharedDeckCard(ended))).not.toContain('Rota went well');
  });
});
