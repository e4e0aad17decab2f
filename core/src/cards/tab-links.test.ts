import { describe, expect, it } from 'vitest';
import { inTeams, tabLink, tabPageUrl } from './tab-links.ts';

const APP = '11111111-2222-4333-8444-555555555555';

/** The parts of a Teams deep link a client reads. */
const deepLinkParts = (link: string) => {
  const url = new URL(link);
  const [, , , appId, entityId] = url.pathname.split('/');
  const context = JSON.parse(url.searchParams.get('context') ?? '{}') as { subEntityId?: string };
  return { host: url.host, appId, entityId, webUrl: url.searchParams.get('webUrl'), subEntityId: context.subEntityId };
};

describe('links from cards to pages of the app', () => {
  it('without the Teams app id, a page is its web address under /tab/', () => {
    expect(tabPageUrl({ webBase: 'https://pc.example/' }, 'conversations', 'sam', 'c 1')).toBe(
      'https://pc.example/tab/#/conversations/sam/c%201',
    );
  });

  it('with it, the personal tab that holds the page opens at the page, with the web address as the fallback', () => {
    const link = tabPageUrl({ webBase: 'https://pc.example', teamsAppId: APP }, 'conversations', 'sam', 'c1');
    expect(deepLinkParts(link)).toEqual({
      host: 'teams.microsoft.com',
      appId: APP,
      entityId: 'conversations',
      webUrl: 'https://pc.example/tab/#/conversations/sam/c1',
      subEntityId: '/conversations/sam/c1',
    });
    expect(deepLinkParts(tabLink({ webBase: 'https://pc.example', teamsAppId: APP }, '/team')).entityId).toBe('team');
    expect(deepLinkParts(tabLink({ webBase: 'https://pc.example', teamsAppId: APP }, '/objectives')).entityId).toBe(
      'objectives',
    );
    // Pages without a tab of their own (booking, appeals, notes) open under My conversations.
    expect(deepLinkParts(tabLink({ webBase: 'https://pc.example', teamsAppId: APP }, '/book/sam')).entityId).toBe(
      'conversations',
    );
  });

  it('a web address of a page becomes the same deep link; a deep link or another address stays', () => {
    const deep = tabLink({ webBase: 'https://pc.example', teamsAppId: APP }, '/appeals/a-1');
    expect(inTeams('https://pc.example/tab/#/appeals/a-1', APP)).toBe(deep);
    expect(inTeams(deep, APP)).toBe(deep);
    expect(inTeams('https://teams.microsoft.com/l/meetup-join/x', APP)).toBe(
      'https://teams.microsoft.com/l/meetup-join/x',
    );
  });
});
