import { z } from 'zod';

export const base = '/api/v1';
export const person = `${base}/people/:personId`;
export const ok = z.object({ ok: z.literal(true) });
export const empty = z.object({}).strict();
