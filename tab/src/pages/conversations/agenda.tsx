import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SchemeView } from '@pc/core/api';
import { useSession } from '../../session.tsx';
import type { ConversationFull } from './types.ts';

type Record_ = ConversationFull['record'];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  group: { marginTop: tokens.spacingVerticalS },
});

/**
 * The scheme's questions for this conversation when the booking stored none: Big Picture questions
 * (004), the annual review's sections, or the topics a regular conversation covers (000 VIP topics,
 * 001 four areas, 003 supervision topics).
 */
const schemeQuestions = (record: Record_, scheme: SchemeView | null): string[] => {
  if (scheme === null) return [];
  if (record.type === 'big-picture') return (scheme.bigPicture?.questions ?? []).map((q) => q.text);
  if (record.type === 'annual-review') return (scheme.annualReview?.sections ?? []).map((s) => s.title);
  const chosen = scheme.topics.filter((t) => record.topics.includes(t.id));
  return (chosen.length > 0 ? chosen : scheme.topics).map((t) => `${t.title}: ${t.description}`);
};

const Group = ({ id, title, items }: { id: string; title: string; items: readonly string[] }) => {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <div className={styles.group}>
      <Text as="h3" block id={id} size={400} weight="semibold">
        {title}
      </Text>
      <ul aria-labelledby={id}>
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </div>
  );
};

/** What the pair bring to the conversation, and what each should think about beforehand. */
export const AgendaPanel = ({
  record,
  readerIsEmployee,
  otherName,
}: {
  record: Record_;
  readerIsEmployee: boolean;
  /** The other person's first name, or undefined while it loads. */
  otherName: string | undefined;
}) => {
  const styles = useStyles();
  const { scheme } = useSession();
  const of = (source: Record_['agenda'][number]['source']) =>
    record.agenda.filter((a) => a.source === source).map((a) => a.text);
  const fromScheme = of('scheme');
  const questions = fromScheme.length > 0 ? fromScheme : schemeQuestions(record, scheme);
  const mine = of(readerIsEmployee ? 'employee' : 'manager');
  const theirs = of(readerIsEmployee ? 'manager' : 'employee');
  const other = otherName ?? (readerIsEmployee ? 'your manager' : 'the colleague');
  const prepMine = (readerIsEmployee ? scheme?.preparation.employee : scheme?.preparation.manager) ?? [];
  const prepTheirs = (readerIsEmployee ? scheme?.preparation.manager : scheme?.preparation.employee) ?? [];
  return (
    <>
      <section className={styles.section} aria-labelledby="agenda-h">
        <Text as="h2" block id="agenda-h" size={500} weight="semibold">
          Agenda
        </Text>
        {record.agenda.length === 0 && questions.length === 0 ? (
          <Text as="p" block>
            Nothing is on the agenda yet.
          </Text>
        ) : null}
        <Group id="agenda-carried" title="Actions carried over from last time" items={of('carried-over')} />
        <Group id="agenda-feedback" title="Feedback notes put on the agenda" items={of('feedback')} />
        <Group id="agenda-scheme" title="The scheme's questions and topics" items={questions} />
        <Group id="agenda-mine" title="Added by you" items={mine} />
        <Group id="agenda-theirs" title={`Added by ${other}`} items={theirs} />
      </section>
      {record.status === 'booked' && (prepMine.length > 0 || prepTheirs.length > 0) ? (
        <section className={styles.section} aria-labelledby="prep-h">
          <Text as="h2" block id="prep-h" size={500} weight="semibold">
            Before you meet
          </Text>
          <Group id="prep-mine" title="To prepare (you)" items={prepMine} />
          <Group id="prep-theirs" title={`To prepare (${other})`} items={prepTheirs} />
        </section>
      ) : null}
    </>
  );
};
