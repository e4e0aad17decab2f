import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';

export type Panel = ResponseOf<Routes['meetings.panel']>;
type PairPanel = Extract<Panel, { kind: 'pair' }>;

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: 'grid', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The tab's own page for the record, opened beside the meeting so the panel stays put. */
const recordHref = (panel: PairPanel): string =>
  `${window.location.origin}/tab/#/conversations/${encodeURIComponent(panel.employeeId)}/${encodeURIComponent(panel.conversationId)}`;

const Agenda = ({ panel }: { panel: PairPanel }) => {
  const styles = useStyles();
  return (
    <section aria-labelledby="meeting-agenda-h" className={styles.section}>
      <Text as="h2" block id="meeting-agenda-h" size={500} weight="semibold">
        Agenda
      </Text>
      {panel.agenda.length === 0 ? (
        <Text>Nothing on the agenda yet: start with what has gone well.</Text>
      ) : (
        <ul aria-label="Agenda" className={styles.list}>
          {panel.agenda.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
};

const Starters = ({ panel }: { panel: PairPanel }) => {
  const styles = useStyles();
  return (
    <section aria-labelledby="meeting-starters-h" className={styles.section}>
      <Text as="h2" block id="meeting-starters-h" size={500} weight="semibold">
        Conversation starters
      </Text>
      {panel.starters.map((s) => (
        <div key={s.id}>
          <Text as="h3" block weight="semibold">
            {s.title}
          </Text>
          <Text block>{s.strengthsPrompt}</Text>
          <ul aria-label={`Questions on ${s.title}`} className={styles.list}>
            {[...s.openQuestions, ...s.probingQuestions].map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
};

/** What the pair see beside their booked conversation: the agenda, the starters and the record. */
export const PairPanelView = ({ panel }: { panel: PairPanel }) => {
  const styles = useStyles();
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        {panel.title} with {panel.otherName}
      </Text>
      <Text block>{formatDate(panel.date)}</Text>
      <Agenda panel={panel} />
      <Starters panel={panel} />
      <section aria-labelledby="meeting-record-h" className={styles.section}>
        <Text as="h2" block id="meeting-record-h" size={500} weight="semibold">
          The record
        </Text>
        <Text block>
          {panel.role === 'employee'
            ? 'Note the issues raised and the actions you agree; you both agree the record afterwards.'
            : 'Record the issues raised and the actions you agree; you both agree the record afterwards.'}
        </Text>
        <Link href={recordHref(panel)} target="_blank" rel="noopener">
          Open the record form
        </Link>
      </section>
    </>
  );
};
