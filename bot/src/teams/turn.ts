import { AppError, type PersonId, type TenantId } from '@pc/core';
import type { Activity } from 'botbuilder';

/** Who is acting and where, taken from the (already authenticated) Teams activity. */
export interface TurnIdentity {
  readonly tenantId: TenantId;
  readonly userId: PersonId;
  readonly userName: string;
  /** Stable per delivered activity: a resend carries the same id. */
  readonly activityId: string;
}

export const identityOf = (activity: Activity, allowedTenants?: readonly string[]): TurnIdentity => {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
  const userId = activity.from.aadObjectId;
  if (tenantId === undefined || tenantId === '' || userId === undefined || userId === '') {
    throw new AppError('unauthenticated', 'Please use this app from Microsoft Teams with your work account.');
  }
  if (allowedTenants !== undefined && !allowedTenants.includes(tenantId)) {
    throw new AppError('forbidden', 'This app is not enabled for your organisation.');
  }
  if (activity.id === undefined || activity.id === '') {
    throw new AppError('validation', 'The message arrived without an id; please send it again.');
  }
  return { tenantId, userId, userName: activity.from.name || 'there', activityId: activity.id };
};
