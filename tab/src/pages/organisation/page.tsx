import { Text } from '@fluentui/react-components';
import { useSession } from '../../session.tsx';
import { RequestsForOthers } from '../me/requests.tsx';
import { AuditTrail } from './audit-trail.tsx';
import { OrganisationCompliance } from './compliance.tsx';
import { HrExports } from './exports.tsx';
import { Retention } from './retention.tsx';
import { OrganisationThemes } from './themes.tsx';

/** #/organisation: compliance and Team Themes for HR and senior managers; the audit trail for auditors. */
const Page = (_: { rest: readonly string[] }) => {
  const { me } = useSession();
  const overseer = me.orgRoles.some((r) => r === 'hr' || r === 'senior-manager');
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Organisation
      </Text>
      <Text as="p" block>
        {me.orgRoles.includes('hr')
          ? 'Figures for the whole organisation: completion facts only, never what anyone said.'
          : me.orgRoles.includes('senior-manager')
            ? 'Figures for your service: completion facts only, never what anyone said.'
            : 'The record of who opened whose records, and why.'}
      </Text>
      {overseer ? <OrganisationCompliance /> : null}
      {overseer ? <OrganisationThemes /> : null}
      {me.orgRoles.includes('hr') ? <HrExports /> : null}
      {me.orgRoles.includes('hr') ? <Retention /> : null}
      {me.orgRoles.some((r) => r === 'auditor' || r === 'hr') ? <AuditTrail /> : null}
      {me.orgRoles.includes('auditor') ? <RequestsForOthers /> : null}
    </>
  );
};

export default Page;
