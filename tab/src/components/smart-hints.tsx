import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Warning20Regular } from '@fluentui/react-icons';
import type { ResponseOf, Routes } from '@pc/core/api';

export type SmartResult = ResponseOf<Routes['objectives.smartCheck']>;

export const LETTER_NAMES = {
  S: 'Specific',
  M: 'Measurable',
  A: 'Achievable',
  R: 'Relevant',
  T: 'Time-bound',
} as const;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
});

export const smartSummary = (result: SmartResult): string => {
  const missing = result.letters.filter((l) => !l.ok).length;
  if (result.complete || missing === 0) return 'Your objective covers all five SMART letters.';
  return `${missing} of 5 SMART letters still missing.`;
};

/** Each SMART letter with a tick or a warning and the reason, in words as well as icons. */
export const SmartHints = ({ result, checking }: { result: SmartResult | null; checking: boolean }) => {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby="smart-heading">
      <Text as="h3" block id="smart-heading" weight="semibold" size={400}>
        SMART check
      </Text>
      <p role="status" aria-live="polite" style={{ margin: 0 }}>
        {result === null
          ? checking
            ? 'Checking…'
            : 'Start typing and we will check your objective is SMART.'
          : smartSummary(result)}
      </p>
      {result === null ? null : (
        <ul className={styles.list}>
          {result.letters.map((l) => (
            <li key={l.letter} className={styles.item} data-letter={l.letter} data-ok={l.ok}>
              {l.ok ? (
                <CheckmarkCircle20Regular className={styles.ok} aria-hidden />
              ) : (
                <Warning20Regular className={styles.missing} aria-hidden />
              )}
              <span>
                <strong>
                  {l.letter} – {LETTER_NAMES[l.letter]}:
                </strong>{' '}
                {l.ok ? 'covered.' : `missing. ${l.reason ?? l.prompt}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
