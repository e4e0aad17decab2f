import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, sentence } from '../../components/format.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import type { OwnerWords } from './action-rows.tsx';
import type { ConversationFull } from './types.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  notes: { whiteSpace: 'pre-wrap', margin: 0 },
  actions: { listStyleType: 'none', paddingInlineStart: 0, display: 'grid', gap: tokens.spacingVerticalXS },
});

/**
 * What the record says, each heading above its text. The pair tick actions done here; ticking
 * keeps the agreement (the record still says what was agreed) and undone actions carry over.
 */
export const RecordBody = ({
  view,
  owners,
  onSaved,
}: {
  view: ConversationFull;
  owners: OwnerWords;
  onSaved: (saved: ConversationFull, message: string) => void;
}) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const r = view.record;
  const sectionTitle = (id: string) => scheme?.annualReview?.sections.find((s) => s.id === id)?.title ?? sentence(id);
  const topicTitle = (id: string) => scheme?.topics.find((t) => t.id === id)?.title ?? sentence(id);
  const tick = async (id: string, done: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('conversations.update', {
        params: { personId: r.employeeId, conversationId: r.id },
        body: { actionsAgreed: r.actionsAgreed.map((a) => (a.id === id ? { ...a, done } : a)) },
        ifMatch: view.etag,
      });
      const text = r.actionsAgreed.find((a) => a.id === id)?.text ?? 'The action';
      onSaved(
        saved,
        done ? `“${text}” is marked done.` : `“${text}” is open again; it carries over to the next agenda.`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {r.topics.length === 0 ? null : (
        <section className={styles.section} aria-labelledby="topics-h">
          <Text as="h2" block id="topics-h" size={500} weight="semibold">
            Topics
          </Text>
          <Text as="p" block>
            {r.topics.map(topicTitle).join(', ')}
          </Text>
        </section>
      )}
      {Object.keys(r.sections).length > 0 ? (
        <section className={styles.section} aria-labelledby="sections-h">
          <Text as="h2" block id="sections-h" size={500} weight="semibold">
            Review sections
          </Text>
          {Object.entries(r.sections).map(([id, text]) => (
            <div key={id}>
              <Text as="h3" block size={400} weight="semibold">
                {sectionTitle(id)}
              </Text>
              <p className={styles.notes}>{text}</p>
            </div>
          ))}
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="issues-h">
        <Text as="h2" block id="issues-h" size={500} weight="semibold">
          Issues raised
        </Text>
        {r.issuesRaised.length === 0 ? (
          <Text as="p" block>
            None recorded.
          </Text>
        ) : (
          <ul>
            {r.issuesRaised.map((i, n) => (
              <li key={n}>{i}</li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="actions-h">
        <Text as="h2" block id="actions-h" size={500} weight="semibold">
          Actions agreed
        </Text>
        {error === null ? null : <ErrorNotice error={error} />}
        {r.actionsAgreed.length === 0 ? (
          <Text as="p" block>
            None recorded.
          </Text>
        ) : (
          <ul className={styles.actions} aria-labelledby="actions-h">
            {r.actionsAgreed.map((a) => (
              <li key={a.id}>
                <Checkbox
                  disabled={busy || r.status === 'cancelled'}
                  checked={a.done}
                  label={`${a.text} (${owners[a.owner]}${a.dueDate === undefined ? '' : `, by ${formatDate(a.dueDate)}`})${a.done ? ', done' : ''}`}
                  onChange={(_, d) => {
                    void tick(a.id, d.checked === true);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="notes-h">
        <Text as="h2" block id="notes-h" size={500} weight="semibold">
          Notes
        </Text>
        <p className={styles.notes}>{r.notes === '' ? 'No notes.' : r.notes}</p>
      </section>
    </>
  );
};
