import {
  Button,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
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

/** The API takes an HR file of up to 32 MB (a 50,000-row ESR export is a few MB); larger files go through the CLI. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

const people = (n: number): string => `${String(n)} ${n === 1 ? 'person' : 'people'}`;
const size = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${String(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const lineCount = (text: string): number => text.split('\n').filter((l) => l.trim() !== '').length - 1;

/** Reads a chosen file as text, telling how far it has got (a file of a few MB takes a moment). */
const readWithProgress = (file: File, onProgress: (fraction: number) => void): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read.'));
    };
    reader.readAsText(file);
  });

/** What the page is doing with the file: reading it (with how far), or the server checking or applying it. */
type Work =
  | { readonly kind: 'reading'; readonly fraction: number; readonly name: string }
  | { readonly kind: 'checking' | 'applying' };

const Progress = ({ work, name, rows, bytes }: { work: Work; name: string; rows: number; bytes: number }) => {
  const label =
    work.kind === 'reading'
      ? `Reading ${work.name}: ${String(Math.round(work.fraction * 100))}%`
      : `${work.kind === 'checking' ? 'Checking' : 'Applying'} ${String(rows)} rows of ${name} (${size(bytes)}); a large file takes a minute or two.`;
  return (
    <Field label={label} validationState="none">
      <ProgressBar
        aria-label={label}
        thickness="large"
        {...(work.kind === 'reading' ? { value: work.fraction } : {})}
      />
    </Field>
  );
};

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
  const [csv, setCsv] = useState<{ name: string; text: string; bytes: number; rows: number } | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
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
    setWork({ kind: dryRun ? 'checking' : 'applying' });
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
      setWork(null);
    }
  };

  const choose = async (file: File | undefined) => {
    setChecked(null);
    setStatus('');
    setError(null);
    setCsv(null);
    setTooLarge(null);
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      setTooLarge(
        `${file.name} is ${size(file.size)}; files up to 32 MB can be imported here. Split it, or use the CLI.`,
      );
      return;
    }
    setBusy(true);
    setWork({ kind: 'reading', fraction: 0, name: file.name });
    try {
      const text = await readWithProgress(file, (fraction) => {
        setWork({ kind: 'reading', fraction, name: file.name });
      });
      setCsv({ name: file.name, text, bytes: file.size, rows: lineCount(text) });
      setStatus(`${file.name} read: ${size(file.size)}, ${String(lineCount(text))} rows. Check it next.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setWork(null);
    }
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
      {work === null ? null : (
        <Progress work={work} name={csv?.name ?? 'the file'} rows={csv?.rows ?? 0} bytes={csv?.bytes ?? 0} />
      )}
      {tooLarge === null ? null : (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{tooLarge}</MessageBarBody>
        </MessageBar>
      )}
      {error === null ? null : <ErrorNotice error={error} />}
      {checked === null ? null : <Report result={checked} />}
      <LiveStatus message={status} />
    </AdminSection>
  );
};
