/**
 * The scheme pack as the tab needs it. There is no route for it in the shared table yet; this is
 * the shape the tab expects from `GET /api/v1/scheme` (the caller's tenant's pack). It is a subset
 * of core's SchemePack, so the server may send the whole pack: unknown fields are ignored.
 */
import { z } from 'zod';
import { conversationType } from '@pc/core/api';

const text = z.string();
const named = z.object({ id: text, title: text, description: text });

export const schemeResponse = z.object({
  id: text,
  employer: text,
  schemeName: text,
  policy: text,
  conversations: z.array(z.object({ type: conversationType, label: text, description: text, policyRef: text })),
  topics: z.array(
    z.object({
      id: text,
      title: text,
      description: text,
      strengthsPrompt: text,
      openQuestions: z.array(text),
      probingQuestions: z.array(text),
    }),
  ),
  topicsPerConversation: z.object({ min: z.number().int(), max: z.number().int() }),
  strengthsFirst: z.boolean(),
  annualReview: z
    .object({
      title: text,
      employeeDriven: z.boolean(),
      sections: z.array(z.object({ id: text, title: text, guidance: text, timeSharePercent: z.number().optional() })),
    })
    .optional(),
  objectiveKinds: z.array(named),
  objectiveRecording: z.object({
    mode: z.enum(['expected', 'optional']),
    decidedBy: z.enum(['manager', 'pair']),
    note: text,
  }),
  smartPrompts: z.object({ specific: text, measurable: text, achievable: text, relevant: text, timeBound: text }),
  measures: z.array(
    z.object({
      kind: z.enum(['quality', 'quantity', 'timeliness', 'manner', 'method', 'cost']),
      title: text,
      prompt: text,
    }),
  ),
  ratingScale: z
    .object({
      setBy: z.enum(['manager', 'agreed']),
      options: z.array(
        z.object({
          value: text,
          label: text,
          description: text,
          increment: z.boolean(),
          requiresShortfall: z.boolean(),
        }),
      ),
    })
    .optional(),
  appeal: z
    .object({
      lodgeWith: z.enum(['grandparent', 'next-in-line-manager']),
      lodgeWithin: z.object({ amount: z.number(), unit: z.enum(['working-days', 'calendar-days']) }),
      lodgeableByRepresentative: z.boolean(),
      grounds: z.array(text),
      policyRef: text,
    })
    .optional(),
  preparation: z.object({ employee: z.array(text), manager: z.array(text) }),
  minimumRecord: z.array(z.enum(['issues-raised', 'actions-agreed'])),
  capabilityReferral: text,
});
export type SchemeResponse = z.output<typeof schemeResponse>;
