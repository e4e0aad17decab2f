import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { FirstSync } from './first-sync.tsx';
import { ImportSection } from './import.tsx';
import { RolesSection } from './roles.tsx';
import { SettingsSection } from './settings.tsx';
import { SyncSection } from './sync.tsx';

/**
 * #/admin (#/admin/first-sync straight after onboarding): bringing staff in (directory sync, HR
 * import), the organisation's settings and who holds which role.
 */
const AdminPage = ({ rest }: { readonly rest: readonly string[] }) => {
  const [round, setRound] = useState(0);
  // Counts first syncs finished here: the sync section then shows the round afresh.
  const [firstSyncs, setFirstSyncs] = useState(0);
  const changed = () => {
    setRound((r) => r + 1);
  };
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Administration
      </Text>
      <Text as="p" block>
        Bring your organisation&apos;s staff in and keep them current, and set what the scheme leaves to you.
      </Text>
      {rest[0] === 'first-sync' ? (
        <FirstSync
          onDone={() => {
            // Arrived once: a reload of the page shows the usual sections only.
            window.history.replaceState(null, '', '#/admin');
            setFirstSyncs((n) => n + 1);
            changed();
          }}
        />
      ) : null}
      <SyncSection key={firstSyncs} onSynced={changed} />
      <ImportSection onApplied={changed} />
      <SettingsSection />
      <RolesSection round={round} />
    </>
  );
};

export default AdminPage;
