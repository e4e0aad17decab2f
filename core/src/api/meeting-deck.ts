import { z } from 'zod';

/**
 * A meeting's team deck of conversation starters, as the side panel and the stage show it:
 * the card showing, whether the caller runs the deck, and once ended the themes without names.
 */
export const meetingDeck = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('deck'),
    status: z.enum(['open', 'ended']),
    number: z.number().int().min(1),
    total: z.number().int().min(0),
    card: z.object({ title: z.string(), prompt: z.string(), followUps: z.array(z.string()) }).optional(),
    runsIt: z.boolean(),
    mayDrawNext: z.boolean(),
    themes: z.array(z.object({ title: z.string(), prompt: z.string(), answers: z.array(z.string()) })),
  }),
]);

/** The card the organiser saw: two presses at once move the deck on by one card. */
export const meetingDeckNext = z.object({ number: z.number().int().min(1) });
