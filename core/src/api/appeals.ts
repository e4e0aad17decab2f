import { z } from 'zod';
import { conversationType, id, isoDate, isoDateTime, shortText } from './primitives.ts';

/** Appeals against reviews (002 Appendix 6, 003 §5.10) and HR's disagreement cases (004). */

export const appealParams = z.object({ appealId: id });
export const appealListQuery = z.object({
  /** Only appeals not yet decided (HR's queue). */
  open: z.enum(['true', 'false']).optional(),
});

export const appealLodgeInput = z.object({
  personId: id,
  conversationId: id,
  grounds: shortText(8000),
  /** The trade union representative lodging it on the employee's behalf (002), by name. */
  representative: shortText(200).optional(),
  /** Bexley counts from formal notification of the outcome (002); absent, the rating's release. */
  notifiedOn: isoDate.optional(),
});

export const hearingInput = z.object({
  on: isoDate,
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time of day written as HH:MM.'),
  hrPresentId: id,
  others: z.array(shortText(200)).max(10).default([]),
});

export const decisionInput = z.object({
  outcome: z.enum(['upheld', 'not-upheld']),
  text: shortText(8000),
});

export const extensionInput = z.object({
  workingDays: z.number().int('Use a whole number of working days.').min(1).max(30),
  reason: shortText(1000),
});
export const extensionParams = z.object({ appealId: id, extensionId: id });

const deadline = z.object({
  step: z.enum(['lodge', 'acknowledge', 'decide']),
  by: isoDate,
  doneOn: isoDate.optional(),
  overdue: z.boolean(),
});

export const appealView = z.object({
  id: z.string(),
  etag: z.string(),
  scheme: z.string(),
  policyRef: z.string(),
  employeeId: z.string(),
  conversationId: z.string(),
  conversationType,
  conversationDate: isoDate,
  managerIds: z.array(z.string()),
  lodgeWithId: z.string().optional(),
  hearerId: z.string().optional(),
  lodgedOn: isoDate,
  lodgedInTime: z.boolean(),
  representative: z.string().optional(),
  stage: z.enum(['lodged', 'acknowledged', 'hearing-recorded', 'decided']),
  final: z.boolean(),
  roles: z.array(z.enum(['appellant', 'lodged-with', 'hearer', 'hr', 'manager'])),
  /** Only for the appellant, the person it was lodged with, the hearer and HR. */
  grounds: z.string().optional(),
  hearing: z
    .object({
      on: isoDate,
      at: z.string(),
      hrPresentId: z.string(),
      others: z.array(z.string()),
      recordedBy: z.string(),
    })
    .optional(),
  extensions: z.array(
    z.object({
      id: z.string(),
      workingDays: z.number(),
      reason: z.string(),
      proposedBy: z.string(),
      proposedOn: isoDate,
      agreedBy: z.string().optional(),
      agreedOn: isoDate.optional(),
    }),
  ),
  decision: z
    .object({
      on: isoDate,
      by: z.string(),
      outcome: z.enum(['upheld', 'not-upheld']),
      text: z.string().optional(),
    })
    .optional(),
  deadlines: z.array(deadline),
  may: z.object({
    acknowledge: z.boolean(),
    recordHearing: z.boolean(),
    decide: z.boolean(),
    proposeExtension: z.boolean(),
    agreeExtension: z.string().optional(),
  }),
});
export const appealList = z.object({ items: z.array(appealView.omit({ grounds: true, etag: true })) });

export const disagreementParams = z.object({ disagreementId: id });
export const disagreementStepInput = z.object({ step: z.enum(['form-sent', 'closed']) });
export const disagreementView = z.object({
  id: z.string(),
  etag: z.string(),
  employeeId: z.string(),
  conversationId: z.string(),
  conversationType,
  conversationDate: isoDate,
  managerIds: z.array(z.string()),
  recordedAt: isoDateTime,
  stage: z.enum(['open', 'form-sent', 'closed']),
  formSentOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  handledBy: z.string().optional(),
  recordStatus: z.enum(['booked', 'held', 'agreed', 'cancelled', 'missing']),
  countsAsHeld: z.boolean(),
});
export const disagreementList = z.object({ items: z.array(disagreementView) });
