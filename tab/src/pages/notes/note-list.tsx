import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { FEEDBACK_KIND_LABELS, FEEDBACK_VISIBILITY_LABELS } from '@pc/core/feedback';
import { formatDateTime } from '../../components/format.ts';
import type { Note } from './load.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  text: { whiteSpace: 'pre-wrap' },
});

/** One list of notes; `heading` says whose note it is in the reader's words ("From Joe", "About Joe"). */
export const NoteList = ({
  label,
  notes,
  heading,
}: {
  label: string;
  notes: readonly Note[];
  heading: (note: Note) => string;
}) => {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {notes.map((n) => (
        <li key={n.id} className={styles.item}>
          <Text weight="semibold">
            {heading(n)} · {FEEDBACK_KIND_LABELS[n.kind]}
          </Text>
          <Text size={200}>{formatDateTime(n.createdAt)}</Text>
          <Text as="p" block className={styles.text}>
            {n.text}
          </Text>
          <Text size={200}>Who can see it: {FEEDBACK_VISIBILITY_LABELS[n.visibility]}</Text>
          {n.agendaConversationId === undefined ? null : (
            <Text size={200}>On the agenda of the next regular conversation</Text>
          )}
        </li>
      ))}
    </ul>
  );
};
