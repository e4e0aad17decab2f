import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { conversationLabel, reasonAbout, type ResponseOf, type Routes } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';
import { useMemo } from 'react';
import { useShowMore } from '../../components/show-more.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

export type TeamMember = ResponseOf<Routes['me.team']>['members'][number];
const OVERALL = { 'on-time': ['On time', 'success'], due: ['Due', 'warning'], overdue: ['Overdue', 'danger'] } as const;

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  // Rows are not interactive; Fluent's hover fill would put link colours on the high-contrast highlight.
  row: { ':hover': { backgroundColor: 'transparent', color: 'inherit' } },
});

const WELLBEING = { good: 'Good', okay: 'Okay', struggling: 'Struggling a bit' } as const;

/** How a report last said they were doing at a check-in: for their line manager only. */
const WellbeingCell = ({ personId }: { personId: string }) => {
  const { api } = useSession();
  const [loaded] = useLoad((signal) => api.call('person.wellbeing', { params: { personId }, signal }), [api, personId]);
  if (loaded.state === 'loading') return <>…</>;
  if (loaded.state === 'error') return <>Not available</>;
  return loaded.data === null ? (
    <>Not answered</>
  ) : (
    <>
      {WELLBEING[loaded.data.answer]} <Text size={200}>({formatDate(loaded.data.answeredOn)})</Text>
    </>
  );
};

/** A record the colleague disagreed with and that is not yet agreed again (004): the manager must see it. */
const DisagreementFlag = ({ personId }: { personId: string }) => {
  const { api } = useSession();
  const [loaded] = useLoad(
    (signal) => api.call('conversations.list', { params: { personId }, query: { pageSize: 100 }, signal }),
    [api, personId],
  );
  if (loaded.state !== 'ready') return null;
  const open = loaded.data.items.some((v) =>
    v.kind === 'full'
      ? v.record.disagreement !== undefined && v.record.status !== 'agreed'
      : v.facts.disagreementRecorded && v.facts.status !== 'agreed',
  );
  return open ? (
    <>
      {' '}
      <Badge appearance="tint" color="danger">
        Disagreement recorded
      </Badge>
    </>
  ) : null;
};

/** The next conversation in one sentence: the engine's reason already names the type and date when it can. */
const nextText = (m: TeamMember, label: string): string => {
  if (!m.next) return 'Nothing due';
  const reason = reasonAbout(m.next.reason, m.person.displayName);
  return reason.toLowerCase().includes(label.toLowerCase())
    ? reason
    : `${label} by ${formatDate(m.next.dueDate)}. ${reason}`;
};

export const MemberTable = ({
  members,
  caption,
  showWellbeing = false,
  mayRecord = false,
}: {
  members: readonly TeamMember[];
  caption: string;
  /** The check-in answer is the pair's: only the line manager's own table shows it. */
  showWellbeing?: boolean;
  /** Only the line manager records a report's conversations; a reviewer above them opens the history. */
  mayRecord?: boolean;
}) => {
  const { scheme } = useSession();
  const styles = useStyles();
  return (
    <Table aria-label={caption} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Next conversation</TableHeaderCell>
          {showWellbeing ? <TableHeaderCell>Check-in: how they are</TableHeaderCell> : null}
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => {
          const [label, colour] = OVERALL[m.overall];
          return (
            <TableRow key={m.person.id} className={styles.row}>
              <TableCell>
                {m.person.displayName}
                <br />
                <Text size={200}>{m.person.jobTitles.join(', ')}</Text>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={colour}>
                  {label}
                </Badge>
                {m.overdueCount > 1 ? ` (${String(m.overdueCount)} overdue)` : ''}
                <DisagreementFlag personId={m.person.id} />
              </TableCell>
              <TableCell>{nextText(m, m.next ? conversationLabel(m.next.type, scheme) : '')}</TableCell>
              {showWellbeing ? (
                <TableCell>
                  <WellbeingCell personId={m.person.id} />
                </TableCell>
              ) : null}
              <TableCell>
                <Link href={hrefFor('conversations', m.person.id)}>
                  History and objectives<span className="visually-hidden"> of {m.person.displayName}</span>
                </Link>
                {mayRecord ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={hrefFor('conversations', 'new', m.person.id)}>
                      Record a conversation<span className="visually-hidden"> with {m.person.displayName}</span>
                    </Link>
                  </>
                ) : null}
                {mayRecord && m.pendingHandover ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link href={hrefFor('team', 'handover', m.person.id)}>
                      Write handover notes<span className="visually-hidden"> for {m.person.displayName}</span>
                    </Link>
                  </>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

type TeamPage = ResponseOf<Routes['me.team']>;

export const TeamStatus = () => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('me.team', { signal }), [api]);
  if (loaded.state === 'loading') return <Loading label="Loading your team…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  return <TeamLists first={loaded.data} />;
};

/** A page of a team as a list page: its members are the items. */
export const teamAsList = (page: TeamPage) => ({ items: page.members, ...page });

/** The team a page at a time by name: "Show more" adds the next page to both lists. */
const TeamLists = ({ first }: { first: TeamPage }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const {
    items: members,
    complete,
    control,
  } = useShowMore(
    useMemo(() => teamAsList(first), [first]),
    async (continuationToken) => teamAsList(await api.call('me.team', { query: { continuationToken } })),
    { one: 'person', many: 'people' },
  );
  const toDo = members.filter((m) => m.overall !== 'on-time');
  return (
    <>
      <section className={styles.section} aria-labelledby="team-h">
        <Text as="h2" block id="team-h" size={500} weight="semibold">
          Where each person stands
        </Text>
        {members.length === 0 ? (
          <EmptyState title="Your team is empty">
            No reports were found in the organisation chart. Ask HR if this is wrong.
          </EmptyState>
        ) : (
          <>
            <MemberTable members={members} caption="My reports" showWellbeing mayRecord />
            {control}
          </>
        )}
      </section>
      <section className={styles.section} aria-labelledby="todo-h">
        <Text as="h2" block id="todo-h" size={500} weight="semibold">
          Reviews to complete
        </Text>
        {toDo.length === 0 && !complete ? (
          <Text as="p" block>
            Nothing is due for the people shown so far. Show more people to see the rest of your team.
          </Text>
        ) : null}
        {toDo.length === 0 && complete ? (
          <EmptyState title="All reviews are up to date">
            Nothing is due for your team. Check back here after your next one-to-ones.
          </EmptyState>
        ) : null}
        {toDo.length === 0 ? null : (
          <ul>
            {toDo.map((m) => (
              <li key={m.person.id}>
                {m.person.displayName}:{' '}
                {m.next
                  ? `${conversationLabel(m.next.type, scheme)} ${m.overall === 'overdue' ? 'was due' : 'is due'} by ${formatDate(m.next.dueDate)}`
                  : OVERALL[m.overall][0]}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
