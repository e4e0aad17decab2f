import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPlayground } from './playground.ts';

const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address;

const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });

/** The local addresses of the sockets listening on `port`, as the kernel lists them (hex). */
const listeningAddresses = (port: number): string[] =>
  ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`))
      .map((cols) => (cols[1] ?? '').split(':')[0] ?? ''),
  );

describe('Agents Playground for npm start', () => {
  it('listens on this machine only, not on its network address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-playground-'));
    const playground = await startPlayground({
      endpoint: 'http://127.0.0.1:9/api/messages',
      port: 0,
      logFile: join(dir, 'playground.log'),
    });
    try {
      expect(new URL(playground.url).hostname).toBe('127.0.0.1');
      expect(await reachable('127.0.0.1', playground.port)).toBe(true);
      // Bound to 127.0.0.1 (0100007F) and nothing else, whether or not this machine has a network address.
      expect(listeningAddresses(playground.port)).toEqual(['0100007F']);
      if (externalAddress !== undefined) expect(await reachable(externalAddress, playground.port)).toBe(false);
    } finally {
      await playground.stop();
    }
  }, 60_000);
});
