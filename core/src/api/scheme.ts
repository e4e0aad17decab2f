import { z } from 'zod';
import { SCHEME_IDS } from '../domain/people.ts';
import { conversationType } from './primitives.ts';

const named = z.object({ id: z.string(), title: z.string(), description: z.string() });

const conversationRule = z.object({
  type: conversationType,
  label: z.string(),
  description: z.string(),
  policyRef: z.string(),
});

/** What the tab needs of the caller's scheme pack; field names follow core's SchemePack. */
export const schemeView = z.object({
  id: z.enum(SCHEME_IDS),
  schemeId: z.enum(SCHEME_IDS),
  schemeName: z.string(),
  employer: z.string(),
  policy: z.string(),
  conversations: z.array(conversationRule),
  /** The same list, marking the informal types nothing is ever due for. */
  conversationTypes: z.array(conversationRule.extend({ informal: z.boolean() })),
  topics: z.array(
    named.extend({
      strengthsPrompt: z.string(),
      openQuestions: z.array(z.string()),
      probingQuestions: z.array(z.string()),
    }),
  ),
  topicsPerConversation: z.object({ min: z.number().int(), max: z.number().int() }),
  strengthsFirst: z.boolean(),
  annualReview: z
    .object({
      title: z.string(),
      employeeDriven: z.boolean(),
      sections: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          guidance: z.string(),
          timeSharePercent: z.number().optional(),
        }),
      ),
    })
    .optional(),
  objectiveKinds: z.array(named),
  objectiveRecording: z.object({
    mode: z.enum(['expected', 'optional']),
    decidedBy: z.enum(['manager', 'pair']),
    requiredWhen: z.array(z.string()),
    note: z.string(),
  }),
  smartPrompts: z.object({
    specific: z.string(),
    measurable: z.string(),
    achievable: z.string(),
    relevant: z.string(),
    timeBound: z.string(),
  }),
  measures: z.array(z.object({ kind: z.string(), title: z.string(), prompt: z.string() })),
  ratingScale: z
    .object({
      setBy: z.enum(['manager', 'agreed']),
      options: z.array(
        z.object({
          value: z.string(),
          label: z.string(),
          description: z.string(),
          increment: z.boolean(),
          requiresShortfall: z.boolean(),
        }),
      ),
      bonus: z.object({ percentOfGradeRate: z.number(), eligibleRatings: z.array(z.string()) }).optional(),
    })
    .optional(),
  appeal: z
    .object({
      lodgeWith: z.enum(['grandparent', 'next-in-line-manager']),
      lodgeWithin: z.object({ amount: z.number(), unit: z.enum(['working-days', 'calendar-days']) }),
      lodgeableByRepresentative: z.boolean(),
      grounds: z.array(z.string()),
      policyRef: z.string(),
    })
    .optional(),
  values: z.array(named),
  bigPicture: z
    .object({ owner: z.string(), questions: z.array(z.object({ id: z.string(), text: z.string() })) })
    .optional(),
  preparation: z.object({ employee: z.array(z.string()), manager: z.array(z.string()) }),
  minimumRecord: z.array(z.string()),
  capabilityReferral: z.string(),
  /** Who settles how often regular conversations happen, and the choices a record offers (000, 001, 003, 004). */
  regularFrequency: z
    .object({ decidedBy: z.enum(['pair', 'manager']), choicesInWeeks: z.array(z.number()), policyRef: z.string() })
    .optional(),
  /** Team Themes (000): each heading's prompt as the organisation worded it. */
  teamThemes: z.object({ headings: z.array(z.object({ id: z.string(), prompt: z.string() })).optional() }).optional(),
});
export type SchemeView = z.output<typeof schemeView>;
