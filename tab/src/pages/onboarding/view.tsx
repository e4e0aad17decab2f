import { Button, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { ApiError, type ApiClient, type BodyOf, type Routes } from '@pc/core/api';
import { useState, type ReactNode } from 'react';
import { ErrorNotice, Loading, messageOf } from '../../components/status.tsx';
import { useLoad } from '../../use-load.ts';
import { OrganisationFields } from '../admin/settings-fields.tsx';
import { NATIONS, SCHEME_NAMES, type SettingsDraft } from '../admin/settings-draft.ts';

type OnboardingBody = BodyOf<Routes['onboarding.create']>;
type SchemeId = OnboardingBody['schemeId'];
type Draft = Pick<SettingsDraft, 'name' | 'nation' | 'timeZone' | 'quietStart' | 'quietEnd' | 'checkinEveryWeeks'>;

/** Where the administrator lands: the administration page, running the first directory sync. */
export const FIRST_SYNC_HASH = '#/admin/first-sync';

const POLICIES: Readonly<Record<SchemeId, string>> = {
  'cumbria-vip': 'policy 000',
  'leicestershire-apr': 'policy 001',
  'bexley-pms': 'policy 002',
  'somerset-career-conversations': 'policy 003',
  'assembly-secretariat': 'policy 004',
};
const SCHEMES = Object.keys(SCHEME_NAMES) as SchemeId[];

const bodyOf = (draft: Draft, schemeId: SchemeId): OnboardingBody => ({
  name: draft.name.trim(),
  schemeId,
  nation: draft.nation,
  timeZone: draft.timeZone.trim(),
  quietHours: { start: draft.quietStart, end: draft.quietEnd, days: [6, 7] },
  checkinEveryWeeks: Number(draft.checkinEveryWeeks),
});

const Frame = ({ children }: { children: ReactNode }) => (
  <main style={{ padding: '1.5rem', display: 'grid', gap: '0.75rem', maxWidth: '48rem' }}>
    <Text as="h1" block size={700} weight="semibold">
      Performance conversations
    </Text>
    {children}
  </main>
);

/** The choices, then a summary to confirm; a second click or a retry sets nothing up twice. */
const OnboardingForm = ({ api, intro, onDone }: { api: ApiClient; intro: string; onDone: () => void }) => {
  const [draft, setDraft] = useState<Draft>({
    name: '',
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
    quietStart: '18:00',
    quietEnd: '08:00',
    checkinEveryWeeks: '1',
  });
  const [schemeId, setSchemeId] = useState<SchemeId | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...change });
  };
  const review = () => {
    if (draft.name.trim() === '') setProblem('Give your organisation’s name.');
    else if (schemeId === '') setProblem('Choose the scheme your organisation follows.');
    else {
      setProblem('');
      setConfirming(true);
    }
  };
  const create = async () => {
    if (schemeId === '') return;
    setBusy(true);
    setError(null);
    try {
      await api.call('onboarding.create', { body: bodyOf(draft, schemeId) });
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  if (confirming && schemeId !== '')
    return (
      <section aria-labelledby="confirm-h" style={{ display: 'grid', gap: '0.75rem' }}>
        <Text as="h2" block id="confirm-h" size={500} weight="semibold">
          Set up {draft.name.trim()}?
        </Text>
        <dl aria-label="What will be set up">
          {[
            ['Scheme', `${SCHEME_NAMES[schemeId]} (${POLICIES[schemeId]})`],
            ['Nation', NATIONS[draft.nation]],
            ['Time zone', draft.timeZone],
            ['Quiet hours', `${draft.quietStart} to ${draft.quietEnd}, and weekends`],
            ['Check-ins', `every ${draft.checkinEveryWeeks} ${draft.checkinEveryWeeks === '1' ? 'week' : 'weeks'}`],
          ].map(([term, value]) => (
            <div key={term} style={{ display: 'flex', gap: '0.5rem' }}>
              <dt style={{ fontWeight: 600 }}>{term}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
        </dl>
        <Text as="p" block>
          The scheme cannot be changed afterwards; the rest can, on the Administration page. Your staff then come in
          from Microsoft Entra ID.
        </Text>
        {error === null ? null : <ErrorNotice error={error} />}
        <div style={{ display: 'flex', gap: '0.5rem' }}>
          <Button appearance="primary" disabled={busy} onClick={() => void create()}>
            {busy ? 'Setting up…' : 'Confirm and set up'}
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setConfirming(false);
            }}
          >
            Back
          </Button>
        </div>
      </section>
    );
  return (
    <form
      aria-labelledby="onboarding-h"
      // The sentences below say what is missing, rather than the browser's own bubbles.
      noValidate
      style={{ display: 'grid', gap: '0.75rem' }}
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      <Text as="h2" block id="onboarding-h" size={500} weight="semibold">
        Set up your organisation
      </Text>
      <Text as="p" block>
        {intro}
      </Text>
      {problem === '' ? null : (
        <Text as="p" block role="alert">
          {problem}
        </Text>
      )}
      <Field label="Scheme" required>
        <RadioGroup
          value={schemeId}
          onChange={(_, d) => {
            setSchemeId(d.value as SchemeId);
          }}
        >
          {SCHEMES.map((id) => (
            <Radio key={id} value={id} label={`${SCHEME_NAMES[id]} (${POLICIES[id]})`} />
          ))}
        </RadioGroup>
      </Field>
      <OrganisationFields draft={{ ...draft, regularEveryWeeks: '', bigPicture: '', ...NO_LISTS }} set={set} />
      <div>
        <Button appearance="primary" type="submit">
          Continue
        </Button>
      </div>
    </form>
  );
};

const NO_LISTS = {
  themes: { trainingNeeds: '', systemNeeds: '', resourcingNeeds: '', otherThemes: '', summary: '' },
  groups: { admin: '', hr: '', coordinator: '', auditor: '', 'senior-manager': '' },
} satisfies Pick<SettingsDraft, 'themes' | 'groups'>;

interface Props {
  readonly api: ApiClient;
  /** Why signing in failed. */
  readonly error: unknown;
  /** Loads the signed-in pages again. */
  readonly onRetry: () => void;
}

/**
 * When signing in is refused: an administrator of an organisation the product has never seen
 * sets it up here; anyone else from it is told, in a sentence, to wait for their administrator.
 */
const NotSignedIn = ({ api, error, onRetry }: Props) => {
  const refused = error instanceof ApiError && error.status === 403;
  const [status] = useLoad(
    async (signal) => (refused ? await api.call('onboarding.get', { signal }) : null),
    [api, refused],
  );
  if (!refused)
    return (
      <Frame>
        <ErrorNotice error={error} onRetry={onRetry} />
      </Frame>
    );
  if (status.state === 'loading') return <Loading label="Loading your organisation…" />;
  // A refusal is a sentence to read, not a fault to report: no reference number.
  const known = status.state === 'ready' ? status.data : null;
  if (known?.organisation === 'new' && known.canOnboard)
    return (
      <Frame>
        <OnboardingForm
          api={api}
          intro={known.message}
          onDone={() => {
            window.location.hash = FIRST_SYNC_HASH;
            onRetry();
          }}
        />
      </Frame>
    );
  return (
    <Frame>
      <Text as="p" block>
        {known?.organisation === 'new' ? known.message : messageOf(error)}
      </Text>
    </Frame>
  );
};

export default NotSignedIn;
