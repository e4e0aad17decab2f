import type { Objective, Stored } from '@pc/core';
import type { ConversationView, SchemePack, StoredView } from '@pc/core/usecases';

export const objectiveOut = (stored: Stored<Objective>) => ({ ...stored.item, etag: stored.etag });

export const viewOut = ({ view, etag }: { view: ConversationView; etag: string }) =>
  view.kind === 'full' ? { kind: 'full' as const, etag, record: view.record } : etag === '' ? view : { ...view, etag };

export const viewsOut = (page: { items: readonly StoredView[]; continuationToken?: string | undefined }) => ({
  items: page.items.map(viewOut),
  ...(page.continuationToken === undefined ? {} : { continuationToken: page.continuationToken }),
});

export const schemeOut = (pack: SchemePack) => ({
  ...pack,
  schemeId: pack.id,
  conversationTypes: pack.conversations.map((c) => ({
    type: c.type,
    label: c.label,
    description: c.description,
    policyRef: c.policyRef,
    informal: c.cadence.kind === 'informal',
  })),
});
