import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatDateTime } from '../../components/format.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AdminSection } from './section.tsx';

const ROLE_NAMES = {
  admin: 'Administrator',
  hr: 'HR',
  coordinator: 'Coordinator',
  auditor: 'Auditor',
  'senior-manager': 'Senior manager',
} as const;

const SOURCES = {
  'app-role': 'Entra app role',
  group: 'Entra group',
  record: 'Their record',
} as const;

/** Who holds which role, and where each role comes from. */
export const RolesSection = ({ round }: { round: number }) => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('admin.roles', { signal }), [api, round]);
  return (
    <AdminSection id="roles" title="Roles">
      <Text as="p" block>
        Roles come from app roles assigned in Microsoft Entra ID (or from the groups mapped below) and take effect when
        the person next signs in.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading roles…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
        <EmptyState title="Nobody holds a role yet">Assign app roles to people in Microsoft Entra ID.</EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
        <Table aria-label="Who holds which role" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Person</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Comes from</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaded.data.items.flatMap((holder) =>
              holder.roles.map((r) => (
                <TableRow key={`${holder.personId}-${r.role}`}>
                  <TableCell>{holder.displayName}</TableCell>
                  <TableCell>{ROLE_NAMES[r.role]}</TableCell>
                  <TableCell>
                    {SOURCES[r.source]}
                    {r.source !== 'record' && holder.seenAt !== undefined
                      ? ` (seen at sign-in ${formatDateTime(holder.seenAt)})`
                      : ''}
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      ) : null}
    </AdminSection>
  );
};
