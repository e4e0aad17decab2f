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

const LABELS: Readonly<Record<Exclude<PageId, 'config'>, string>> = {
  objectives: 'My objectives',
  conversations: 'My conversations',
  team: 'My team',
  notes: 'My notes',
  me: 'My data',
};

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
  const pages = (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter((p) => p !== 'team' || me.reportCount > 0);
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
      {current === 'config' ? null : (
        <nav aria-label="Sections">
          <TabList
            selectedValue={current}
            onTabSelect={(_, d) => {
              navigate(d.value as PageId);
            }}
            style={{ paddingInline: tokens.spacingHorizontalL }}
          >
            {pages.map((p) => (
              <Tab key={p} value={p}>
                {LABELS[p]}
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
