import { Text } from '@fluentui/react-components';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { PairPanelView, type Panel } from './panel.tsx';

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
      <EmptyState title="No booked conversation here">
        This meeting is not a conversation booked in the app. Book one from the app and open its panel in that meeting.
      </EmptyState>
    )}
  </>
);

/**
 * The side panel in a booked conversation's Teams meeting: the meeting's chat (from Teams'
 * context) names the record; the pair see its agenda, starters and a link to the record.
 */
const Page = (_props: { rest: readonly string[] }) => {
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
  return panel.kind === 'pair' ? <PairPanelView panel={panel} /> : <Other panel={panel} />;
};

export default Page;
