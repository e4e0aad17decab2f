import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '56rem' },
});

/** One part of the administration page, named by its heading for screen readers. */
export const AdminSection = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <Text as="h2" block id={`${id}-h`} size={500} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
};
