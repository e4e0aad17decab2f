import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, type ApiClient, type ResponseOf, type Routes } from '@pc/core/api';
import { useMemo } from 'react';
import { formatDateTime } from '../../components/format.ts';
import { useShowMore } from '../../components/show-more.tsx';
import { useSession } from '../../session.tsx';
import { REASON_LABELS } from './reason-fields.tsx';

export type AuditEvent = ResponseOf<Routes['person.audit']>['items'][number];

const ACTION_WORDS: Readonly<Record<string, string>> = {
  'exceptional-access': 'opened a conversation record of yours with exceptional access',
  'export.subject-access': 'took a copy of everything held about you',
  'export.annual-review': 'downloaded your annual review form',
  'record.archived': 'archived your records',
  'record.keeping-ended': 'marked your archived records as past their keeping period',
  'rating.released': 'released a pay recommendation to you',
  'rating.agreed': 'agreed your pay recommendation at the Step 3 review',
  'pay-step.facts': 'entered the facts for your pay step',
  'pay-step.decided': 'recorded the decision on your pay step',
  'appeal.lodged': 'lodged your appeal',
  'appeal.grounds-read': 'read the grounds of your appeal',
  'appeal.acknowledged': 'acknowledged your appeal',
  'appeal.hearing-recorded': 'recorded the hearing of your appeal',
  'appeal.extension-proposed': 'proposed more time for your appeal',
  'appeal.extension-agreed': 'agreed more time for your appeal',
  'appeal.decided': 'decided your appeal',
  'disagreement.form-sent': 'sent you the performance disagreement form',
  'disagreement.closed': 'closed your disagreement with a record',
};

const reasonLabel = (category: string): string =>
  Object.entries(REASON_LABELS).find(([key]) => key === category)?.[1] ?? category;

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
});

/** Names of everyone who appears in the events; a name that cannot be read shows as "Someone in your organisation". */
export const actorNames = async (
  api: ApiClient,
  events: readonly AuditEvent[],
  signal: AbortSignal,
): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const personId of new Set(events.map((e) => e.actorId))) {
    try {
      const person = await api.call('person.get', { params: { personId }, signal });
      names.set(personId, person.displayName);
    } catch (error) {
      // Someone who has since left the directory: the event still shows, without a name.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  return names;
};

/** Who opened the reader's records, when and why: the employee's view of their audit trail, a page at a time. */
export const AuditList = ({
  events,
  continuationToken,
  names,
  meId,
}: {
  events: readonly AuditEvent[];
  /** The next page of the trail, when there is more. */
  continuationToken?: string | undefined;
  names: Map<string, string>;
  meId: string;
}) => {
  const styles = useStyles();
  const { api } = useSession();
  const more = useShowMore(
    useMemo(
      () => ({ items: events, ...(continuationToken === undefined ? {} : { continuationToken }) }),
      [events, continuationToken],
    ),
    async (token) => {
      const page = await api.call('person.audit', { params: { personId: meId }, query: { continuationToken: token } });
      for (const [id, name] of await actorNames(
        api,
        page.items.filter((e) => e.actorId !== meId && !names.has(e.actorId)),
        AbortSignal.timeout(30_000),
      ))
        names.set(id, name);
      return page;
    },
    { one: 'entry', many: 'entries' },
  );
  return (
    <>
      <ul className={styles.list} aria-label="Who opened your records">
        {more.items.map((e) => (
          <li key={e.id} className={styles.item}>
            <Text>
              <Text weight="semibold">
                {e.actorId === meId ? 'You' : (names.get(e.actorId) ?? 'Someone in your organisation')}
              </Text>{' '}
              {ACTION_WORDS[e.action] ?? 'opened your records'}
            </Text>
            <Text size={200}>{formatDateTime(e.at)}</Text>
            {e.reason === undefined ? null : (
              <Text size={200}>
                Reason: {reasonLabel(e.reason.category)}: “{e.reason.text}”
              </Text>
            )}
          </li>
        ))}
      </ul>
      {more.control}
    </>
  );
};
