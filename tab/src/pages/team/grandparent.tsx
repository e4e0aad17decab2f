import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, type ResponseOf, type Routes } from '@pc/core/api';
import { useMemo } from 'react';
import { useShowMore } from '../../components/show-more.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { RatingReviewSection } from './rating-review.tsx';
import { MemberTable, teamAsList } from './status.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

type TeamPage = ResponseOf<Routes['person.team']>;

/** One manager's team, a page at a time by name. */
const ManagersTeam = ({ managerId, name, first }: { managerId: string; name: string; first: TeamPage }) => {
  const { api } = useSession();
  const { items, control } = useShowMore(
    useMemo(() => teamAsList(first), [first]),
    async (continuationToken) =>
      teamAsList(await api.call('person.team', { params: { personId: managerId }, query: { continuationToken } })),
    { one: 'person', many: 'people' },
  );
  return (
    <>
      <MemberTable members={items} caption={`${name}'s reports`} />
      {control}
    </>
  );
};

/** Policy 002: the grandparent checks the reviews of their managers' reports for consistency. */
export const GrandparentView = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad(
    async (signal) => {
      const mine = await api.call('me.team', { signal });
      const teams = await Promise.all(
        mine.members.map(async (m) => {
          try {
            return {
              manager: m.person,
              team: await api.call('person.team', { params: { personId: m.person.id }, signal }),
            };
          } catch (error) {
            if (error instanceof ApiError && error.status === 404) return { manager: m.person, team: null };
            throw error;
          }
        }),
      );
      return teams.filter((t) => t.team === null || t.team.members.length > 0);
    },
    [api],
  );
  return (
    <>
      <RatingReviewSection />
      <section className={styles.section} aria-labelledby="gp-h">
        <Text as="h2" block id="gp-h" size={500} weight="semibold">
          Your managers' teams (grandparent review)
        </Text>
        {loaded.state === 'loading' ? <Loading label="Loading your managers' teams…" /> : null}
        {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
        {loaded.state === 'ready' && loaded.data.length === 0 ? (
          <Text as="p" block>
            None of your reports manage anyone.
          </Text>
        ) : null}
        {loaded.state === 'ready'
          ? loaded.data.map(({ manager, team }) => (
              <div key={manager.id}>
                <Text as="h3" block size={400} weight="semibold">
                  {manager.displayName}'s team
                </Text>
                {team === null ? (
                  <Text as="p" block>
                    This view is not available yet.
                  </Text>
                ) : (
                  <ManagersTeam managerId={manager.id} name={manager.displayName} first={team} />
                )}
              </div>
            ))
          : null}
      </section>
    </>
  );
};
