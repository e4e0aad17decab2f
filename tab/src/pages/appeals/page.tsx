import { Text } from '@fluentui/react-components';
import { useSession } from '../../session.tsx';
import { AppealDetail } from './detail.tsx';
import { Disagreements } from './disagreements.tsx';
import { AppealList } from './list.tsx';
import { LodgeAppeal } from './lodge.tsx';

/**
 * #/appeals: the reader's appeals (for HR the open ones, overdue first, and the disagreements);
 * #/appeals/<id>: one appeal; #/appeals/lodge/<personId>/<conversationId>: lodging one.
 */
const Page = ({ rest }: { rest: readonly string[] }) => {
  const { me } = useSession();
  const [first, personId, conversationId] = rest;
  if (first === 'lodge' && personId !== undefined && conversationId !== undefined) {
    return <LodgeAppeal personId={personId} conversationId={conversationId} />;
  }
  if (first !== undefined) return <AppealDetail appealId={first} />;
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Appeals
      </Text>
      <Text as="p" block>
        An appeal against an annual review, from lodging to the final decision: the grounds, the deadlines, the hearing
        and what happens next, for each person taking part.
      </Text>
      <AppealList />
      {me.orgRoles.includes('hr') ? <Disagreements /> : null}
    </>
  );
};

export default Page;
