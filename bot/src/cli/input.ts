import {
  AppError,
  CONVERSATION_TYPES,
  SCHEME_IDS,
  isIsoDate,
  type ConversationRecord,
  type Employee,
  type Tenant,
} from '@pc/core';
import { z } from 'zod';

/**
 * The file `due --input` reads: `{ tenant, employee, history }`. Only the facts the
 * scheme engine uses are required; the rest get neutral defaults so a hand-written
 * file stays short.
 */
const date = z.string().refine(isIsoDate, 'must be a date like 2027-05-01');
const ids = z.array(z.string()).default([]);

const tenant = z.looseObject({
  tenantId: z.string().min(1),
  name: z.string().default('Unnamed employer'),
  schemeId: z.enum(SCHEME_IDS),
  nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
  timeZone: z.string().default('Europe/London'),
});

const job = z.looseObject({
  id: z.string().min(1),
  title: z.string().default('Job'),
  managerIds: ids,
  isMain: z.boolean().default(true),
  contract: z.enum(['substantive', 'additional', 'supply']).default('substantive'),
  startDate: date,
  endDate: date.optional(),
});

const employee = z.looseObject({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  displayName: z.string().default('Employee'),
  email: z.string().default(''),
  startDate: date,
  incrementalDate: date.optional(),
  jobs: z.array(job).min(1, 'needs at least one job'),
  leave: z.array(z.looseObject({ kind: z.string(), start: date, end: date.optional() })).default([]),
  probation: z
    .looseObject({ status: z.enum(['in-probation', 'extended', 'passed', 'none']) })
    .default({ status: 'none' }),
  managerChanges: z.array(z.looseObject({ jobId: z.string(), on: date })).default([]),
  hasOwnPc: z.boolean().default(true),
  orgRoles: z.array(z.string()).default([]),
});

const record = z.looseObject({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  employeeId: z.string().min(1),
  type: z.enum(CONVERSATION_TYPES),
  status: z.enum(['booked', 'held', 'agreed', 'cancelled']),
  date,
  managerIds: ids,
  jobIds: ids,
  topics: ids,
  sections: z.record(z.string(), z.string()).default({}),
  notes: z.string().default(''),
  issuesRaised: ids,
  actionsAgreed: z.array(z.unknown()).default([]),
  agenda: z.array(z.unknown()).default([]),
  agreement: z.looseObject({}).default({}),
  createdAt: z.string().default('1970-01-01T00:00:00.000Z'),
  updatedAt: z.string().default('1970-01-01T00:00:00.000Z'),
});

const dueFile = z.object({ tenant, employee, history: z.array(record).default([]) });

export interface DueFile {
  readonly tenant: Tenant;
  readonly employee: Employee;
  readonly history: readonly ConversationRecord[];
}

export const parseDueFile = (text: string): DueFile => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', 'The input file is not valid JSON.', { cause: error });
  }
  const parsed = dueFile.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'validation',
      `The input file does not hold { tenant, employee, history }: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      { details },
    );
  }
  // The schema checks the fields the engine reads; the looser domain fields pass through unchanged.
  return parsed.data as unknown as DueFile;
};
