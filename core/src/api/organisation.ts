import { z } from 'zod';
import { id, isoDate, isoDateTime, page, pageQuery } from './primitives.ts';
import { auditEvent } from './team.ts';

/** Policy 003 §8 figures for HR (the organisation) or a senior manager (their service); no note text. */
export const organisationCompliance = z.object({
  scope: z.string(),
  kind: z.enum(['organisation', 'service']),
  on: isoDate,
  quarters: z.array(
    z.object({
      label: z.string(),
      from: isoDate,
      to: isoDate,
      /** Null when nothing fell due in the quarter. */
      onTimePercent: z.number().nullable(),
      completedOnTime: z.number().int(),
      completedLate: z.number().int(),
      expected: z.number().int(),
    }),
  ),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      headName: z.string(),
      people: z.number().int(),
      onTimePercent: z.number().nullable(),
      expected: z.number().int(),
      overdue: z.number().int(),
      deferrals: z.number().int(),
      appeals: z.number().int(),
    }),
  ),
  overdueTotal: z.number().int(),
  overdue: z.array(
    z.object({
      employeeId: z.string(),
      displayName: z.string(),
      unitId: z.string(),
      type: z.string(),
      typeLabel: z.string(),
      dueDate: isoDate,
    }),
  ),
  deferrals: z.number().int(),
  appeals: z.object({ lodged: z.number().int(), open: z.number().int() }),
});

export const organisationComplianceQuery = z.object({ unit: z.string().max(128).optional() });

const collated = z.array(z.object({ text: z.string(), managers: z.array(z.string()) }));

/** Policy 000 Team Themes collated for the service: the themes only, never a summary or a note. */
export const organisationThemes = z.object({
  scope: z.string(),
  managers: z.array(
    z.object({
      managerId: z.string(),
      displayName: z.string(),
      unit: z.string(),
      period: z.string(),
      updatedAt: isoDateTime,
    }),
  ),
  training: collated,
  systems: collated,
  resourcing: collated,
  other: collated,
});

/** The HR-system layouts of the completions file; docs/exports.md describes their columns. */
export const hrFileParams = z.object({ layout: z.enum(['itrent', 'esr']) });
export const hrFileQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** The auditor's filters: each one given narrows the trail. */
export const auditTrailQuery = pageQuery.extend({
  personId: id.optional(),
  actorId: id.optional(),
  action: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditTrail = page(auditEvent.extend({ actorName: z.string(), subjectName: z.string() }));
