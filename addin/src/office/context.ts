import type { ComposeItem, ReadItem } from './item.ts';

export type AppointmentContext =
  | { readonly mode: 'compose'; readonly item: ComposeItem }
  | { readonly mode: 'read'; readonly item: ReadItem }
  | { readonly mode: 'none' };

export interface HostInfo {
  readonly hostName: string;
  /** Item change events (AppointmentTimeChanged, RecipientsChanged). */
  readonly changeEvents: boolean;
  /** Nested app authentication through MSAL.js. */
  readonly nestedAppAuth: boolean;
  readonly userEmail: string | undefined;
}

/**
 * Which kind of appointment the pane was opened on. Compose-mode properties are objects
 * with getAsync; read-mode ones are plain values — that difference is the documented test.
 */
export const appointmentContext = (office: typeof Office | undefined): AppointmentContext => {
  // The declared item type merges every mode; inspect it as the unknown it really is.
  const item: unknown = office?.context.mailbox.item;
  if (office === undefined || typeof item !== 'object' || item === null) return { mode: 'none' };
  const probe = item as { itemType?: unknown; subject?: unknown };
  if (probe.itemType !== office.MailboxEnums.ItemType.Appointment) return { mode: 'none' };
  return typeof probe.subject === 'string'
    ? { mode: 'read', item: item as ReadItem }
    : { mode: 'compose', item: item as ComposeItem };
};

export const hostInfo = (office: typeof Office): HostInfo => ({
  hostName: office.context.mailbox.diagnostics.hostName,
  changeEvents: office.context.requirements.isSetSupported('Mailbox', '1.7'),
  nestedAppAuth: office.context.requirements.isSetSupported('NestedAppAuth', '1.1'),
  userEmail: office.context.mailbox.userProfile.emailAddress,
});

/** Graph (REST) id of the open item, which the booking record keeps per mailbox. */
export const restIdOf = (office: typeof Office, itemId: string): string =>
  office.context.mailbox.diagnostics.hostName === 'OutlookIOS' ||
  office.context.mailbox.diagnostics.hostName === 'OutlookAndroid'
    ? itemId
    : office.context.mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
