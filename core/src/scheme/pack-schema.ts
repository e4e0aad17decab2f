import { z } from 'zod';
import { CONVERSATION_TYPES } from '../domain/conversations.ts';
import { SCHEME_IDS, STAFF_GROUPS } from '../domain/people.ts';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case');
const type = z.enum(CONVERSATION_TYPES);
const month = z.number().int().min(1).max(12);
const positive = z.number().int().positive();
const days = z.number().int().min(0);
const offset = z.union([z.object({ weeks: positive }).strict(), z.object({ months: positive }).strict()]);

const basis = z.union([
  z.literal('organisation-choice'),
  z.object({ policyRef: z.string().regex(/^\d{3} /) }).strict(),
]);

const cadence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('informal') }),
  z.object({
    kind: z.literal('agreed-frequency'),
    defaultEveryWeeks: positive,
    windowOpensDaysBefore: days,
    basis,
  }),
  z.object({
    kind: z.literal('at-least-every'),
    months: positive,
    countsAlso: z.array(type),
    windowOpensDaysBefore: days,
  }),
  z.object({
    kind: z.literal('rolling-annual'),
    firstAfterStart: offset,
    every: offset,
    windowOpensDaysBefore: days,
    probationFirst: z.boolean(),
    longLeave: z.object({ minDays: positive, arrangeWithinMonthsOfReturn: positive, minDaysBasis: basis }).optional(),
    basis,
  }),
  z.object({
    kind: z.literal('calendar-windows'),
    windows: z.array(z.object({ fromMonth: month, toMonth: month })).min(1),
    appliesFrom: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('employed-before-window') }),
      z.object({ kind: z.literal('months-after-start'), months: positive }),
    ]),
  }),
  z.object({ kind: z.literal('anniversary'), of: z.literal('incremental-date'), windowOpensMonthsBefore: days }),
  z.object({ kind: z.literal('every-n-months'), months: positive, anchor: z.literal('start-month') }),
  z.object({
    kind: z.literal('monthly'),
    suppressedInMonthsOf: type.optional(),
    pairMayAgreeMoreOften: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('after-start'),
    offsets: z.array(offset).min(1),
    windowOpensDaysBefore: days,
    outcome: z.object({ after: offset, basis }).optional(),
  }),
  z.object({ kind: z.literal('on-appointment'), dueWithinDays: positive, lookbackMonths: positive, basis }),
  z.object({ kind: z.literal('on-manager-change'), dueWithinDays: positive, basis }),
]);

const topic = z.object({
  id,
  title: text,
  description: text,
  strengthsPrompt: text,
  openQuestions: z.array(text).min(1),
  probingQuestions: z.array(text).min(1),
});

const period = z.object({ amount: positive, unit: z.enum(['working-days', 'calendar-days']) });
const value = z.object({ id, title: text, description: text });

/** The shape every scheme pack must have; used to check built-in packs and any an employer edits. */
export const schemePackSchema = z.object({
  id: z.enum(SCHEME_IDS),
  employer: text,
  schemeName: text,
  policy: z.string().regex(/^\d{3}$/),
  conversations: z
    .array(z.object({ type, label: text, description: text, cadence, policyRef: z.string().regex(/^\d{3} /) }))
    .min(1),
  topics: z.array(topic).min(1),
  topicsPerConversation: z.object({ min: positive, max: positive }),
  strengthsFirst: z.boolean(),
  annualReview: z
    .object({
      title: text,
      employeeDriven: z.boolean(),
      sections: z.array(
        z.object({
          id,
          title: text,
          guidance: text,
          timeSharePercent: z.number().min(0).max(100).optional(),
          parts: z.array(z.object({ id, title: text })).optional(),
        }),
      ),
    })
    .optional(),
  objectiveKinds: z.array(value).min(1),
  objectiveRecording: z.object({
    mode: z.enum(['expected', 'optional']),
    decidedBy: z.enum(['manager', 'pair']),
    requiredWhen: z.array(z.enum(['probation', 'acting-up'])),
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
      options: z
        .array(
          z.object({
            value: text,
            label: text,
            description: text,
            increment: z.boolean(),
            requiresShortfall: z.boolean(),
          }),
        )
        .min(2),
      bonus: z.object({ percentOfGradeRate: z.number().positive(), eligibleRatings: z.array(text) }).optional(),
      hiddenFromEmployeeUntil: z.literal('step-3-review').optional(),
      checkedBy: z.literal('grandparent').optional(),
    })
    .optional(),
  appeal: z
    .object({
      lodgeWith: z.enum(['grandparent', 'next-in-line-manager']),
      lodgeWithin: period,
      lodgeFrom: z.enum(['notification', 'conversation']),
      acknowledgeWithin: period.optional(),
      heardBy: z.enum(['grandparents-manager', 'next-in-line-manager']),
      present: text,
      decisionWithin: period.optional(),
      lodgeableByRepresentative: z.boolean(),
      grounds: z.array(text).min(1),
      final: z.boolean(),
      policyRef: text,
      variableByMutualConsent: z
        .object({ communicatedTo: z.literal('individual-and-representative'), policyRef: z.string().regex(/^\d{3} /) })
        .optional(),
    })
    .optional(),
  values: z.array(value),
  behaviourFramework: z.object({ title: text, themes: z.array(value).min(1) }).optional(),
  jobFamilies: z.array(z.object({ id, title: text, definition: text, typicalRoles: text })),
  questionBank: z.object({ open: z.array(text).min(1), probing: z.array(text).min(1) }),
  bigPicture: z.object({ owner: text, questions: z.array(z.object({ id, text })).min(1) }).optional(),
  preparation: z.object({ employee: z.array(text).min(1), manager: z.array(text).min(1) }),
  minimumRecord: z.array(z.enum(['issues-raised', 'actions-agreed'])),
  capabilityReferral: text,
  staffGroups: z
    .array(
      z.object({
        group: z.enum(STAFF_GROUPS),
        treatment: z.enum(['excluded', 'separate-arrangements']),
        note: z.string().regex(/^[A-Z].*\.$/, 'one sentence'),
        appliesTo: z.array(type).optional(),
        policyRef: z.string().regex(/^\d{3} /),
      }),
    )
    .optional(),
  regularFrequency: z
    .object({
      decidedBy: z.enum(['pair', 'manager']),
      choicesInWeeks: z.array(z.number().int().min(1).max(52)).min(1),
      policyRef: z.string().regex(/^\d{3} /),
      newToJob: z.object({ withinMonths: positive, basis }).optional(),
    })
    .optional(),
  deferralPlanReviews: z
    .object({ heldAs: type, windowOpensDaysBefore: positive, basis, policyRef: z.string().regex(/^\d{3} /) })
    .optional(),
  teamThemes: z
    .object({
      after: type,
      dueWithinDays: positive,
      collateWithinDays: positive,
      basis,
      collateAnnually: z.object({ basis }).optional(),
      policyRef: z.string().regex(/^\d{3} /),
    })
    .optional(),
  retention: z
    .object({
      rule: z.string().regex(/^[A-Z].*\.$/, 'one sentence'),
      archivedTo: text,
      keepYears: z.number().int().min(1).max(100).optional(),
      policyRef: z.string().regex(/^\d{3} /),
    })
    .optional(),
});
