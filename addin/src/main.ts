/** Boots the task pane: Office, settings, sign-in, then the view for the item it was opened on. */
import { createApiClient } from '@pc/core/api';
import { naaTokenSource, startLocalSignIn, type TokenSource } from './auth.ts';
import { loadConfig, type AddinConfig } from './config.ts';
import { loadTeam } from './logic/booking.ts';
import { explain, NO_REPORTS } from './logic/explain.ts';
import { appointmentContext, hostInfo, restIdOf } from './office/context.ts';
import { readAppointment } from './office/item.ts';
import { renderBookOne } from './ui/book-one.ts';
import { renderBookRound } from './ui/book-round.ts';
import { notices as makeNotices } from './ui/dom.ts';
import { renderExisting } from './ui/existing.ts';
import { askWhoToSignInAs } from './ui/sign-in.ts';
import { applyTheme } from './theme.ts';

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`The task pane page is missing #${id}.`);
  return el;
};

/** office.js sets Office even in a plain browser; without it (offline development) there is no item. */
const officeReady = async (): Promise<typeof Office | undefined> => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return undefined;
  await office.onReady();
  return office;
};

const tokens = async (
  config: AddinConfig,
  office: typeof Office | undefined,
  main: HTMLElement,
): Promise<TokenSource> => {
  if (config.auth === 'naa') {
    if (office === undefined || !hostInfo(office).nestedAppAuth) {
      throw new Error(
        'This version of Outlook cannot sign you in to the add-in. Please update Outlook or use Outlook on the web.',
      );
    }
    return naaTokenSource(config);
  }
  return askWhoToSignInAs(main, await startLocalSignIn(fetch, config.apiBaseUrl));
};

export const boot = async (): Promise<void> => {
  // Themed before anything is shown, so the pane never flashes unstyled; Office refines it once ready.
  applyTheme(undefined);
  const main = byId('main');
  const round = byId('round');
  const notices = makeNotices(byId('status'), byId('alert'));
  try {
    const office = await officeReady();
    applyTheme((office?.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme);
    const config = await loadConfig(fetch, document.baseURI);
    const source = await tokens(config, office, main);
    const api = createApiClient({
      baseUrl: config.apiBaseUrl,
      getToken: (opts) => source.getToken(opts),
      fetch: (url, init) => fetch(url, init),
    });
    main.textContent = 'Loading your team…';
    const [members, scheme, me] = await Promise.all([loadTeam(api), api.call('scheme.get'), api.call('me.get')]).catch(
      (error: unknown) => {
        main.textContent = '';
        throw error;
      },
    );
    if (members.length === 0) {
      main.textContent = '';
      notices.error(NO_REPORTS);
      return;
    }
    const ctx = appointmentContext(office);
    if (ctx.mode === 'read' && office !== undefined) {
      const appointment = readAppointment(ctx.item);
      const restId = appointment.itemId === undefined ? undefined : restIdOf(office, appointment.itemId);
      await renderExisting(main, { api, members, scheme, notices, appointment, restId });
      return;
    }
    renderBookOne(main, {
      api,
      members,
      scheme,
      notices,
      draft: ctx.mode === 'compose' ? ctx.item : undefined,
      changeEvents: office !== undefined && hostInfo(office).changeEvents,
      ...(me.orgRoles.includes('coordinator') ? { coordinatorName: me.person.displayName } : {}),
    });
    renderBookRound(round, api, members, notices);
  } catch (error) {
    notices.error(error instanceof Error && !('code' in error) ? error.message : explain(error, 'starting').message);
  }
};

void boot();
