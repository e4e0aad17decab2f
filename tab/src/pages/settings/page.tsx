import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import type { SettingsView } from './draft.ts';
import { SettingsForm } from './form.tsx';

/** My settings: which nudges I get and where, how often a check-in comes, my own quiet hours, and whether my deck answers carry my name. */
const Page = (_props: { rest: readonly string[] }) => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('me.settings.get', { signal }), [api]);
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const view = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Settings
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading your settings…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      <LiveStatus message={saved === null ? '' : 'Your settings are saved.'} />
      {view === null ? null : (
        <SettingsForm
          view={view}
          onSaved={setSaved}
          onReload={() => {
            setSaved(null);
            reload();
          }}
        />
      )}
    </>
  );
};

export default Page;
