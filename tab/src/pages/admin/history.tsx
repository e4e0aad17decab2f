import { Text } from '@fluentui/react-components';
import { formatDateTime } from '../../components/format.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'name',
  schemeId: 'scheme',
  nation: 'nation',
  timeZone: 'time zone',
  quietHours: 'quiet hours',
  checkinEveryWeeks: 'check-in frequency',
  roleGroups: 'role groups',
  'scheme.bigPictureQuestions': 'Big Picture questions',
  'scheme.teamThemesTemplate': 'Team Themes template',
  'scheme.regularEveryWeeks': 'regular conversation frequency',
  'scheme.retentionKeepYears': "keeping period for leavers' records",
};

const changes = (fields: readonly string[]): string =>
  fields.length === 0 ? 'set up the organisation' : `changed ${fields.map((f) => FIELD_NAMES[f] ?? f).join(', ')}`;

/** Every saved version: who changed what, and when. */
export const SettingsHistory = ({ round }: { round: number }) => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('admin.settings.history', { signal }), [api, round]);
  if (loaded.state === 'loading') return <Loading label="Loading earlier versions…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  if (loaded.data.items.length === 0)
    return (
      <Text as="p" block>
        No changes yet: the scheme&apos;s own values apply.
      </Text>
    );
  return (
    <ol aria-label="Changes to the settings" reversed>
      {loaded.data.items.map((v) => (
        <li key={v.version}>
          Version {v.version}: {v.updatedByName} {changes(v.changed)} on {formatDateTime(v.updatedAt)}
        </li>
      ))}
    </ol>
  );
};
