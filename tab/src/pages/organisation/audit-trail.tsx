import {
  Button,
  Field,
  Input,
  Select,
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
import { ApiError, type ApiClient, type ResponseOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { formatDateTime, sentence } from '../../components/format.ts';
import { EmptyState, ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';

type Trail = ResponseOf<Routes['organisation.audit']>;
type Event = Trail['items'][number];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM },
  filters: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    alignItems: 'start',
  },
});

/** The actions the trail holds, in words; an action not listed shows as its id. */
const ACTIONS: readonly [string, string][] = [
  ['exceptional-access', 'Opened a record with exceptional access'],
  ['export.subject-access', 'Took a subject-access copy'],
  ['export.annual-review', 'Downloaded an annual review form'],
  ['rating.released', 'Released a rating'],
  ['rating.agreed', 'Agreed a rating (Step 3)'],
  ['rating.returned', 'Returned a rating to the manager'],
  ['pay-step.facts', 'Entered pay-step facts'],
  ['pay-step.decided', 'Decided a pay step'],
  ['record.archived', 'Archived records'],
  ['record.keeping-ended', 'Marked records past their keeping period'],
];
const actionWords = (action: string): string => ACTIONS.find(([id]) => id === action)?.[1] ?? sentence(action);

interface Filters {
  person: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { person: '', actor: '', action: '', from: '', to: '' };

/** A name or email to one person's id: exactly one match, or an error naming the field. */
const resolve = async (api: ApiClient, text: string, path: string): Promise<string | undefined> => {
  if (text.trim() === '') return undefined;
  const found = (await api.call('people.search', { query: { q: text.trim() } })).items;
  const exact = found.filter(
    (p) => p.email.toLowerCase() === text.trim().toLowerCase() || p.displayName === text.trim(),
  );
  const chosen = exact.length === 1 ? exact : found;
  if (chosen.length === 1 && chosen[0] !== undefined) return chosen[0].id;
  const message =
    chosen.length === 0 ? 'Nobody matches.' : `${String(chosen.length)} people match: give the full name or email.`;
  throw new ApiError(400, 'validation', 'Some filters need another look.', { details: [{ path, message }] });
};

/** The auditor's read-only trail of who opened or exported whose records, and why (003 §6). */
export const AuditTrail = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [events, setEvents] = useState<readonly Event[] | null>(null);
  const [next, setNext] = useState<{ query: object; token: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };

  const load = async (more: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const query =
        more && next !== null
          ? next.query
          : {
              personId: await resolve(api, filters.person, 'person'),
              actorId: await resolve(api, filters.actor, 'actor'),
              ...(filters.action === '' ? {} : { action: filters.action }),
              ...(filters.from === '' ? {} : { from: filters.from }),
              ...(filters.to === '' ? {} : { to: filters.to }),
            };
      const trail = await api.call('organisation.audit', {
        query: { ...query, pageSize: 50, ...(more && next !== null ? { continuationToken: next.token } : {}) },
      });
      setEvents((prev) => (more && prev !== null ? [...prev, ...trail.items] : trail.items));
      setNext(trail.continuationToken === undefined ? null : { query, token: trail.continuationToken });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);

  return (
    <section className={styles.section} aria-labelledby="org-audit-h">
      <Text as="h2" block id="org-audit-h" size={500} weight="semibold">
        Audit trail
      </Text>
      <Text as="p" block>
        Every time someone opened a record with exceptional access, took a copy of someone's data, downloaded a form or
        released a rating, newest first. Read-only: nothing here can be changed.
      </Text>
      <form
        noValidate
        aria-label="Filter the audit trail"
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        {error === null ? null : <ErrorNotice error={error} />}
        <div className={styles.filters}>
          <Field label="About (name or email)" validationMessage={fieldError('person')}>
            <Input
              value={filters.person}
              onChange={(_, d) => {
                set('person')(d.value);
              }}
            />
          </Field>
          <Field label="By (name or email)" validationMessage={fieldError('actor')}>
            <Input
              value={filters.actor}
              onChange={(_, d) => {
                set('actor')(d.value);
              }}
            />
          </Field>
          <Field label="Action">
            <Select
              value={filters.action}
              onChange={(_, d) => {
                set('action')(d.value);
              }}
            >
              <option value="">Any action</option>
              {ACTIONS.map(([id, words]) => (
                <option key={id} value={id}>
                  {words}
                </option>
              ))}
            </Select>
          </Field>
          <DateField label="From" value={filters.from} onChange={set('from')} />
          <DateField label="To" value={filters.to} onChange={set('to')} validationMessage={fieldError('query.to')} />
        </div>
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            Show the trail
          </Button>
        </div>
      </form>
      <LiveStatus
        message={events === null ? '' : `${String(events.length)} events shown${next ? '; more to load' : ''}.`}
      />
      {events !== null && events.length === 0 ? (
        <EmptyState title="Nothing in the trail matches">Widen the dates or clear a filter.</EmptyState>
      ) : null}
      {events !== null && events.length > 0 ? (
        <Table size="small" aria-label="Audit trail">
          <TableHeader>
            <TableRow>
              {['When', 'Who', 'Did', 'About', 'Reason'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{formatDateTime(e.at)}</TableCell>
                <TableCell>{e.actorName}</TableCell>
                <TableCell>{actionWords(e.action)}</TableCell>
                <TableCell>{e.subjectName}</TableCell>
                <TableCell>
                  {e.reason === undefined ? '—' : `${sentence(e.reason.category)}: ${e.reason.text}`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {next === null ? null : (
        <div>
          <Button disabled={busy} onClick={() => void load(true)}>
            Show more
          </Button>
        </div>
      )}
    </section>
  );
};
