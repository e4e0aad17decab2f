import {
  MessageBar,
  MessageBarBody,
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
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { RecommendationItem, type RatingReview } from './rating-review-item.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM },
  table: { maxWidth: '48rem' },
});

type Spread = NonNullable<RatingReview['overall']>;

const SpreadRow = ({ name, spread, scale }: { name: string; spread: Spread; scale: RatingReview['scale'] }) => (
  <TableRow>
    <TableCell>{name}</TableCell>
    {scale.map((o) => (
      <TableCell key={o.value}>{spread.counts[o.value] ?? 0}</TableCell>
    ))}
    <TableCell>{spread.bonus}</TableCell>
    <TableCell>{spread.total}</TableCell>
  </TableRow>
);

/**
 * Policy 002: the grandparent's consistency check. How each manager's recommendations spread over
 * the ratings and the bonus, which team stands out against the others, and Step 3 on each: agree
 * and release it to the colleague, or return it to the manager with the reason.
 */
export const RatingReviewSection = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('ratings.review.get', { signal }), [api]);
  if (loaded.state === 'loading') return <Loading label="Loading your managers' rating recommendations…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const { scale, teams, overall } = loaded.data;
  if (!loaded.data.applies || teams.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="rr-h">
      <Text as="h2" block id="rr-h" size={500} weight="semibold">
        Ratings to check for consistency (Step 3)
      </Text>
      <Text as="p" block>
        Each recommendation from the last twelve months' annual reviews. The colleague sees their rating only once you
        agree it; a rating you return goes back to their manager with your reason.
      </Text>
      <Table className={styles.table} aria-label="How ratings spread across your managers' teams">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Team</TableHeaderCell>
            {scale.map((o) => (
              <TableHeaderCell key={o.value}>
                {o.value} {o.label}
              </TableHeaderCell>
            ))}
            <TableHeaderCell>Bonus recommended</TableHeaderCell>
            <TableHeaderCell>Rated</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {teams.map((t) => (
            <SpreadRow key={t.manager.id} name={`${t.manager.displayName}'s team`} spread={t.spread} scale={scale} />
          ))}
          {overall === undefined ? null : <SpreadRow name="All teams" spread={overall} scale={scale} />}
        </TableBody>
      </Table>
      {teams.map((t) => (
        <section key={t.manager.id} aria-label={`${t.manager.displayName}'s recommendations`}>
          <Text as="h3" block size={400} weight="semibold">
            {t.manager.displayName}'s recommendations
          </Text>
          {t.outliers.length === 0 ? null : (
            <MessageBar intent="warning">
              <MessageBarBody>
                This team stands out: {t.outliers.join('; ')}. Check the evidence before you agree.
              </MessageBarBody>
            </MessageBar>
          )}
          {t.items.length === 0 ? (
            <Text as="p" block>
              No ratings recorded yet.
            </Text>
          ) : (
            t.items.map((item) => (
              <RecommendationItem
                key={item.conversationId}
                item={item}
                scale={scale}
                manager={t.manager.displayName}
                reload={reload}
              />
            ))
          )}
        </section>
      ))}
    </section>
  );
};
