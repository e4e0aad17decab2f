import { z } from 'zod';
import { conversationType, id, isoDate, isoDateTime, longText, pageQuery, shortText } from './primitives.ts';

/** Which types a colleague may write up for themselves, so a page offers only those (004). */
export { mayRecordHeld } from '../rules/record-lifecycle.ts';

const actionItem = z.object({
  id,
  text: shortText(500),
  owner: z.enum(['employee', 'manager', 'both']),
  dueDate: isoDate.optional(),
  done: z.boolean().default(false),
});
const agendaItem = z.object({
  id,
  text: shortText(500),
  source: z.enum(['carried-over', 'feedback', 'employee', 'manager', 'scheme']),
  sourceId: z.string().optional(),
});

/** The fields of a record as a person writes them, with no defaults (a patch must never fill any in). */
const conversationFields = z.object({
  type: conversationType.exclude(['in-the-moment']),
  date: isoDate,
  jobIds: z.array(id).max(4).optional(),
  topics: z.array(shortText(64)).max(6),
  sections: z.record(z.string().max(64), longText(8000)),
  notes: longText(20000),
  issuesRaised: z.array(shortText(1000)).max(50),
  actionsAgreed: z.array(actionItem).max(50),
  agenda: z.array(agendaItem).max(50),
  forwardLooking: z.boolean().optional(),
  /**
   * How often the pair will hold regular conversations from now on, in weeks: one of the scheme's
   * choices. It takes effect once both agree the record, or at once where the manager decides (000).
   */
  agreedRegularEveryWeeks: z.number().int().min(1).max(52).optional(),
});
const f = conversationFields.shape;

/** Recording a conversation that has happened (or filling one that was booked). */
export const conversationInput = conversationFields.extend({
  topics: f.topics.default([]),
  sections: f.sections.default({}),
  notes: f.notes.default(''),
  issuesRaised: f.issuesRaised.default([]),
  actionsAgreed: f.actionsAgreed.default([]),
  agenda: f.agenda.default([]),
});
export type ConversationInput = z.infer<typeof conversationInput>;

/** Only what the caller sent changes; everything else on the record stays as it is. */
export const conversationPatch = conversationFields
  .omit({ type: true })
  .partial()
  .extend({
    status: z.enum(['held', 'cancelled']).optional(),
    rating: z
      .object({
        value: shortText(16),
        shortfall: longText(4000).optional(),
        bonusRecommended: z.boolean().optional(),
      })
      .optional(),
  });
export type ConversationPatch = z.infer<typeof conversationPatch>;

export const disagreementInput = z.object({ text: shortText(8000) });
export const appealInput = z.object({
  grounds: shortText(8000),
  lodgedByRepresentative: z.boolean().default(false),
  /** Bexley counts from formal notification of the decision (002). */
  notifiedOn: isoDate.optional(),
});
export const exceptionalAccessInput = z.object({
  category: z.enum(['serious-incident', 'capability', 'disciplinary', 'audit']),
  text: shortText(1000),
});

const rating = z.object({
  value: z.string(),
  shortfall: z.string().optional(),
  bonusRecommended: z.boolean().optional(),
  releasedToEmployeeAt: isoDateTime.optional(),
  /** 002 Step 3: the grandparent agreed it, or returned it to the manager with the reason. */
  review: z
    .object({
      outcome: z.enum(['agreed', 'returned']),
      by: z.string(),
      at: isoDateTime,
      note: z.string().optional(),
    })
    .optional(),
});

export const conversationFull = z.object({
  kind: z.literal('full'),
  etag: z.string(),
  record: z.object({
    id: z.string(),
    employeeId: z.string(),
    managerIds: z.array(z.string()),
    jobIds: z.array(z.string()),
    type: conversationType,
    status: z.enum(['booked', 'held', 'agreed', 'cancelled']),
    date: isoDate,
    booking: z
      .object({
        bookedBy: z.string(),
        start: isoDateTime,
        end: isoDateTime,
        eventIds: z.record(z.string(), z.string()),
        onlineMeetingUrl: z.string().optional(),
        /** Who of the pair declined the invitation in Outlook. */
        declinedBy: z.array(z.string()).optional(),
        /** The last change made in Outlook itself that the record followed. */
        changedInCalendar: z.object({ kind: z.enum(['moved', 'cancelled', 'declined']), at: isoDateTime }).optional(),
      })
      .optional(),
    topics: z.array(z.string()),
    sections: z.record(z.string(), z.string()),
    notes: z.string(),
    issuesRaised: z.array(z.string()),
    actionsAgreed: z.array(actionItem),
    agenda: z.array(agendaItem),
    agreement: z.object({ employeeAgreedAt: isoDateTime.optional(), managerAgreedAt: isoDateTime.optional() }),
    disagreement: z.object({ recordedAt: isoDateTime, text: z.string() }).optional(),
    rating: rating.optional(),
    appeal: z
      .object({
        lodgedOn: isoDate,
        lodgedBy: z.string(),
        lodgedByRepresentative: z.boolean(),
        grounds: z.string().optional(),
        hearerId: z.string().optional(),
        acknowledgeBy: isoDate.optional(),
        hearingOn: isoDate.optional(),
        decisionDueBy: isoDate.optional(),
      })
      .optional(),
    forwardLooking: z.boolean().optional(),
    agreedRegularEveryWeeks: z.number().int().optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    /** Who made the latest change, so a conflict can say who changed the record. */
    updatedBy: z.string().optional(),
  }),
});
export const conversationFacts = z.object({
  kind: z.literal('facts'),
  /** Present on a single record's facts, so a reviewer above the manager can release its rating (002 Step 3). */
  etag: z.string().optional(),
  facts: z.object({
    id: z.string(),
    employeeId: z.string(),
    managerIds: z.array(z.string()),
    jobIds: z.array(z.string()),
    type: conversationType,
    status: z.enum(['booked', 'held', 'agreed', 'cancelled']),
    date: isoDate,
    agreedByBoth: z.boolean(),
    disagreementRecorded: z.boolean(),
    appealLodgedOn: isoDate.optional(),
    rating: rating.optional(),
  }),
});
export const conversationView = z.discriminatedUnion('kind', [conversationFull, conversationFacts]);

export const appealWindow = z.object({
  allowed: z.boolean(),
  lodgeBy: isoDate.optional(),
  to: z.string().optional(),
  explanation: z.string(),
  /** The appeal already lodged against this review, for a link to its page. */
  appealId: z.string().optional(),
});

export const conversationParams = z.object({ personId: id, conversationId: id });
export const conversationListQuery = pageQuery.extend({ type: conversationType.optional() });
