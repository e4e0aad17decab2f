import { Button, Link, Text } from '@fluentui/react-components';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { SettingsHistory } from './history.tsx';
import { AdminSection } from './section.tsx';
import { bodyOf, draftOf, SCHEME_NAMES, type AdminView, type SettingsDraft } from './settings-draft.ts';
import { OrganisationFields, RoleGroupFields, SchemeFields } from './settings-fields.tsx';

interface FormProps {
  readonly view: AdminView;
  readonly onSaved: (view: AdminView) => void;
  /** After a conflict: load the version someone else saved. */
  readonly onReload: () => void;
}

const Form = ({ view, onSaved, onReload }: FormProps) => {
  const { api } = useSession();
  const [draft, setDraft] = useState<SettingsDraft | null>(() => draftOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDraft(draftOf(view));
  }, [view]);
  if (draft === null || view.tenant === null || view.settings === null) return null;
  const set = (change: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...change });
  };
  const save = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('admin.settings.put', { body: bodyOf(view, draft), ifMatch: view.etag }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const props = { view, draft, set };
  return (
    <form onSubmit={(e) => void save(e)} aria-label="Organisation settings" style={{ display: 'grid', gap: '0.75rem' }}>
      <Text as="p" block>
        Scheme: {SCHEME_NAMES[view.tenant.schemeId]}. Version {view.settings.version}, last changed by{' '}
        {view.settings.updatedByName}.
      </Text>
      <Text as="h3" block size={400} weight="semibold">
        Organisation
      </Text>
      <OrganisationFields {...props} />
      <Text as="h3" block size={400} weight="semibold">
        Left to the organisation by the scheme
      </Text>
      <SchemeFields {...props} />
      <Text as="h3" block size={400} weight="semibold">
        Roles from Entra groups
      </Text>
      <RoleGroupFields {...props} />
      {error === null ? null : <ErrorNotice error={error} onRetry={onReload} />}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
};

/** The organisation's settings, versioned: the form, and who changed what before. */
export const SettingsSection = () => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('admin.settings.get', { signal }), [api]);
  const [saved, setSaved] = useState<AdminView | null>(null);
  const [round, setRound] = useState(0);
  const view = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  const onSaved = (next: AdminView) => {
    setSaved(next);
    setRound((r) => r + 1);
  };
  return (
    <AdminSection id="settings" title="Settings">
      {loaded.state === 'loading' ? <Loading label="Loading the settings…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {view?.adminConsentUrl == null ? null : (
        <Text as="p" block>
          A Global Administrator grants this app&apos;s Microsoft Graph permissions for everyone once:{' '}
          <Link href={view.adminConsentUrl} target="_blank" rel="noreferrer">
            grant admin consent
          </Link>
          .
        </Text>
      )}
      <LiveStatus
        message={saved === null || saved.settings === null ? '' : `Saved as version ${String(saved.settings.version)}.`}
      />
      {view === null ? null : (
        <Form
          view={view}
          onSaved={onSaved}
          onReload={() => {
            setSaved(null);
            reload();
            setRound((r) => r + 1);
          }}
        />
      )}
      <Text as="h3" block size={400} weight="semibold">
        Earlier versions
      </Text>
      <SettingsHistory round={round} />
    </AdminSection>
  );
};
