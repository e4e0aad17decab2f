import { afterAll, describe, expect, it } from 'vitest';
import { checkCard, closeCardRenderer, MAX_CARD_BYTES, verbsIn } from '@pc/testing/support/adaptive-cards.ts';
import { buildTeamDeckCard, type TeamDeckCardInput } from './team-deck-card.ts';

afterAll(closeCardRenderer);

const base: TeamDeckCardInput = {
  deckId: 'team-deck-1',
  status: 'open',
  position: 2,
  total: 9,
  prompt: {
    title: 'Wellbeing',
    prompt: 'What has helped you feel well at work lately?',
    followUps: ['What made the difference?'],
  },
  answers: [{ text: 'Flexible starts' }, { text: 'The new rota', authorName: 'Ali *Jones*' }],
  refreshIds: Array.from({ length: 75 }, (_, i) => `29:person-${String(i)}`),
};

const rendered = async (input: TeamDeckCardInput) => {
  const result = await checkCard(buildTeamDeckCard(input), expect.getState().currentTestName ?? 'card');
  expect(result.issues).toEqual([]);
  expect(result.bytes).toBeLessThan(MAX_CARD_BYTES);
  return result.renderedText;
};

describe('team deck card', () => {
  it('the shared card shows the prompt and the answers, a name only where chosen, and refreshes at most 60 people', async () => {
    const text = await rendered(base);
    expect(text).toContain('Card 3 of 9');
    expect(text).toContain('What has helped you feel well at work lately?');
    expect(text).toContain('"Flexible starts"');
    expect(text).toContain('Ali *Jones*: The new rota');
    expect(text).toContain('Show my name with my answer');
    const card = buildTeamDeckCard(base);
    expect(card.refresh?.userIds).toHaveLength(60);
    expect(card.refresh?.action.verb).toBe('teamDeck.refresh');
    expect(verbsIn(card)).toEqual(['teamDeck.answer', 'teamDeck.next', 'teamDeck.end', 'teamDeck.refresh']);
  });

  it('a person’s own view shows their answer and only the buttons they may use', async () => {
    const mine = {
      ...base,
      viewer: { answer: { text: 'Flexible starts', named: false }, mayDraw: true, isOrganiser: false },
    };
    const text = await rendered(mine);
    expect(text).toContain('You answered (without your name): Flexible starts');
    expect(verbsIn(buildTeamDeckCard(mine))).toEqual(['teamDeck.answer', 'teamDeck.next', 'teamDeck.refresh']);
    const waiting = { ...base, viewer: { mayDraw: false, isOrganiser: false }, notice: 'Answer this card first.' };
    expect(await rendered(waiting)).toContain('Answer this card first.');
    expect(verbsIn(buildTeamDeckCard(waiting))).toEqual(['teamDeck.answer', 'teamDeck.refresh']);
  });

  it('once ended, the organiser sees the themes without names and everyone else only that it ended', async () => {
    const ended = {
      ...base,
      status: 'ended' as const,
      themes: [{ title: 'Wellbeing', answers: ['Flexible starts', 'The new rota'] }],
    };
    const organiser = await rendered({ ...ended, viewer: { mayDraw: false, isOrganiser: true } });
    expect(organiser).toContain('This deck has ended after 3 of 9 cards.');
    expect(organiser).toContain('Themes from the team');
    expect(organiser).toContain('The new rota');
    expect(organiser).not.toContain('Ali');
    const member = await rendered({ ...ended, viewer: { mayDraw: false, isOrganiser: false } });
    expect(member).not.toContain('Themes from the team');
    expect(verbsIn(buildTeamDeckCard(ended))).toEqual(['teamDeck.refresh']);
  });
});
