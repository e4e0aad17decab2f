import {
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
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { formatDate } from '../../components/format.ts';
import { usePersonName } from '../../components/people.ts';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import type { AppealListItem } from './types.ts';
import { STAGE_WORDS, STEP_WORDS } from './words.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The next step still to do, with its date; overdue ones say so in words, not colour alone. */
const NextDeadline = ({ appeal }: { appeal: AppealListItem }) => {
  const styles = useStyles();
  const next = appeal.deadlines.find((d) => d.doneOn === undefined);
  if (next === undefined) return <>{appeal.stage === 'decided' ? 'None: decided' : 'No deadline set'}</>;
  return (
    <span className={next.overdue ? styles.overdue : undefined}>
      {STEP_WORDS[next.step]} by {formatDate(next.by)}
      {next.overdue ? ' (overdue)' : ''}
    </span>
  );
};

const Row = ({ appeal }: { appeal: AppealListItem }) => {
  const name = usePersonName(appeal.employeeId) ?? 'A colleague';
  return (
    <TableRow>
      <TableCell>
        <Link href={hrefFor('appeals', appeal.id)}>{name}</Link>
      </TableCell>
      <TableCell>{formatDate(appeal.lodgedOn)}</TableCell>
      <TableCell>{STAGE_WORDS[appeal.stage]}</TableCell>
      <TableCell>
        <NextDeadline appeal={appeal} />
      </TableCell>
    </TableRow>
  );
};

export const AppealTable = ({ items, caption }: { items: readonly AppealListItem[]; caption: string }) => (
  <Table aria-label={caption} size="small">
    <TableHeader>
      <TableRow>
        <TableHeaderCell>Appellant</TableHeaderCell>
        <TableHeaderCell>Lodged</TableHeaderCell>
        <TableHeaderCell>Where it stands</TableHeaderCell>
        <TableHeaderCell>Next deadline</TableHeaderCell>
      </TableRow>
    </TableHeader>
    <TableBody>
      {items.map((a) => (
        <Row key={a.id} appeal={a} />
      ))}
    </TableBody>
  </Table>
);

/** #/appeals: the appeals the reader takes part in; for HR the organisation's open appeals, overdue first. */
export const AppealList = () => {
  const styles = useStyles();
  const { api, me } = useSession();
  const hr = me.orgRoles.includes('hr');
  const [loaded, reload] = useLoad(
    (signal) => api.call('appeals.list', { query: hr ? { open: 'true' } : {}, signal }),
    [api, hr],
  );
  const title = hr ? 'Open appeals' : 'Your appeals';
  return (
    <section className={styles.section} aria-labelledby="appeals-h">
      <Text as="h2" id="appeals-h" size={500} weight="semibold">
        {title}
      </Text>
      {hr ? (
        <Text as="p" block>
          Every appeal not yet decided, overdue first, then by the next deadline. Open one to read the grounds (your
          reading is recorded) and to record the hearing.
        </Text>
      ) : null}
      {loaded.state === 'loading' ? <Loading label="Loading appeals…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
        <EmptyState title={hr ? 'No open appeals' : 'No appeals'}>
          {hr
            ? 'When a colleague appeals against a review it is listed here with its deadlines.'
            : 'An appeal against an annual review is lodged from the review itself, on your conversations page.'}
        </EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
        <AppealTable items={loaded.data.items} caption={title} />
      ) : null}
    </section>
  );
};
