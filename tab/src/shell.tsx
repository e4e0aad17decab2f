import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { navigate, type PageId } from './router.ts';
import { useSession } from './session.tsx';
import { openBotChat } from './teams.ts';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 },
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: tokens.spacingHorizontalS,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, maxWidth: '72rem' },
});

type Me = ReturnType<typeof useSession>['me'];
const hasRole = (me: Me, ...roles: Me['orgRoles'][number][]): boolean => me.orgRoles.some((r) => roles.includes(r));

/** The sections in the navigation, each with who sees it; other pages are reached by links only. */
const SECTIONS: readonly { readonly page: PageId; readonly label: string; readonly shown: (me: Me) => boolean }[] = [
  { page: 'objectives', label: 'My objectives', shown: () => true },
  { page: 'conversations', label: 'My conversations', shown: () => true },
  { page: 'team', label: 'My team', shown: (me) => me.reportCount > 0 },
  { page: 'book', label: 'Book', shown: () => true },
  { page: 'notes', label: 'My notes', shown: () => true },
  // HR's queue of open appeals and disagreements; managers may hear appeals (002, 003); appellants come from their review.
  { page: 'appeals', label: 'Appeals', shown: (me) => hasRole(me, 'hr') || me.reportCount > 0 },
  { page: 'organisation', label: 'Organisation', shown: (me) => hasRole(me, 'hr', 'auditor', 'senior-manager') },
  { page: 'admin', label: 'Administration', shown: (me) => hasRole(me, 'admin') },
  { page: 'settings', label: 'Settings', shown: () => true },
  { page: 'me', label: 'My data', shown: () => true },
];

/** Pages shown without the navigation: the tab's configuration and the meeting panels. */
const BARE: ReadonlySet<PageId> = new Set<PageId>(['config', 'meeting']);

/** Banner, navigation and main landmark shared by every page. */
export const Shell = ({
  current,
  onSignOut,
  children,
}: {
  current: PageId;
  onSignOut?: () => void;
  children: ReactNode;
}) => {
  const styles = useStyles();
  const { me, host, botAppId } = useSession();
  const sections = SECTIONS.filter((s) => s.shown(me));
  return (
    <>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className={styles.header}>
        <Text weight="semibold" size={400}>
          Performance conversations · {me.tenant.name}
        </Text>
        <div className={styles.actions}>
          <Text>{me.person.displayName}</Text>
          {botAppId === undefined ? null : (
            <Button appearance="subtle" onClick={() => void openBotChat(host, window, botAppId)}>
              Chat with the bot
            </Button>
          )}
          {onSignOut === undefined ? null : <Button onClick={onSignOut}>Sign out</Button>}
        </div>
      </header>
      {BARE.has(current) ? null : (
        <nav aria-label="Sections">
          <TabList
            selectedValue={current}
            onTabSelect={(_, d) => {
              navigate(d.value as PageId);
            }}
            style={{ paddingInline: tokens.spacingHorizontalL }}
          >
            {sections.map((s) => (
              <Tab key={s.page} value={s.page}>
                {s.label}
              </Tab>
            ))}
          </TabList>
        </nav>
      )}
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
};
