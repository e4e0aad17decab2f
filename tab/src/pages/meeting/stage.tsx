import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { DeckCard, DeckThemes } from './deck-view.tsx';

/** How often the stage asks for the card showing: a small GET, and only while the deck is open and on screen. */
const STAGE_POLL_MS = 3000;

const useStyles = makeStyles({
  stage: { maxWidth: '60rem', margin: '0 auto', padding: tokens.spacingVerticalXXL },
});

/**
 * The meeting's stage: the team deck's card showing, large enough to read across a room, following
 * the side panel's "Next card"; once ended, the themes without names.
 */
export const StagePage = () => {
  const styles = useStyles();
  const { api, context } = useSession();
  const chatId = context.chatId;
  const [loaded, reload] = useLoad(
    async (signal) => (chatId === undefined ? null : api.call('meetings.deck.get', { params: { chatId }, signal })),
    [api, chatId],
  );
  const open = loaded.state === 'ready' && loaded.data?.kind === 'deck' && loaded.data.status === 'open';
  const waiting = loaded.state === 'ready' && loaded.data?.kind === 'none';
  useEffect(() => {
    if (!open && !waiting) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, STAGE_POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [open, waiting, reload]);

  const body = (() => {
    if (loaded.state === 'loading') return <Loading label="Loading the team deck…" />;
    if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
    const deck = loaded.data;
    if (deck === null || deck.kind === 'none') {
      return (
        <EmptyState title="Team starters">
          Start a deck from the app&apos;s side panel in this meeting; its cards show here for everyone.
        </EmptyState>
      );
    }
    return deck.status === 'ended' ? <DeckThemes deck={deck} large /> : <DeckCard deck={deck} large />;
  })();
  return (
    <div className={styles.stage}>
      <Text block size={400}>
        Team starters
      </Text>
      {body}
    </div>
  );
};
