import { AppError, type ConversationReferenceStore } from '@pc/core';
import type { Caller, UseCaseDeps } from '@pc/core/usecases';
import type { TabAddress } from '@pc/core/cards';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logging.ts';

/** What every Teams handler may use: the same use-case deps as the API, and the edge's own settings. */
export interface TeamsContext {
  readonly deps: UseCaseDeps;
  readonly references: ConversationReferenceStore;
  readonly logger: Logger;
  /** When set, only these tenants are served (an empty list serves nobody, as for the API). */
  readonly allowedTenants?: readonly string[];
  /** Where cards that point at fuller views link: the app's tab in Teams, or its web pages. */
  readonly tabUrl?: TabAddress;
}

/**
 * Who is acting and where, taken from the (already authenticated) Teams activity: the same
 * `Caller` the API derives from a token, plus the name to show and the activity id, which is
 * the idempotency key of whatever the turn writes.
 */
export interface TurnIdentity extends Caller {
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
