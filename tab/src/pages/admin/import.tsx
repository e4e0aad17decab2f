import {
  Button,
  Field,
  Label,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useId, useState } from 'react';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { AdminSection } from './section.tsx';

type ImportResult = ResponseOf<Routes['admin.import']>;
type Mapping = 'own' | 'itrent' | 'esr';

const people = (n: number): string => `${String(n)} ${n === 1 ? 'person' : 'people'}`;

const Report = ({ result }: { result: ImportResult }) =>
  result.issues.length === 0 ? (
    <Text as="p" block>
      {result.rows} rows, no problems: {people(result.changed)} would change, {result.unchanged} unchanged.
    </Text>
  ) : (
    <>
      <Text as="p" block>
        {result.issues.length} {result.issues.length === 1 ? 'problem' : 'problems'} in {result.rows} rows. Nothing will
        be applied until the file is corrected.
      </Text>
      <Table aria-label="Problems in the file" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Row</TableHeaderCell>
            <TableHeaderCell>Column</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.issues.map((issue, i) => (
            <TableRow key={i}>
              <TableCell>{issue.row}</TableCell>
              <TableCell>{issue.column}</TableCell>
              <TableCell>{issue.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );

/** HR file import: choose a CSV, check it (nothing written), then apply it; all rows or none. */
export const ImportSection = ({ onApplied }: { onApplied: () => void }) => {
  const { api } = useSession();
  const fileId = useId();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<Mapping>('own');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const run = async (dryRun: boolean) => {
    if (csv === null) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const body = { csv: csv.text, dryRun, ...(mapping === 'own' ? {} : { mapping }) };
      const result = await api.call('admin.import', { body });
      if (dryRun) setChecked(result);
      else {
        setChecked(null);
        setStatus(`${csv.name} applied: ${people(result.changed)} changed, ${result.unchanged} unchanged.`);
        onApplied();
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    setChecked(null);
    setStatus('');
    setCsv(file === undefined ? null : { name: file.name, text: await file.text() });
  };

  return (
    <AdminSection id="import" title="HR data import">
      <Text as="p" block>
        What the directory does not hold — start and incremental dates, probation, long leave, second jobs, own PC, job
        family, staff group — comes from an export of your HR system (see the import guide for the columns). Check the
        file first; nothing is written until you apply it.
      </Text>
      <div style={{ display: 'grid', gap: '0.25rem' }}>
        <Label htmlFor={fileId}>HR file (CSV)</Label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </div>
      <Field label="Column headings">
        <Select
          value={mapping}
          onChange={(_, d) => {
            setMapping(d.value as Mapping);
            setChecked(null);
          }}
        >
          <option value="own">This app's column names</option>
          <option value="itrent">iTrent export</option>
          <option value="esr">ESR export</option>
        </Select>
      </Field>
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <Button disabled={busy || csv === null} onClick={() => void run(true)}>
          Check the file
        </Button>
        <Button
          appearance="primary"
          disabled={busy || checked === null || checked.issues.length > 0}
          onClick={() => void run(false)}
        >
          Apply the file
        </Button>
      </div>
      {error === null ? null : <ErrorNotice error={error} />}
      {checked === null ? null : <Report result={checked} />}
      <LiveStatus message={status} />
    </AdminSection>
  );
};
