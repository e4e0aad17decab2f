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

/** Serves the built tab at /tab/ and the add-in at /addin/, when their dist folders exist. */
export const createStaticModule = (roots: Readonly<Record<string, string>> = DEFAULT_ROOTS): AppModule => ({
  name: 'static',
  register: ({ server }) => {
    for (const [name, root] of Object.entries(roots)) {
      if (existsSync(join(root, 'index.html'))) serve(server, `/${name}`, resolve(root));
    }
  },
});
