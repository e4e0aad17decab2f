import type { Server } from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { createHttpServer, listen } from './index.ts';
import type { SecurityHeaderOptions } from './security-headers.ts';

const running: Server[] = [];
afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => {
            resolve();
          });
        }),
    ),
  );
});

const start = async (security?: SecurityHeaderOptions): Promise<string> => {
  const server = createHttpServer({
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    ...(security === undefined ? {} : { security }),
  });
  server.get('/tab/*', (_req, res, next) => {
    res.sendRaw(200, 'file', { 'Content-Type': 'text/plain' });
    next();
  });
  running.push(server);
  return (await listen(server, 0)).url;
};

const directives = (csp: string | null): Map<string, string> =>
  new Map(
    (csp ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('security headers (#17 point 9)', () => {
  it('every answer carries a CSP that only Teams, Outlook and Office hosts may frame, nosniff and a referrer policy', async () => {
    const url = await start();
    for (const path of ['/healthz', '/tab/index.html', '/api/v1/nowhere']) {
      const response = await fetch(`${url}${path}`);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toContain('https://teams.microsoft.com');
      expect(csp.get('frame-ancestors')).toContain('https://outlook.office.com');
      expect(csp.get('frame-ancestors')).not.toContain('*.com ');
      expect(csp.get('frame-ancestors')).not.toMatch(/(^|\s)\*(\s|$)/);
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('script-src')).toBe("'self' https://appsforoffice.microsoft.com");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('pages may call the sign-in authority and nothing else off-origin', async () => {
    const url = await start({ production: false, connectSources: ['http://localhost:3990/some/path', 'not a url'] });
    const csp = directives((await fetch(`${url}/healthz`)).headers.get('content-security-policy'));
    expect(csp.get('connect-src')).toBe("'self' http://localhost:3990");
  });

  it('production adds HSTS and serves no source maps', async () => {
    const url = await start({ production: true, connectSources: ['https://login.microsoftonline.com'] });
    const page = await fetch(`${url}/tab/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const map = await fetch(`${url}/tab/assets/main.js.map`);
    expect(map.status).toBe(404);
    expect(map.headers.get('content-type')).toContain('application/json');
  });

  it('a local server still serves source maps for debugging', async () => {
    const url = await start({ production: false });
    expect((await fetch(`${url}/tab/assets/main.js.map`)).status).toBe(200);
  });
});
