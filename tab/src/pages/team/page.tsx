import { Text } from '@fluentui/react-components';
import { EmptyState } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { Compliance } from './compliance.tsx';
import { GrandparentView } from './grandparent.tsx';
import { HandoverForm } from './handover.tsx';
import { TeamStatus } from './status.tsx';
import { ThemesForm } from './themes.tsx';

/** #/team, #/team/handover/:personId */
const TeamPage = ({ rest }: { rest: readonly string[] }) => {
  const { me, scheme } = useSession();
  if (me.reportCount === 0)
    return (
      <>
        <Text as="h1" block size={700} weight="semibold">
          My team
        </Text>
        <EmptyState title="No one reports to you">
          This page is for line managers. If people should report to you, ask HR to update the organisation chart.
        </EmptyState>
      </>
    );
  const [first, second] = rest;
  if (first === 'handover' && second !== undefined) return <HandoverForm personId={second} />;
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        My team
      </Text>
      <TeamStatus />
      {me.tenant.schemeId === 'bexley-pms' ? <GrandparentView /> : null}
      <Compliance />
      {scheme === null || me.tenant.schemeId === 'cumbria-vip' ? <ThemesForm /> : null}
    </>
  );
};
export default TeamPage;
