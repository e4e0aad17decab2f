/**
 * The one builder of links from cards to the app's pages. A page is a hash route of the tab's router
 * (`/conversations/<person>/<id>`). Inside Teams a link is a Teams deep link that opens the app's
 * personal tab with the route as its sub-page; without the Teams app's id (local runs, the demo) and
 * for anything read outside Teams (Outlook invitations) it is the page's web address under /tab/.
 */

/** Where the app's pages are reached. */
export interface TabAddress {
  /** The tab's public base; its pages are under /tab/ there. */
  readonly webBase: string;
  /** The Teams app's id (the manifest's `id`): when set, links open the app's tab inside Teams. */
  readonly teamsAppId?: string;
}

/** The manifest's personal tabs (`staticTabs[].entityId`) that a link may open. */
export const TAB_ENTITY_IDS = ['objectives', 'conversations', 'team'] as const;
export type TabEntityId = (typeof TAB_ENTITY_IDS)[number];

const TEAMS_ENTITY_LINK = 'https://teams.microsoft.com/l/entity/';

/** The personal tab a page sits under in Teams: its own where it has one, else the conversations tab. */
export const tabEntityOf = (route: string): TabEntityId => {
  const page = route.replace(/^#?\/?/, '').split('/')[0] ?? '';
  return TAB_ENTITY_IDS.find((id) => id === page) ?? 'conversations';
};

/** A hash route of the tab's router: `/page/rest…`, each segment encoded. */
export const tabRoute = (page: string, ...rest: string[]): string =>
  `/${[page, ...rest].map((p) => encodeURIComponent(p)).join('/')}`;

const webLink = (webBase: string, route: string): string => `${webBase.replace(/\/+$/, '')}/tab/#${route}`;

/** A page of the app for a card: a Teams deep link when the Teams app is known, else its web address. */
export const tabLink = (address: TabAddress, route: string): string => {
  const web = webLink(address.webBase, route);
  if (address.teamsAppId === undefined || address.teamsAppId === '') return web;
  const context = JSON.stringify({ subEntityId: route });
  return `${TEAMS_ENTITY_LINK}${encodeURIComponent(address.teamsAppId)}/${tabEntityOf(route)}?webUrl=${encodeURIComponent(web)}&context=${encodeURIComponent(context)}`;
};

/** `tabLink` for a page and its segments. */
export const tabPageUrl = (address: TabAddress, page: string, ...rest: string[]): string =>
  tabLink(address, tabRoute(page, ...rest));

/**
 * A link as Teams should open it: a web address of a tab page becomes the deep link to the same page;
 * a deep link (or any other address) stays as it is.
 */
export const inTeams = (link: string, teamsAppId: string): string => {
  const at = link.indexOf('/tab/#');
  if (link.startsWith(TEAMS_ENTITY_LINK) || at < 0) return link;
  return tabLink({ webBase: link.slice(0, at), teamsAppId }, link.slice(at + '/tab/#'.length) || '/');
};
