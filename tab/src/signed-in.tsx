import { Suspense, lazy, useRef } from 'react';
import type { ApiClient } from '@pc/core/api';
import { loadConversationsPage, loadObjectivesPage, PAGES_FETCHED_EARLY } from './api-first-load.ts';
import { FirstScreenContext, loadHome } from './api-home.ts';
import { localToday } from './components/format.ts';
import { Loading } from './components/status.tsx';
import { parseHash, type PageId } from './router.ts';
import { SessionContext, type Session } from './session.tsx';
import { Shell } from './shell.tsx';
import type { HostContext, TeamsHost } from './teams.ts';
import { useHash } from './use-hash.ts';
import { useLoad } from './use-load.ts';

const ObjectivesPage = lazy(loadObjectivesPage);
const ConversationsPage = lazy(loadConversationsPage);
const TeamPage = lazy(() => import('./pages/team/page.tsx'));
const NotesPage = lazy(() => import('./pages/notes/page.tsx'));
const MyDataPage = lazy(() => import('./pages/me/page.tsx'));
const ConfigPage = lazy(() => import('./pages/config.tsx'));
const BookPage = lazy(() => import('./pages/book/page.tsx'));
const AppealsPage = lazy(() => import('./pages/appeals/page.tsx'));
const OrganisationPage = lazy(() => import('./pages/organisation/page.tsx'));
const AdminPage = lazy(() => import('./pages/admin/page.tsx'));
const SettingsPage = lazy(() => import('./pages/settings/page.tsx'));
const MeetingPage = lazy(() => import('./pages/meeting/page.tsx'));
/** Signing in refused: an unknown organisation's administrator sets it up there. */
const NotSignedIn = lazy(() => import('./pages/onboarding/view.tsx'));

/** Teams frame contexts inside a meeting: the side panel and the shared stage. */
const MEETING_FRAMES: ReadonlySet<string> = new Set(['sidePanel', 'meetingStage']);

interface Props {
  readonly api: ApiClient;
  readonly download?: (path: string) => Promise<Blob>;
  readonly host: TeamsHost | null;
  readonly context: HostContext;
  readonly botAppId: string | undefined;
  readonly onSignOut?: () => void;
}

const PAGE_OF_ENTITY: Readonly<Record<string, PageId>> = {
  objectives: 'objectives',
  conversations: 'conversations',
  team: 'team',
};

export const SignedIn = ({ api, download, host, context, botAppId, onSignOut }: Props) => {
  const hash = useHash();
  const fallback = (context.entityId === undefined ? undefined : PAGE_OF_ENTITY[context.entityId]) ?? 'objectives';
  const route =
    context.frameContext === 'settings'
      ? { page: 'config' as const, rest: [] }
      : MEETING_FRAMES.has(context.frameContext ?? '') && !hash.startsWith('#/meeting')
        ? { page: 'meeting' as const, rest: [context.frameContext ?? ''] }
        : parseHash(hash, fallback);
  // The opening page's code comes with the first call, so the page shows with its data in the same
  // render; a lazy page would suspend first, and React holds a revealed page back for a moment.
  const openedOn = useRef(route.page);
  const [loaded, reload] = useLoad(
    async (signal) => {
      const [home, opening] = await Promise.all([
        loadHome(api, signal),
        // Should its code fail to load, the lazy page below asks again and shows the failure.
        PAGES_FETCHED_EARLY[openedOn.current]?.().catch(() => undefined),
      ]);
      return { home, opening };
    },
    [api],
  );
  // What the first load brought is for the page the tab opened on; once the person moves on, pages ask afresh.
  const firstRoute = useRef(`${route.page}/${route.rest.join('/')}`);
  const movedOn = useRef(false);
  if (firstRoute.current !== `${route.page}/${route.rest.join('/')}`) movedOn.current = true;

  if (loaded.state === 'loading') return <Loading label="Loading your details…" />;
  if (loaded.state === 'error')
    return (
      <Suspense fallback={<Loading label="Loading…" />}>
        <NotSignedIn api={api} error={loaded.error} onRetry={reload} />
      </Suspense>
    );

  const session: Session = {
    api,
    host,
    context,
    me: loaded.data.home.me,
    scheme: loaded.data.home.scheme,
    today: localToday(),
    ...(download === undefined ? {} : { download }),
    ...(botAppId === undefined || botAppId === '' ? {} : { botAppId }),
  };
  const opened = (id: PageId) => (openedOn.current === id ? loaded.data.opening?.default : undefined);
  const page = (() => {
    switch (route.page) {
      case 'objectives': {
        const Page = opened('objectives') ?? ObjectivesPage;
        return <Page rest={route.rest} />;
      }
      case 'conversations': {
        const Page = opened('conversations') ?? ConversationsPage;
        return <Page rest={route.rest} />;
      }
      case 'team':
        return <TeamPage rest={route.rest} />;
      case 'notes':
        return <NotesPage />;
      case 'me':
        return <MyDataPage />;
      case 'config':
        return <ConfigPage />;
      case 'book':
        return <BookPage rest={route.rest} />;
      case 'appeals':
        return <AppealsPage rest={route.rest} />;
      case 'organisation':
        return <OrganisationPage rest={route.rest} />;
      case 'admin':
        return <AdminPage rest={route.rest} />;
      case 'settings':
        return <SettingsPage rest={route.rest} />;
      case 'meeting':
        return <MeetingPage rest={route.rest} />;
    }
  })();
  return (
    <SessionContext.Provider value={session}>
      <FirstScreenContext.Provider value={movedOn.current ? null : loaded.data.home}>
        <Shell current={route.page} {...(onSignOut === undefined ? {} : { onSignOut })}>
          <Suspense fallback={<Loading label="Loading page…" />}>{page}</Suspense>
        </Shell>
      </FirstScreenContext.Provider>
    </SessionContext.Provider>
  );
};
