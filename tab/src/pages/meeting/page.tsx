import { Text } from '@fluentui/react-components';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { DeckPanel } from './deck.tsx';
import { PairPanelView, type Panel } from './panel.tsx';
import { StagePage } from './stage.tsx';

const Heading = () => (
  <Text as="h1" block size={700} weight="semibold">
    This meeting
  </Text>
);

const Other = ({ panel }: { panel: Exclude<Panel, { kind: 'pair' }> }) => (
  <>
    <Heading />
    {panel.kind === 'not-for-you' ? (
      <EmptyState title="This panel is for the two people in this conversation">
        It shows their agenda and notes, so it stays with them. Thank you for understanding.
      </EmptyState>
    ) : (
      <Text block>
        This meeting is not a one-to-one conversation booked in the app, so there is no agenda or record here.
      </Text>
    )}
  </>
);

/**
 * The side panel in a booked conversation's Teams meeting: the meeting's chat (from Teams'
 * context) names the record; the pair see its agenda, starters and a link to the record.
 * Below it, in any meeting, the team deck of starters; on the stage, the deck's card.
 */
const Page = ({ rest }: { rest: readonly string[] }) =>
  rest[0] === 'meetingStage' || rest[0] === 'stage' ? <StagePage /> : <SidePanel />;

const SidePanel = () => {
  const { api, context } = useSession();
  const chatId = context.chatId;
  const [loaded, reload] = useLoad(
    async (signal) => (chatId === undefined ? null : api.call('meetings.panel', { params: { chatId }, signal })),
    [api, chatId],
  );
  if (chatId === undefined) {
    return (
      <>
        <Heading />
        <EmptyState title="Open this in a meeting">
          Add the app to a booked conversation&apos;s Teams meeting to see its agenda and starters here.
        </EmptyState>
      </>
    );
  }
  if (loaded.state === 'loading') return <Loading label="Loading this meeting…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const panel = loaded.data;
  if (panel === null) return null;
  return (
    <>
      {panel.kind === 'pair' ? <PairPanelView panel={panel} /> : <Other panel={panel} />}
      <DeckPanel chatId={chatId} />
    </>
  );
};

export default Page;
