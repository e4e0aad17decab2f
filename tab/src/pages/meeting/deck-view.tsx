import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';

export type MeetingDeck = ResponseOf<Routes['meetings.deck.get']>;
export type OpenDeck = Extract<MeetingDeck, { kind: 'deck' }>;

/** The stage is seen from across a room: the prompt is large; the side panel shows it at reading size. */
const useStyles = makeStyles({
  stagePrompt: { fontSize: '2.5rem', lineHeight: 1.3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  themes: { display: 'grid', gap: tokens.spacingVerticalM },
  card: { display: 'grid', gap: tokens.spacingVerticalS },
});

/** The card showing, with where the deck is; `large` on the stage. */
export const DeckCard = ({ deck, large = false }: { deck: OpenDeck; large?: boolean }) => {
  const styles = useStyles();
  return (
    <section aria-labelledby="deck-card-h" className={styles.card}>
      <Text block size={large ? 500 : 300}>
        Card {deck.number} of {deck.total}
      </Text>
      <Text as={large ? 'h1' : 'h3'} block id="deck-card-h" size={large ? 900 : 500} weight="semibold">
        {deck.card?.title ?? 'This card is no longer in the scheme'}
      </Text>
      {deck.card === undefined ? null : (
        <>
          <Text block {...(large ? { className: styles.stagePrompt } : {})}>
            {deck.card.prompt}
          </Text>
          {deck.card.followUps.length === 0 ? null : (
            <ul aria-label="To keep the talk going" className={styles.list}>
              {deck.card.followUps.map((q) => (
                <li key={q}>
                  <Text size={large ? 600 : 300}>{q}</Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};

/** What the team said on each card, without names: the summary once the deck has ended. */
export const DeckThemes = ({ deck, large = false }: { deck: OpenDeck; large?: boolean }) => {
  const styles = useStyles();
  return (
    <section aria-labelledby="deck-themes-h" className={styles.themes}>
      <Text as={large ? 'h1' : 'h3'} block id="deck-themes-h" size={large ? 900 : 500} weight="semibold">
        Themes from this deck
      </Text>
      {deck.themes.length === 0 ? (
        <Text block size={large ? 600 : 300}>
          No answers were written on the cards; the talk itself is what counted.
        </Text>
      ) : (
        deck.themes.map((t) => (
          <div key={t.title + t.prompt}>
            <Text as={large ? 'h2' : 'h4'} block size={large ? 700 : 400} weight="semibold">
              {t.title}
            </Text>
            <ul aria-label={`What the team said on ${t.title}`} className={styles.list}>
              {t.answers.map((a, i) => (
                <li key={`${String(i)}-${a}`}>
                  <Text size={large ? 600 : 300}>{a}</Text>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
};
