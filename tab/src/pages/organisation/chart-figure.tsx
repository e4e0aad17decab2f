import {
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
import { VerticalBarChart } from '@fluentui/react-charts';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    alignItems: 'start',
  },
  chart: { minWidth: 0, overflow: 'hidden' },
  table: { width: '100%' },
  caption: { gridColumn: '1 / -1' },
});

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export interface Column<R> {
  readonly header: string;
  readonly cell: (row: R) => ReactNode;
}

/**
 * A bar chart with the same figures in a table beside it, so no figure is only in the drawing:
 * each bar keeps the chart's own label and callout for keyboard and screen-reader users.
 */
export const ChartFigure = <R,>({
  title,
  bars,
  rows,
  columns,
  rowKey,
  yMax,
  unit,
}: {
  title: string;
  bars: readonly Bar[];
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  yMax?: number;
  unit: string;
}) => {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <Text weight="semibold">{title}</Text>
      </figcaption>
      <div
        className={styles.chart}
        role="group"
        aria-label={`${title}: bar chart; the table beside it gives each figure`}
      >
        <VerticalBarChart
          data={bars.map((b) => ({
            x: b.label,
            y: b.value,
            legend: b.label,
            yAxisCalloutData: `${String(b.value)}${unit}`,
          }))}
          height={260}
          hideLegend
          useSingleColor
          {...(yMax === undefined ? {} : { yMaxValue: yMax })}
        />
      </div>
      <Table size="small" className={styles.table} aria-label={title}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((c) => (
                <TableCell key={c.header}>{c.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
};
