import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, type ApiClient, type ResponseOf, type Routes } from '@pc/core/api';
import { formatDateTime } from '../../components/format.ts';
import { REASON_LABELS } from './reason-fields.tsx';

export type AuditEvent = ResponseOf<Routes['person.audit']>['items'][number];

const ACTION_WORDS: Readonly<Record<string, string>> = {
  'exceptional-access': 'opened a conversation record of yours with exceptional access',
  'export.subject-access': 'took a copy of everything held about you',
  'export.annual-review': 'downloaded your annual review form',
  'record.archived': 'archived your records',
  'rating.released': 'released a pay recommendation to you',
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

/** Who opened the reader's records, when and why: the employee's view of their audit trail. */
export const AuditList = ({
  events,
  names,
  meId,
}: {
  events: readonly AuditEvent[];
  names: ReadonlyMap<string, string>;
  meId: string;
}) => {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Who opened your records">
      {events.map((e) => (
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
  );
};
