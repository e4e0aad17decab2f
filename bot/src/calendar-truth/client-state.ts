import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The clientState Graph echoes in each notification: the mailbox id and a keyed hash of tenant and
 * mailbox, so a notification proves it comes from a subscription this product made for that
 * mailbox without a secret stored per subscription. Graph allows 128 characters; this is ~80.
 */
export const calendarClientState = (secret: string) => {
  const mac = (tenantId: string, mailboxId: string): string =>
    createHmac('sha256', secret).update(`${tenantId}\n${mailboxId}`).digest('base64url');
  return {
    clientStateFor: (tenantId: string, mailboxId: string): string => `${mailboxId}.${mac(tenantId, mailboxId)}`,
    mailboxOfClientState: (tenantId: string, clientState: string): string | undefined => {
      const dot = clientState.lastIndexOf('.');
      if (dot <= 0) return undefined;
      const mailboxId = clientState.slice(0, dot);
      const given = Buffer.from(clientState.slice(dot + 1));
      const expected = Buffer.from(mac(tenantId, mailboxId));
      return given.length === expected.length && timingSafeEqual(given, expected) ? mailboxId : undefined;
    },
  };
};
