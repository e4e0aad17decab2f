import type { IsoDateTime } from '../time/dates.ts';
import type { PersonId, TenantId } from './people.ts';

/** Policy 003 §6: the exceptional circumstances in which notes may be opened to others. */
export type ExceptionalAccessReason = 'serious-incident' | 'capability' | 'disciplinary' | 'audit';

export type AuditAction =
  | 'exceptional-access'
  | 'export.annual-review'
  | 'export.subject-access'
  | 'record.archived'
  | 'record.keeping-ended'
  | 'rating.released'
  | 'rating.agreed'
  | 'rating.returned'
  | 'pay-step.facts'
  | 'pay-step.decided'
  | AppealAuditAction
  | 'disagreement.form-sent'
  | 'disagreement.closed'
  | AdminAuditAction;

/** A tenant administrator's changes: settings, a directory sync run by hand, an HR file applied. */
export type AdminAuditAction = 'admin.settings' | 'admin.sync' | 'admin.import';

/** Each step of an appeal (002 Appendix 6, 003 §5.10), and each reading of its grounds by someone else. */
export type AppealAuditAction =
  | 'appeal.lodged'
  | 'appeal.acknowledged'
  | 'appeal.hearing-recorded'
  | 'appeal.extension-proposed'
  | 'appeal.extension-agreed'
  | 'appeal.decided'
  | 'appeal.grounds-read';

/** Append-only; the subject can always read the events about them. */
export interface AuditEvent {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly at: IsoDateTime;
  readonly actorId: PersonId;
  readonly subjectId: PersonId;
  readonly action: AuditAction;
  readonly reason?: { readonly category: ExceptionalAccessReason; readonly text: string };
  readonly resource: { readonly type: string; readonly id: string };
}
