import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { firstNameOf } from '../../components/people.ts';
import { LiveStatus } from '../../components/status.tsx';
import { useStep } from '../../components/use-step.tsx';
import { useSession } from '../../session.tsx';

export type RatingReview = ResponseOf<Routes['ratings.review.get']>;
type Item = RatingReview['teams'][number]['items'][number];

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '48rem',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const stateWords = (item: Item, manager: string): string => {
  switch (item.state) {
    case 'released':
      return `Agreed and released on ${formatDateTime(item.rating.releasedToEmployeeAt ?? item.review?.at ?? '')}.`;
    case 'returned':
      return `Returned to ${manager} on ${formatDateTime(item.review?.at ?? '')}: “${item.review?.note ?? ''}”`;
    case 'agreed':
      return 'Agreed; the release to the colleague did not finish. Agree again to release it.';
    case 'awaiting':
      return 'Waiting for your check. The colleague cannot see it yet.';
  }
};

/** One recommendation: the rating, the bonus, how it fell short; agree (Step 3 complete) or return it. */
export const RecommendationItem = ({
  item,
  scale,
  manager,
  reload,
}: {
  item: Item;
  scale: RatingReview['scale'];
  manager: string;
  reload: () => void;
}) => {
  const styles = useStyles();
  const { api } = useSession();
  const { run, busy, notice, status } = useStep(reload);
  const [note, setNote] = useState('');
  const label = scale.find((o) => o.value === item.rating.value)?.label ?? '';
  const params = { personId: item.employeeId, conversationId: item.conversationId };
  const open = item.state !== 'released';
  const who = firstNameOf(item.displayName);
  return (
    <section className={styles.item} aria-label={`${item.displayName}'s recommendation`}>
      <Text as="h4" block weight="semibold">
        {item.displayName}: {item.rating.value} {label}
        {item.rating.bonusRecommended === true ? ', bonus recommended' : ''}
      </Text>
      <Text as="p" block>
        Annual review of {formatDate(item.date)}. {stateWords(item, firstNameOf(manager))}
      </Text>
      {item.rating.shortfall === undefined ? null : (
        <Text as="p" block>
          How performance fell short: {item.rating.shortfall}
        </Text>
      )}
      <LiveStatus message={status} />
      {notice}
      {open ? (
        <>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => api.call('ratings.review.post', { params, body: { outcome: 'agreed' }, ifMatch: item.etag }),
                  `Step 3 is complete: ${who} can now see the rating.`,
                )
              }
            >
              Agree and release to {who}
            </Button>
          </div>
          <Field
            label={`Why return ${who}'s recommendation to ${firstNameOf(manager)}`}
            hint="The manager reads this; the colleague does not."
          >
            <Textarea
              value={note}
              onChange={(_, d) => {
                setNote(d.value);
              }}
              resize="vertical"
            />
          </Field>
          <div className={styles.actions}>
            <Button
              disabled={busy}
              onClick={() =>
                void run(
                  () =>
                    api.call('ratings.review.post', {
                      params,
                      body: { outcome: 'returned', note },
                      ifMatch: item.etag,
                    }),
                  `Returned to ${firstNameOf(manager)} to look at again.`,
                )
              }
            >
              Return to {firstNameOf(manager)}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
};
