import { describe, expect, it } from 'vitest';
import { routes } from '@pc/core/api';
import { FIRST_LOAD_PATH, fromFirstToken, startFirstLoad } from './api-first-load.ts';

const SESSION = JSON.stringify({
  person: { id: 'p-1', tenantId: 't-1', displayName: 'Ada', email: 'ada@example.test', roles: [] },
  config: { issuerUrl: 'http://issuer.test', audience: 'api://pc' },
});

/** A plain browser page (not framed by Teams) with a stored local session, counting what it fetches. */
const browserPage = () => {
  const asked: string[] = [];
  const storage = new Map([['pc.local-session', SESSION]]);
  const win = {
    name: '',
    location: { hash: '#/me', href: 'http://tab.test/tab/#/me' },
    sessionStorage: { getItem: (key: string) => storage.get(key) ?? null },
    fetch: (url: string, init?: RequestInit) => {
      asked.push(`${init?.method ?? 'GET'} ${url.split('?')[0] ?? url}`);
      if (url.startsWith('http://issuer.test/local/sign-in')) {
        return Promise.resolve(Response.json({ access_token: `token-${String(asked.length)}` }));
      }
      return Promise.resolve(Response.json({ asked: asked.length }));
    },
  } as unknown as Window & { parent: unknown };
  win.parent = win;
  return { win, asked };
};

describe('the first screen call started before the app renders', () => {
  it('asks the same address as the route table', () => {
    expect(FIRST_LOAD_PATH).toBe(routes['me.home'].path);
  });

  it('answers the first home call with the token it was made with from the early reply, once', async () => {
    const { win, asked } = browserPage();
    const first = startFirstLoad(win);
    const getToken = fromFirstToken(first, () => Promise.resolve('token-later'));
    const token = await getToken({ forceRefresh: false });
    expect(token).toBe('token-1');
    const home = { method: 'GET', headers: { authorization: `Bearer ${token}` } };
    expect(await (await first.fetch(FIRST_LOAD_PATH, home)).json()).toEqual({ asked: 2 });
    expect(asked).toEqual(['GET http://issuer.test/local/sign-in', `GET ${FIRST_LOAD_PATH}`]);
    // Asked again (the person came back to the page): a fresh call, and a fresh token after that.
    expect(await (await first.fetch(FIRST_LOAD_PATH, home)).json()).toEqual({ asked: 3 });
    expect(await getToken({ forceRefresh: false })).toBe('token-later');
  });

  it('leaves the early reply to the next call when the first is given up (React mounts twice in development)', async () => {
    const { win, asked } = browserPage();
    const first = startFirstLoad(win);
    const getToken = fromFirstToken(first, () => Promise.resolve('token-later'));
    const given = new AbortController();
    given.abort();
    const headers = { authorization: `Bearer ${await getToken({ forceRefresh: false })}` };
    await expect(first.fetch(FIRST_LOAD_PATH, { method: 'GET', headers, signal: given.signal })).resolves.toBeDefined();
    const again = { authorization: `Bearer ${await getToken({ forceRefresh: false })}` };
    expect(again).toEqual(headers);
    await first.fetch(FIRST_LOAD_PATH, { method: 'GET', headers: again });
    expect(asked.filter((a) => a === `GET ${FIRST_LOAD_PATH}`)).toHaveLength(2);
  });

  it('sends a home call made with another token to the network', async () => {
    const { win, asked } = browserPage();
    const first = startFirstLoad(win);
    await first.fetch(FIRST_LOAD_PATH, { method: 'GET', headers: { authorization: 'Bearer someone-else' } });
    expect(asked.filter((a) => a === `GET ${FIRST_LOAD_PATH}`)).toHaveLength(2);
  });

  it('starts nothing when nobody is signed in', async () => {
    const { win, asked } = browserPage();
    (win as unknown as { sessionStorage: Storage }).sessionStorage = { getItem: () => null } as unknown as Storage;
    const first = startFirstLoad(win);
    expect(await first.earlyToken()).toBeNull();
    expect(asked).toEqual([]);
  });
});
