import { randomUUID } from 'node:crypto';

/** Teams-shaped activities as the Bot Connector delivers them to POST /api/messages. */
export interface TeamsUser {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly user: TeamsUser;
  /** Defaults to a fresh id; pass the same one to replay a delivery. */
  readonly id?: string;
  readonly conversationId?: string;
}

const base = (o: ActivityOptions) => ({
  id: o.id ?? `1:${randomUUID()}`,
  channelId: 'msteams',
  serviceUrl: o.serviceUrl,
  timestamp: new Date().toISOString(),
  from: { id: `29:${o.user.aadObjectId}`, aadObjectId: o.user.aadObjectId, name: o.user.name },
  recipient: { id: '28:bot-app', name: 'Performance conversations' },
  conversation: {
    id: o.conversationId ?? `a:personal-${o.user.aadObjectId}`,
    conversationType: 'personal',
    tenantId: o.user.tenantId,
  },
  channelData: { tenant: { id: o.user.tenantId } },
  locale: 'en-GB',
});

export const textMessage = (o: ActivityOptions, text: string) => ({ ...base(o), type: 'message', text });

/** A classic Action.Submit: the card's data arrives as the message value. */
export const cardSubmit = (o: ActivityOptions, value: Record<string, unknown>) => ({
  ...base(o),
  type: 'message',
  value,
});

/** A Universal Action (Action.Execute): an invoke whose response carries the new card. */
export const cardExecute = (o: ActivityOptions, verb: string, data: Record<string, unknown>) => ({
  ...base(o),
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
});

export const installationAdd = (o: ActivityOptions) => ({ ...base(o), type: 'installationUpdate', action: 'add' });

export const postActivity = async (botUrl: string, activity: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};
