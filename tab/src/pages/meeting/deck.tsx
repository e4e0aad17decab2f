import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useStep } from '../../components/use-step.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { DeckCard, DeckThemes, type OpenDeck } from './deck-view.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The stage shows the tab's stage page; Teams gives it the meeting's chat id in its context. */
const stageUrl = (): string => `${window.location.origin}/tab/#/meeting/stage`;

/** The controls of whoever runs the deck: share it to the stage, draw the next card, end it. */
const Controls = ({ deck, chatId, reload }: { deck: OpenDeck; chatId: string; reload: () => void }) => {
  const styles = useStyles();
  const { api, host } = useSession();
  const step = useStep(reload);
  const [sharing] = useLoad(
    async () => (host?.stage === undefined ? false : await host.stage.canShare().catch(() => false)),
    [host],
  );
  const stage = host?.stage;
  return (
    <>
      <div className={styles.actions}>
        {stage !== undefined && sharing.state === 'ready' && sharing.data ? (
          <Button
            disabled={step.busy}
            onClick={() => void step.run(() => stage.share(stageUrl()), 'Shared to the stage.')}
          >
            Share to stage
          </Button>
        ) : null}
        <Button
          appearance="primary"
          disabled={step.busy || !deck.mayDrawNext}
          onClick={() =>
            void step.run(
              () => api.call('meetings.deck.next', { params: { chatId }, body: { number: deck.number } }),
              'The next card is showing.',
            )
          }
        >
          Next card
        </Button>
        <Button
          disabled={step.busy}
          onClick={() =>
            void step.run(() => api.call('meetings.deck.end', { params: { chatId } }), 'The deck has ended.')
          }
        >
          End and summarise
        </Button>
      </div>
      {step.notice}
      <LiveStatus message={step.status} />
    </>
  );
};

/**
 * The team deck in a meeting's side panel: anyone may start one and so runs it; whoever runs it
 * shares it to the stage, draws the cards and ends it; everyone else sees the card showing.
 */
export const DeckPanel = ({ chatId }: { chatId: string }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('meetings.deck.get', { params: { chatId }, signal }),
    [api, chatId],
  );
  const step = useStep(reload);
  const start = (label: string) => (
    <Button
      appearance="primary"
      disabled={step.busy}
      onClick={() =>
        void step.run(() => api.call('meetings.deck.start', { params: { chatId } }), 'The deck has started.')
      }
    >
      {label}
    </Button>
  );
  const body = (() => {
    if (loaded.state === 'loading') return <Loading label="Loading the team deck…" />;
    if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
    const deck = loaded.data;
    if (deck.kind === 'none') {
      return (
        <>
          <Text block>
            Draw the scheme&apos;s conversation starters one at a time and talk them through together, on the
            meeting&apos;s stage.
          </Text>
          <div>{start('Start a deck for this meeting')}</div>
        </>
      );
    }
    if (deck.status === 'ended') {
      return (
        <>
          <DeckThemes deck={deck} />
          <div>{start('Start a new deck')}</div>
        </>
      );
    }
    return (
      <>
        <DeckCard deck={deck} />
        {deck.runsIt ? (
          <Controls deck={deck} chatId={chatId} reload={reload} />
        ) : (
          <Text block>The person who started this deck draws the cards; follow along on the stage.</Text>
        )}
      </>
    );
  })();
  return (
    <section aria-labelledby="meeting-deck-h" className={styles.section}>
      <Text as="h2" block id="meeting-deck-h" size={500} weight="semibold">
        Team starters
      </Text>
      {body}
      {step.notice}
      <LiveStatus message={step.status} />
    </section>
  );
};
