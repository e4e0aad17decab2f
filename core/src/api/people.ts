import { z } from 'zod';
import { SCHEME_IDS } from '../domain/people.ts';
import { conversationType, id, isoDate, pageQuery } from './primitives.ts';

export const dueItem = z.object({
  type: conversationType,
  jobIds: z.array(z.string()),
  withIds: z.array(z.string()),
  dueDate: isoDate,
  windowStart: isoDate,
  status: z.enum(['upcoming', 'due', 'overdue', 'suppressed', 'completed']),
  reason: z.string(),
  policyRef: z.string(),
  forwardLooking: z.boolean().optional(),
  completedOn: isoDate.optional(),
  bookedFor: isoDate.optional(),
});

export const dueReport = z.object({
  employeeId: z.string(),
  schemeId: z.enum(SCHEME_IDS),
  on: isoDate,
  items: z.array(dueItem),
});

export const personSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  jobTitles: z.array(z.string()),
});

export const me = z.object({
  person: personSummary,
  tenant: z.object({ tenantId: z.string(), name: z.string(), schemeId: z.enum(SCHEME_IDS) }),
  orgRoles: z.array(z.enum(['hr', 'coordinator', 'auditor', 'senior-manager', 'admin'])),
  managerIds: z.array(z.string()),
  reportCount: z.number().int(),
});

/** One line of a manager's team view: where each report stands. */
export const teamMember = z.object({
  person: personSummary,
  overall: z.enum(['on-time', 'due', 'overdue']),
  next: dueItem.optional(),
  overdueCount: z.number().int(),
  pendingHandover: z.boolean(),
});
/** One page of a manager's team, by name; `continuationToken` asks for the next. */
export const team = z.object({
  managerId: z.string(),
  members: z.array(teamMember),
  continuationToken: z.string().optional(),
});

export const personParams = z.object({ personId: id });
export const dueQuery = z.object({ on: isoDate.optional() });
/** A day to work things out on, and which page of the list. */
export const dueListQuery = dueQuery.extend(pageQuery.shape);
