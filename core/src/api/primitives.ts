import { z } from 'zod';
import { isIsoDate } from '../time/dates.ts';
import { CONVERSATION_TYPES } from '../domain/conversations.ts';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Use a calendar date written as YYYY-MM-DD.' })
  .meta({ format: 'date' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Use a date and time in ISO 8601 with a zone.' });
export const id = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(128, 'At most 128 characters.')
  .regex(/^[A-Za-z0-9._:@|-]+$/, 'Use letters, digits and . _ : @ | - only.');
export const shortText = (max: number) => z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);
export const longText = (max: number) => z.string().max(max, `At most ${max} characters.`);
export const conversationType = z.enum(CONVERSATION_TYPES);
/** How many items one page of a list holds: 1–100 (50 when not given), refused with 400 beyond. */
export const pageSize = z.coerce
  .number()
  .int('Use a whole number of items.')
  .min(1, 'At least 1 item a page.')
  .max(100, 'At most 100 items a page: follow the continuation token for more.');
export const pageQuery = z.object({
  pageSize: pageSize.optional(),
  continuationToken: z.string().max(4096).optional(),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), continuationToken: z.string().optional() });

/** Every error response body (AppError mapped at the HTTP edge). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    correlationId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
