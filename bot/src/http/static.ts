import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@pc/core';
import type { Next, Request, Response, Server } from 'restify';
import type { AppModule } from '../module.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const fileFor = async (root: string, wanted: string): Promise<string> => {
  const target = resolve(root, normalize(`.${sep}${decodeURIComponent(wanted)}`));
  // Never outside the folder, whatever the path says.
  if (target !== root && !target.startsWith(root + sep)) throw new AppError('not-found', 'No such file.');
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile() === true) return target;
  // A missing file (an icon, a script) is a 404, not the page: a browser cannot use HTML as an image.
  if (extname(target) !== '') throw new AppError('not-found', 'No such file.');
  // Client-side routes of the single-page app all load its index.
  return join(root, 'index.html');
};

const serve = (server: Server, prefix: string, root: string): void => {
  server.get(`${prefix}/*`, (req: Request, res: Response, next: Next) => {
    const wanted = new URL(req.url ?? '/', 'http://localhost').pathname.slice(prefix.length + 1);
    fileFor(root, wanted)
      .then(async (file) => {
        const body = await readFile(file);
        res.sendRaw(200, body, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
        });
        next();
      })
      .catch((error: unknown) => {
        next(error instanceof AppError ? error : new AppError('not-found', 'No such file.', { cause: error }));
      });
  });
};

const DEFAULT_ROOTS = {
  tab: fileURLToPath(new URL('../../../tab/dist', import.meta.url)),
  addin: fileURLToPath(new URL('../../../addin/dist', import.meta.url)),
};
// The app's own icon, the one the Teams package carries.
const DEFAULT_FAVICON = fileURLToPath(new URL('../../../manifest/assets/icon-32.png', import.meta.url));

const serveFavicon = (server: Server, file: string): void => {
  server.get('/favicon.ico', (_req: Request, res: Response, next: Next) => {
    readFile(file).then(
      (body) => {
        res.sendRaw(200, body, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' });
        next();
      },
      (error: unknown) => {
        next(new AppError('not-found', 'No such file.', { cause: error }));
      },
    );
  });
};

/** Serves the built tab at /tab/, the add-in at /addin/ (when their dist folders exist) and /favicon.ico. */
export const createStaticModule = (
  roots: Readonly<Record<string, string>> = DEFAULT_ROOTS,
  favicon: string = DEFAULT_FAVICON,
): AppModule => ({
  name: 'static',
  register: ({ server }) => {
    for (const [name, root] of Object.entries(roots)) {
      if (existsSync(join(root, 'index.html'))) serve(server, `/${name}`, resolve(root));
    }
    if (existsSync(favicon)) serveFavicon(server, favicon);
  },
});
