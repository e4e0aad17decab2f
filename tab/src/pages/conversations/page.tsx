import { ConversationDetail } from './detail.tsx';
import { ConversationOverview } from './overview.tsx';
import { RecordConversation } from './record-form.tsx';

/** #/conversations, #/conversations/new[/:personId], #/conversations/:personId/:conversationId */
const ConversationsPage = ({ rest }: { rest: readonly string[] }) => {
  const [first, second] = rest;
  if (first === undefined) return <ConversationOverview />;
  if (first === 'new') return <RecordConversation {...(second === undefined ? {} : { personId: second })} />;
  if (second === undefined) return <ConversationOverview />;
  return <ConversationDetail personId={first} conversationId={second} />;
};
export default ConversationsPage;
