import type { SmartLetter } from '../types.ts';

/** Plain SMART prompts for schemes whose policy names SMART without wording of its own. */
export const PLAIN_SMART_PROMPTS: Readonly<Record<SmartLetter, string>> = Object.freeze({
  specific: 'What exactly will be different when this is done, and who is it for?',
  measurable: 'How will you both know it has been done, and how well?',
  achievable: 'Is it within your control and realistic in the time available?',
  relevant: 'Which part of the job, team plan or council priority does it serve?',
  timeBound: 'By when will it be done, and what are the checkpoints on the way?',
});

export const capabilityReferral = (procedure: string): string =>
  `Concerns about capability are handled under the ${procedure}, not in this conversation. Speak to HR for advice.`;
