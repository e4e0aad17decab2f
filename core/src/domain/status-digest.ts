import type { Agreement, ConversationRecord, ConversationStatus, ConversationTypeId } from './conversations.ts';
import type { PersonId, TenantId } from './people.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';

/**
 * The shape of a digest. A digest of an older format is rebuilt from the records the first time
 * it is read, so changing what a digest holds needs no migration: raise this number.
 */
export const DIGEST_FORMAT = 2;

/**
 * What the scheme engine and the compliance figures read of one conversation: its type, state,
 * date, jobs, agreement and frequency. No note text, no sections, no agenda. Cancelled
 * conversations never count for anything, so they are left out.
 */
export interface DigestEntry {
  readonly id: string;
  readonly type: ConversationTypeId;
  readonly status: Exclude<ConversationStatus, 'cancelled'>;
  readonly date: IsoDate;
  readonly jobIds: readonly string[];
  /** The managers the record names (the reviewer column of the HR system's export). */
  readonly managerIds: readonly PersonId[];
  readonly agreement: Agreement;
  /** When the colleague noted disagreement with the record (004); its text stays on the record. */
  readonly disagreedAt?: IsoDateTime;
  readonly agreedRegularEveryWeeks?: number;
  readonly forwardLooking?: boolean;
  /** The rating's value on the scheme's scale (who may see it is decided when it is read). */
  readonly rating?: string;
  /** When an appeal was lodged against the record and whether it was decided; its grounds and decision text stay on the record. */
  readonly appeal?: { readonly lodgedOn: IsoDate; readonly decided: boolean };
  /** The record's own `updatedAt`: an older write never replaces a newer one in the digest. */
  readonly updatedAt: IsoDateTime;
}

/**
 * One person's status at a glance, kept beside their directory entry: the conversations that
 * decide what is due (so a team view runs the engine without reading anyone's history) and the
 * facts a team page shows. What is due on a given day is worked out when it is read, because the
 * same records say "due" today and "overdue" next week.
 */
export interface StatusDigest {
  readonly tenantId: TenantId;
  readonly personId: PersonId;
  readonly format: number;
  /** The person's current managers when the digest was written: a team's digests are read by these. */
  readonly managerIds: readonly PersonId[];
  /** Oldest first, then by id. */
  readonly entries: readonly DigestEntry[];
  /** The date of the latest held or agreed conversation. */
  readonly lastHeldOn?: IsoDate;
  /** The earliest booked conversation, whatever its date. */
  readonly nextBookedOn?: IsoDate;
  /** Held conversations still waiting for one side's agreement. */
  readonly awaitingAgreement: number;
  /** Records the colleague disagreed with (004). */
  readonly disagreements: number;
}

// Key order is not kept by every store: compare with keys sorted.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export const entryOf = (r: ConversationRecord): DigestEntry | undefined => {
  if (r.status === 'cancelled') return undefined;
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    date: r.date,
    jobIds: [...r.jobIds],
    managerIds: [...r.managerIds],
    agreement: { ...r.agreement },
    ...(r.disagreement === undefined ? {} : { disagreedAt: r.disagreement.recordedAt }),
    ...(r.agreedRegularEveryWeeks === undefined ? {} : { agreedRegularEveryWeeks: r.agreedRegularEveryWeeks }),
    ...(r.forwardLooking === undefined ? {} : { forwardLooking: r.forwardLooking }),
    ...(r.rating === undefined ? {} : { rating: r.rating.value }),
    ...(r.appeal === undefined
      ? {}
      : { appeal: { lodgedOn: r.appeal.lodgedOn, decided: r.appeal.decision !== undefined } }),
    updatedAt: r.updatedAt,
  };
};

const byDateThenId = (a: DigestEntry, b: DigestEntry): number =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

const fromEntries = (
  base: Pick<StatusDigest, 'tenantId' | 'personId' | 'managerIds'>,
  entries: readonly DigestEntry[],
): StatusDigest => {
  const sorted = [...entries].sort(byDateThenId);
  const held = sorted.filter((e) => e.status === 'held' || e.status === 'agreed');
  const lastHeldOn = held.at(-1)?.date;
  const nextBookedOn = sorted.find((e) => e.status === 'booked')?.date;
  return {
    tenantId: base.tenantId,
    personId: base.personId,
    format: DIGEST_FORMAT,
    managerIds: [...base.managerIds].sort(),
    entries: sorted,
    ...(lastHeldOn === undefined ? {} : { lastHeldOn }),
    ...(nextBookedOn === undefined ? {} : { nextBookedOn }),
    awaitingAgreement: sorted.filter((e) => e.status === 'held' && e.disagreedAt === undefined).length,
    disagreements: sorted.filter((e) => e.disagreedAt !== undefined).length,
  };
};

/** A person's digest worked out from their records (records of anyone else are ignored). */
export const digestOf = (
  person: { readonly tenantId: TenantId; readonly personId: PersonId; readonly managerIds: readonly PersonId[] },
  records: readonly ConversationRecord[],
): StatusDigest =>
  fromEntries(
    person,
    records.flatMap((r) => {
      const e = r.employeeId === person.personId && r.tenantId === person.tenantId ? entryOf(r) : undefined;
      return e === undefined ? [] : [e];
    }),
  );

/**
 * The digest after one record was written: its entry replaced (or dropped, once cancelled),
 * unless the digest already holds a later write of it. Undefined when nothing changes.
 */
export const withRecord = (digest: StatusDigest, record: ConversationRecord): StatusDigest | undefined => {
  const before = digest.entries.find((e) => e.id === record.id);
  if (before !== undefined && before.updatedAt > record.updatedAt) return undefined;
  const after = entryOf(record);
  if (before !== undefined && after !== undefined && canonical(before) === canonical(after)) return undefined;
  if (before === undefined && after === undefined) return undefined;
  const others = digest.entries.filter((e) => e.id !== record.id);
  return fromEntries(digest, after === undefined ? others : [...others, after]);
};

/** Whether two digests say the same (drift is any difference in what they say). */
export const sameDigest = (a: StatusDigest, b: StatusDigest): boolean => canonical(a) === canonical(b);

/** The digest as the conversation history the scheme engine reads (no text: the engine reads none). */
export const historyOfDigest = (
  digest: Pick<StatusDigest, 'tenantId' | 'personId' | 'entries'>,
): ConversationRecord[] =>
  digest.entries.map((e) => ({
    tenantId: digest.tenantId,
    id: e.id,
    employeeId: digest.personId,
    managerIds: e.managerIds,
    jobIds: e.jobIds,
    type: e.type,
    status: e.status,
    date: e.date,
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda: [],
    agreement: e.agreement,
    ...(e.disagreedAt === undefined ? {} : { disagreement: { recordedAt: e.disagreedAt, text: '' } }),
    ...(e.agreedRegularEveryWeeks === undefined ? {} : { agreedRegularEveryWeeks: e.agreedRegularEveryWeeks }),
    ...(e.forwardLooking === undefined ? {} : { forwardLooking: e.forwardLooking }),
    ...(e.rating === undefined ? {} : { rating: { value: e.rating } }),
    createdAt: e.updatedAt,
    updatedAt: e.updatedAt,
  }));
