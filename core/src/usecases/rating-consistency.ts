import type { Rating } from '../domain/conversations.ts';
import type { RatingScale } from '../scheme/types.ts';

/** How one team's recommendations spread over the scale, and the bonus recommendations among them. */
export interface RatingSpread {
  readonly total: number;
  /** Count per value of the scale, every value present. */
  readonly counts: Readonly<Record<string, number>>;
  readonly bonus: number;
}

export const spreadOf = (scale: RatingScale, ratings: readonly Rating[]): RatingSpread => ({
  total: ratings.length,
  counts: Object.fromEntries(scale.options.map((o) => [o.value, ratings.filter((r) => r.value === o.value).length])),
  bonus: ratings.filter((r) => r.bonusRecommended === true).length,
});

/** A gap of this many percentage points from the other teams is worth the grandparent's second look. */
const OUTLIER_POINTS = 25;
/** Fewer recommendations than this say nothing about a team's pattern. */
const FEWEST = 2;

const share = (count: number, total: number): number => (total === 0 ? 0 : Math.round((count / total) * 100));

const combined = (spreads: readonly RatingSpread[], pick: (s: RatingSpread) => number) => ({
  count: spreads.reduce((sum, s) => sum + pick(s), 0),
  total: spreads.reduce((sum, s) => sum + s.total, 0),
});

/**
 * Why one manager's recommendations stand out from those of the grandparent's other managers (002:
 * the grandparent ensures consistency and fairness in assessment and in recommendations for
 * increments and bonuses): the share rated to earn an increment, and the share recommended a bonus,
 * each compared with the other teams taken together. Empty when nothing stands out.
 */
export const outliersOf = (scale: RatingScale, team: RatingSpread, others: readonly RatingSpread[]): string[] => {
  const rest = combined(others, (s) => s.total);
  if (team.total < FEWEST || rest.total < FEWEST) return [];
  const increment = scale.options.filter((o) => o.increment).map((o) => o.value);
  const measures = [
    {
      what: `rated ${increment.join(' or ')} (increment)`,
      pick: (s: RatingSpread) => increment.reduce((sum, v) => sum + (s.counts[v] ?? 0), 0),
    },
    { what: 'recommended a bonus', pick: (s: RatingSpread) => s.bonus },
  ];
  return measures.flatMap(({ what, pick }) => {
    const mine = share(pick(team), team.total);
    const theirs = combined(others, pick);
    const elsewhere = share(theirs.count, rest.total);
    if (Math.abs(mine - elsewhere) < OUTLIER_POINTS) return [];
    const word = mine > elsewhere ? 'more' : 'fewer';
    return [`${String(mine)}% ${what}, ${word} than the ${String(elsewhere)}% across your other managers' teams`];
  });
};
