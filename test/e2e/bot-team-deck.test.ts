/**
 * Issue #22, team conversation starters: one shared card in a channel or meeting chat that
 * everyone acts on (Universal Actions), each person refreshing to their own view, "next card"
 * updating the card for everyone, answers without names unless chosen, and the organiser ending
 * it with a summary of themes. Real HTTP, a fake Bot Connector and a Cosmos server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { cardExecute, postActivity, textMessage, type TeamsUser } from '../fakes/connector/teams-activities.ts';

const TENANT = '66666666-6666-4666-8666-666666666666';
const CHANNEL = '19:team-deck@thread.tacv2';
const user = (aadObjectId: string, name: string): TeamsUser => ({ tenantId: TENANT, aadObjectId, name });
const morgan = user('mgr', 'Morgan Lee');
const sam = user('sam', 'Sam Patel');
const ali = user('ali', 'Ali Jones');
const kim = user('kim', 'Kim Shaw');
const jo = user('jo', 'Jo Reid');

type Card = {
  body: Record<string, unknown>[];
  actions?: { title: string; data?: Record<string, unknown> }[];
  refresh?: { userIds: string[] };
};

const json = (value: unknown): string => JSON.stringify(value);
const titles = (card: Card): string[] => (card.actions ?? []).map((a) => a.title);

describe('Teams bot: a team deck of conversation starters, shared in a channel', () => {
  let h: BotHarness;
  let deckId = '';
  const inChannel = <T extends { conversation: object }>(activity: T): T => ({
    ...activity,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
  });
  const act = async (who: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const response = await postActivity(
      h.botUrl,
      inChannel(cardExecute({ serviceUrl: h.connector.url, user: who }, verb, { deckId, ...data })),
    );
    expect(response.status).toBe(200);
    return (response.body as { value: Card }).value;
  };
  const position = (card: Card): unknown => card.actions?.[0]?.data?.position;
  const lastUpdate = (): Card => {
    const update = h.connector.updates.at(-1);
    const attachments = update?.activity.attachments as { content: Card }[] | undefined;
    if (attachments?.[0] === undefined) throw new Error('the shared card was never updated');
    return attachments[0].content;
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [TENANT] });
    await h.store.tenants.put({
      tenantId: TENANT,
      name: 'Cumbria',
      schemeId: 'cumbria-vip',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    await h.store.employees.create(employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee' }));
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('"team starters" in a channel posts one shared card that starts from the scheme’s own strengths-first starters', async () => {
    await postActivity(
      h.botUrl,
      inChannel(textMessage({ serviceUrl: h.connector.url, user: morgan }, 'team starters')),
    );
    const posted = h.connector.activities.filter((a) => a.conversationId === CHANNEL);
    expect(posted).toHaveLength(1);
    const card = h.connector.cards().at(-1) as Card;
    expect(json(card)).toContain('Team conversation starter');
    expect(json(card)).toMatch(/Card 1 of \d+/);
    expect(card.refresh?.userIds).toEqual(['29:mgr']);
    expect(titles(card)).toEqual(['Share', 'Next card', 'End and summarise']);
    deckId = String(card.actions?.[0]?.data?.deckId);
    expect(deckId).toMatch(/^team-deck-/);
  });

  it('two people answer; each gets their own view back, and the shared card shows a name only where one was chosen', async () => {
    const samView = await act(sam, 'teamDeck.answer', {
      position: 0,
      deckAnswer: 'We covered the rota well',
      deckNamed: 'false',
    });
    const aliView = await act(ali, 'teamDeck.answer', { position: 0, deckAnswer: 'Morgan listens', deckNamed: 'true' });
    expect(json(samView)).toContain('You answered** (without your name): We covered the rota well');
    expect(json(samView)).not.toContain('End and summarise');
    expect(titles(samView)).toContain('Next card');
    expect(json(aliView)).toContain('You answered** (with your name): Morgan listens');

    const shared = lastUpdate();
    expect(h.connector.updates.every((u) => u.conversationId === CHANNEL)).toBe(true);
    expect(json(shared)).toContain('2 answers so far');
    expect(json(shared)).toContain('\\"We covered the rota well\\"');
    expect(json(shared)).toContain('**Ali Jones:** Morgan listens');
    expect(json(shared)).not.toContain('Sam Patel');
    expect(shared.refresh?.userIds).toEqual(['29:mgr', '29:sam', '29:ali']);
  });

  it('each person’s refresh shows their own answer; someone who has not answered may not draw the next card', async () => {
    const samRefresh = await act(sam, 'teamDeck.refresh', { position: 0 });
    const aliRefresh = await act(ali, 'teamDeck.refresh', { position: 0 });
    expect(json(samRefresh)).toContain('You answered** (without your name): We covered the rota well');
    expect(json(samRefresh)).not.toContain('You answered** (with your name)');
    expect(json(aliRefresh)).toContain('You answered** (with your name): Morgan listens');

    const kimRefresh = await act(kim, 'teamDeck.refresh', { position: 0 });
    expect(titles(kimRefresh)).toEqual(['Share']);
    const refused = await act(kim, 'teamDeck.next', { position: 0 });
    expect(json(refused)).toContain('Answer this card first; then you can draw the next one.');
    expect(position(refused)).toBe(0);
    const organiser = await act(morgan, 'teamDeck.refresh', { position: 0 });
    expect(titles(organiser)).toEqual(['Share', 'Next card', 'End and summarise']);
  });

  it('"next card" moves the deck on by one for everyone, even when two press it at once', async () => {
    const updatesBefore = h.connector.updates.length;
    const [first, second] = await Promise.all([
      act(sam, 'teamDeck.next', { position: 0 }),
      act(ali, 'teamDeck.next', { position: 0 }),
    ]);
    expect(position(first)).toBe(1);
    expect(position(second)).toBe(1);
    expect(h.connector.updates.length).toBeGreaterThan(updatesBefore);
    const shared = lastUpdate();
    expect(json(shared)).toMatch(/Card 2 of \d+/);
    expect(json(shared)).toContain('No answers yet');
    expect(h.connector.updates.at(-1)?.activityId).toBe(
      h.connector.activities.find((a) => a.conversationId === CHANNEL)?.id,
    );
    // On the new card Sam has not answered yet, so may not draw again.
    expect(titles(await act(sam, 'teamDeck.refresh', { position: 1 }))).toEqual(['Share']);
  });

  it('three people answering at the same moment all land', async () => {
    await Promise.all([
      act(kim, 'teamDeck.answer', { position: 1, deckAnswer: 'Kim: more pairing', deckNamed: 'false' }),
      act(jo, 'teamDeck.answer', { position: 1, deckAnswer: 'Jo: clearer priorities', deckNamed: 'false' }),
      act(sam, 'teamDeck.answer', { position: 1, deckAnswer: 'Sam: fewer meetings', deckNamed: 'false' }),
    ]);
    const view = await act(morgan, 'teamDeck.refresh', { position: 1 });
    expect(json(view)).toContain('3 answers so far');
    for (const words of ['Kim: more pairing', 'Jo: clearer priorities', 'Sam: fewer meetings']) {
      expect(json(view)).toContain(words);
    }
  });

  it('only the organiser can end it, and they get the themes without names; the shared card says it has ended', async () => {
    const refused = await act(sam, 'teamDeck.end', { position: 1 });
    expect(json(refused)).toContain('Only the person who started this deck can end it.');
    const summary = await act(morgan, 'teamDeck.end', { position: 1 });
    expect(json(summary)).toContain('Themes from the team');
    expect(json(summary)).toContain('We covered the rota well');
    expect(json(summary)).toContain('Morgan listens');
    expect(json(summary)).toContain('Jo: clearer priorities');
    expect(json(summary)).not.toContain('Ali Jones');
    const shared = lastUpdate();
    expect(json(shared)).toContain('This deck has ended after 2 of');
    expect(json(shared)).not.toContain('Themes from the team');
    const late = await act(kim, 'teamDeck.answer', { position: 1, deckAnswer: 'too late', deckNamed: 'false' });
    expect(json(late)).toContain('This deck has ended');
  });

  it('in a personal chat, "team starters" explains where it works instead of starting a deck', async () => {
    const before = h.connector.updates.length;
    await postActivity(h.botUrl, textMessage({ serviceUrl: h.connector.url, user: morgan }, 'team starters'));
    expect(json(h.connector.cards().at(-1))).toContain('Team starters are for the whole team');
    expect(h.connector.updates).toHaveLength(before);
  });
});
