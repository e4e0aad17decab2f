import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiError } from '@pc/core/api';

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '40rem',
  },
  loading: { padding: tokens.spacingVerticalL },
});

/** Shown at once while data loads, so something appears well within 3 seconds. */
export const Loading = ({ label }: { label: string }) => {
  const styles = useStyles();
  return (
    <div role="status" className={styles.loading}>
      <Spinner size="small" label={label} labelPosition="after" />
    </div>
  );
};

/** An empty list that says what to do next. */
export const EmptyState = ({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) => {
  const styles = useStyles();
  return (
    <section className={styles.empty} aria-label={title}>
      <Text as="p" block weight="semibold">
        {title}
      </Text>
      <Text as="p" block>
        {children}
      </Text>
      {action}
    </section>
  );
};

export const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Something went wrong. Try again in a few minutes.';

/**
 * Trying again helps after a network failure, a busy or failing service, or a conflict (reload);
 * not after a refusal, a missing record or a form the service turned down.
 */
const retryHelps = (error: unknown): boolean =>
  !(error instanceof ApiError) ||
  error.isConflict ||
  error.status === 0 ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500;

/** A failure people can act on; the reference helps the service desk find the server log. */
export const ErrorNotice = ({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) => {
  const reference = error instanceof ApiError ? error.correlationId : undefined;
  const conflict = error instanceof ApiError && error.isConflict;
  return (
    <MessageBar intent={conflict ? 'warning' : 'error'} role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? (conflict ? 'Changed by someone else' : 'That did not work')}</MessageBarTitle>
        {messageOf(error)}
        {reference === undefined ? null : <> (Reference: {reference})</>}
      </MessageBarBody>
      {onRetry === undefined || !retryHelps(error) ? null : (
        <MessageBarActions>
          <Button onClick={onRetry}>{conflict ? 'Reload' : 'Try again'}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
};

/** Polite announcements for screen readers (saved, agreed...), also visible on screen. */
export const LiveStatus = ({ message }: { message: string }) => (
  <div role="status" aria-live="polite">
    {message === '' ? null : (
      <MessageBar intent="success">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
    )}
  </div>
);
