import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { buildPath, routes } from '@pc/core/api';
import { useState } from 'react';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Layout = 'itrent' | 'esr';
const FILES: readonly { layout: Layout; label: string; done: string }[] = [
  { layout: 'itrent', label: 'Download for iTrent (CSV)', done: 'The iTrent completions file has been downloaded.' },
  { layout: 'esr', label: 'Download for ESR (CSV)', done: 'The ESR appraisals file has been downloaded.' },
];

/** HR's completion files for the HR system (000 iTrent; ESR for the NHS scheme, 003): facts only. */
export const HrExports = () => {
  const styles = useStyles();
  const { download, scheme, today } = useSession();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (download === undefined) return null;
  const offered = FILES.filter((f) => f.layout !== 'esr' || scheme?.id === 'somerset-career-conversations');
  const save = async (layout: Layout, done: string) => {
    setBusy(true);
    setError(null);
    setStatus('Preparing the file…');
    try {
      const blob = await download(buildPath(routes['exports.hrSystemFile'].path, { layout }));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${layout}-completions-${today}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 60_000);
      setStatus(done);
    } catch (e) {
      setStatus('');
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="org-exports-h">
      <Text as="h2" block id="org-exports-h" size={500} weight="semibold">
        Files for the HR system
      </Text>
      <Text as="p" block>
        The completed reviews and other conversations of the last twelve months, one row per job, with dates and ratings
        only: no notes. docs/exports.md lists the columns for whoever sets up the import.
      </Text>
      {error === null ? null : <ErrorNotice error={error} />}
      <LiveStatus message={status} />
      <div className={styles.row}>
        {offered.map((f) => (
          <Button key={f.layout} disabled={busy} onClick={() => void save(f.layout, f.done)}>
            {f.label}
          </Button>
        ))}
      </div>
    </section>
  );
};
