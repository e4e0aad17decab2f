import type { SchemePack } from '../scheme/types.ts';

/** One card of a team deck: a prompt the whole team talks about, drawn from the scheme's own words. */
export interface TeamDeckCard {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  /** Questions to keep the talk going. */
  readonly followUps: readonly string[];
}

/**
 * The team deck of a scheme, in drawing order: its strengths-first topics (000 "Making
 * Conversations Count"), its values and leadership behaviours (001, 004), then its open
 * questions (002 question banks). Each card keeps the scheme's own wording.
 */
export const teamDeckCards = (pack: SchemePack): TeamDeckCard[] => {
  const valueCard = (kind: string, v: { id: string; title: string; description: string }): TeamDeckCard => ({
    id: `${kind}:${v.id}`,
    title: v.title,
    prompt: `Where have we seen this in our team lately? ${v.description}`,
    followUps: pack.questionBank.probing.slice(0, 2),
  });
  return [
    ...pack.topics.map((t) => ({
      id: `topic:${t.id}`,
      title: t.title,
      prompt: t.strengthsPrompt,
      followUps: [...t.openQuestions.slice(0, 1), ...t.probingQuestions.slice(0, 1)],
    })),
    ...pack.values.map((v) => valueCard('value', v)),
    ...(pack.behaviourFramework?.themes ?? []).map((v) => valueCard('behaviour', v)),
    ...pack.questionBank.open.map((q, i) => ({
      id: `question:${String(i)}`,
      title: 'An open question',
      prompt: q,
      followUps: pack.questionBank.probing.slice(0, 1),
    })),
  ];
};
