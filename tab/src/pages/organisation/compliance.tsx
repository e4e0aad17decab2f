import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { ChartFigure } from './chart-figure.tsx';

type Figures = ResponseOf<Routes['organisation.compliance']>;
type Quarter = Figures['quarters'][number];
type Unit = Figures['units'][number];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM },
  totals: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', margin: 0 },
  total: { display: 'flex', flexDirection: 'column-reverse', margin: 0 },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const percent = (value: number | null): string => (value === null ? 'Nothing due' : `${String(value)}%`);

const Totals = ({ figures }: { figures: Figures }) => {
  const styles = useStyles();
  const current = figures.quarters[figures.quarters.length - 1];
  const items: [string, string][] = [
    [`On time in ${current?.label ?? 'this quarter'}`, percent(current?.onTimePercent ?? null)],
    ['Reviews overdue now', String(figures.overdueTotal)],
    ['Pay-step deferrals', String(figures.deferrals)],
    ['Appeals in the last year', `${String(figures.appeals.lodged)} (${String(figures.appeals.open)} open)`],
  ];
  return (
    <dl className={styles.totals}>
      {items.map(([label, value]) => (
        <div key={label} className={styles.total}>
          <dt>{label}</dt>
          <dd className={styles.number}>{value}</dd>
        </div>
      ))}
    </dl>
  );
};

/** Who is overdue in the chosen department: names and what is due, never anything they said. */
const OverdueDrillDown = ({ units }: { units: readonly Unit[] }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [unit, setUnit] = useState(units.find((u) => u.overdue > 0)?.id ?? units[0]?.id ?? '');
  const [loaded, reload] = useLoad(
    async (signal) => (await api.call('organisation.compliance', { query: { unit }, signal })).overdue,
    [api, unit],
  );
  const chosen = units.find((u) => u.id === unit);
  return (
    <section className={styles.section} aria-labelledby="org-overdue-h">
      <Text as="h3" block id="org-overdue-h" size={400} weight="semibold">
        Who is overdue, by department
      </Text>
      <Field label="Department">
        <Select
          value={unit}
          onChange={(_, d) => {
            setUnit(d.value);
          }}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({String(u.overdue)} overdue)
            </option>
          ))}
        </Select>
      </Field>
      {loaded.state === 'loading' ? <Loading label="Loading who is overdue…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.length === 0 ? (
        <EmptyState title="Nobody is overdue">
          Everyone in {chosen?.name ?? 'this department'} is up to date.
        </EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.length > 0 ? (
        <ul className={styles.list} aria-label={`Overdue in ${chosen?.name ?? 'the department'}`}>
          {loaded.data.map((o) => (
            <li key={`${o.employeeId}-${o.type}-${o.dueDate}`}>
              {o.displayName}: {o.typeLabel}, due {formatDate(o.dueDate)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};

/** 003 §8 for the organisation (HR) or the service (senior manager): charts with their tables. */
export const OrganisationCompliance = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad(async (signal) => api.call('organisation.compliance', { signal }), [api]);
  return (
    <section className={styles.section} aria-labelledby="org-compliance-h">
      <Text as="h2" block id="org-compliance-h" size={500} weight="semibold">
        Reviews completed on time
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading the figures…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <Text as="p" block>
            {loaded.data.scope}, as at {formatDate(loaded.data.on)}. A review counts as on time when it was held by its
            due date; a quarter with nothing due has no percentage.
          </Text>
          <Totals figures={loaded.data} />
          <ChartFigure<Quarter>
            title="Reviews completed on time, by quarter"
            unit="%"
            yMax={100}
            bars={loaded.data.quarters.map((q) => ({ label: q.label, value: q.onTimePercent ?? 0 }))}
            rows={loaded.data.quarters}
            rowKey={(q) => q.label}
            columns={[
              { header: 'Quarter', cell: (q) => q.label },
              { header: 'On time', cell: (q) => percent(q.onTimePercent) },
              { header: 'On time / due', cell: (q) => `${String(q.completedOnTime)} of ${String(q.expected)}` },
              { header: 'Held late', cell: (q) => String(q.completedLate) },
            ]}
          />
          <ChartFigure<Unit>
            title="Reviews overdue now, by department"
            unit=" overdue"
            bars={loaded.data.units.map((u) => ({ label: u.name, value: u.overdue }))}
            rows={loaded.data.units}
            rowKey={(u) => u.id}
            columns={[
              { header: 'Department', cell: (u) => u.name },
              { header: 'People', cell: (u) => String(u.people) },
              { header: 'On time this quarter', cell: (u) => percent(u.onTimePercent) },
              { header: 'Overdue', cell: (u) => String(u.overdue) },
              { header: 'Deferrals', cell: (u) => String(u.deferrals) },
              { header: 'Appeals', cell: (u) => String(u.appeals) },
            ]}
          />
          {loaded.data.units.length === 0 ? null : <OverdueDrillDown units={loaded.data.units} />}
          <div>
            <Button onClick={reload}>Refresh the figures</Button>
          </div>
        </>
      ) : null}
    </section>
  );
};
