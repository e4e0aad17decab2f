import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FEEDBACK_VISIBILITY_LABELS } from '@pc/core/feedback';
import { useMemo, useState } from 'react';
import { useShowMore } from '../../components/show-more.tsx';
import { EmptyState, ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { loadNotes, moreNotesAboutMe, type NotesData } from './load.ts';
import { NoteForm, type Logged } from './note-form.tsx';
import { NoteList } from './note-list.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM },
});

/** What the author is told once a note is stored: about whom, who can read it, and where it went. */
const loggedMessage = (note: Logged, aboutSelf: boolean, name: string): string => {
  const about = aboutSelf ? 'yourself' : name;
  const agenda = {
    added: ` Added to the agenda of ${aboutSelf ? 'your' : `${name}'s`} next regular conversation.`,
    'nothing-booked': ` ${aboutSelf ? 'You have' : `${name} has`} no regular conversation booked yet, so it is not on an agenda.`,
    'not-requested': '',
  }[note.agenda];
  return `Note about ${about} logged. Who can see it: ${FEEDBACK_VISIBILITY_LABELS[note.visibility]}.${agenda}`;
};

const Lists = ({ data, meId }: { data: NotesData; meId: string }) => {
  const { api } = useSession();
  const nameOf = (id: string) => data.names.get(id) ?? 'A former colleague';
  const aboutMe = useShowMore(
    useMemo(
      () => ({
        items: data.aboutMe,
        ...(data.aboutMeToken === undefined ? {} : { continuationToken: data.aboutMeToken }),
      }),
      [data],
    ),
    (token) => moreNotesAboutMe(api, meId, token, data.names),
    { one: 'note', many: 'notes' },
  );
  return (
    <>
      <section aria-labelledby="about-me-h">
        <Text as="h2" block id="about-me-h" size={500} weight="semibold">
          Notes about you
        </Text>
        {data.aboutMe.length === 0 ? (
          <EmptyState title="No notes about you yet">
            When you or a colleague logs a note about you, it appears here.
          </EmptyState>
        ) : (
          <>
            <NoteList
              label="Notes about you"
              notes={aboutMe.items}
              heading={(n) => (n.authorId === meId ? 'From you' : `From ${nameOf(n.authorId)}`)}
            />
            {aboutMe.control}
          </>
        )}
      </section>
      <section aria-labelledby="written-h">
        <Text as="h2" block id="written-h" size={500} weight="semibold">
          Notes you wrote about colleagues
        </Text>
        {data.written.length === 0 ? (
          <EmptyState title="No notes written yet">Notes you log about a colleague appear here.</EmptyState>
        ) : (
          <NoteList
            label="Notes you wrote about colleagues"
            notes={data.written}
            heading={(n) => `About ${nameOf(n.subjectId)}`}
          />
        )}
      </section>
    </>
  );
};

/** #/notes: in-the-moment feedback the reader wrote or received, and a form to log one (004). */
const NotesPage = () => {
  const styles = useStyles();
  const { api, me } = useSession();
  const person = { id: me.person.id, displayName: me.person.displayName };
  const [loaded, reload] = useLoad((signal) => loadNotes(api, person, signal), [api, me.person.id]);
  const [status, setStatus] = useState('');
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        My notes
      </Text>
      <Text as="p" block>
        Short notes of advice given, an issue resolved or work done well, kept for your next conversation. You can also
        log one in a chat with the bot. See your conversations in{' '}
        <Link href={hrefFor('conversations')}>My conversations</Link>.
      </Text>
      <LiveStatus message={status} />
      {loaded.state === 'loading' ? <Loading label="Loading your notes…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <section className={styles.section} aria-labelledby="log-h">
            <Text as="h2" block id="log-h" size={500} weight="semibold">
              Log a note
            </Text>
            <NoteForm
              colleagues={loaded.data.colleagues}
              onLogged={(note) => {
                const name = loaded.data.names.get(note.subjectId) ?? 'your colleague';
                setStatus(loggedMessage(note, note.subjectId === me.person.id, name));
                reload();
              }}
            />
          </section>
          <div className={styles.section}>
            <Lists data={loaded.data} meId={me.person.id} />
          </div>
        </>
      ) : null}
    </>
  );
};
export default NotesPage;
