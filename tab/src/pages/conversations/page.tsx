import { useSession } from '../../session.tsx';
import { ConversationDetail } from './detail.tsx';
import { ConversationOverview } from './overview.tsx';
import { PersonRecord } from './person.tsx';
import { RecordConversation } from './record-form.tsx';

/**
 * #/conversations, #/conversations/new[/:personId], #/conversations/:personId (a report's history
 * and objectives), #/conversations/:personId/:conversationId
 */
const ConversationsPage = ({ rest }: { rest: readonly string[] }) => {
  const { me } = useSession();
  const [first, second] = rest;
  if (first === undefined) return <ConversationOverview />;
  if (first === 'new') return <RecordConversation {...(second === undefined ? {} : { personId: second })} />;
  if (second === undefined)
    return first === me.person.id ? <ConversationOverview /> : <PersonRecord personId={first} />;
  return <ConversationDetail personId={first} conversationId={second} />;
};
export default ConversationsPage;
