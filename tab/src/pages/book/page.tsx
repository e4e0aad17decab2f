import { Field, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { BookingForm } from './booking-form.tsx';

const useStyles = makeStyles({
  who: { maxWidth: '40rem', marginTop: tokens.spacingVerticalL },
});

interface Party {
  /** Whose conversation it is: the reader's own, or a report's. */
  readonly employeeId: string;
  readonly label: string;
}

/**
 * #/book[/personId[/type]]: staff book their own conversation with their manager (004: staff
 * arrange their own), and a manager books for any report, early or extra ones as well as the one due.
 */
const BookPage = ({ rest }: { rest: readonly string[] }) => {
  const styles = useStyles();
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    async (signal): Promise<Party[]> => {
      const managerId = me.managerIds[0];
      const [manager, team] = await Promise.all([
        managerId === undefined ? undefined : api.call('person.get', { params: { personId: managerId }, signal }),
        me.reportCount === 0 ? undefined : api.call('me.team', { query: { pageSize: 100 }, signal }),
      ]);
      const own =
        manager === undefined
          ? []
          : [{ employeeId: me.person.id, label: `Myself, with ${manager.displayName} (my manager)` }];
      const reports = [...(team?.members ?? [])]
        .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'))
        .map((m) => ({ employeeId: m.person.id, label: `${m.person.displayName} (reports to me)` }));
      return [...own, ...reports];
    },
    [api, me.person.id],
  );
  const [chosen, setChosen] = useState<string | undefined>(rest[0]);
  const presetType = rest[1];
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Book a conversation
      </Text>
      <Text as="p" block>
        Find a time when you are both free, and the invitation with a Teams meeting goes to both calendars. See what is
        booked in <Link href={hrefFor('conversations')}>My conversations</Link>.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading who you can book with…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready'
        ? (() => {
            const parties = loaded.data;
            const party = parties.find((p) => p.employeeId === chosen) ?? parties[0];
            if (party === undefined) {
              return (
                <EmptyState title="Nobody to book with">
                  Nobody is recorded as your line manager and nobody reports to you, so there is no conversation to book
                  here. If that is wrong, ask HR to update the organisation chart.
                </EmptyState>
              );
            }
            return (
              <>
                <Field label="Whose conversation" className={styles.who}>
                  <Select
                    value={party.employeeId}
                    onChange={(_, d) => {
                      setChosen(d.value);
                    }}
                  >
                    {parties.map((p) => (
                      <option key={p.employeeId} value={p.employeeId}>
                        {p.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                <BookingForm
                  key={party.employeeId}
                  employeeId={party.employeeId}
                  presetType={party.employeeId === rest[0] ? presetType : undefined}
                />
              </>
            );
          })()
        : null}
    </>
  );
};

export default BookPage;
