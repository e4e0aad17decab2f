import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { Server } from 'restify';
import { describe, expect, it } from 'vitest';
import { createHttpServer, listen, route } from './http/index.ts';
import { createLogger } from './logging.ts';
import { closeHttpServer, createShutdown, installSignalHandlers } from './shutdown.ts';

const silent = createLogger({
  level: 'silent',
  destination: new Writable({
    write: (_c, _e, done) => {
      done();
    },
  }),
});

const slowServer = async (delayMs: number): Promise<{ server: Server; url: string }> => {
  const server = createHttpServer({ logger: silent, version: 'test' });
  route(server, {
    method: 'get',
    path: '/slow',
    handler: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { status: 200, body: { finished: true } };
    },
  });
  const { url } = await listen(server, 0);
  return { server, url };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new ones, then runs closers in reverse order', async () => {
    const { server, url } = await slowServer(300);
    const order: string[] = [];
    const shutdown = createShutdown({ logger: silent });
    shutdown.register('store', () => {
      order.push('store');
      return Promise.resolve();
    });
    shutdown.register('http', async () => {
      await closeHttpServer(server.server, 5_000);
      order.push('http');
    });

    const inFlight = fetch(`${url}/slow`);
    await sleep(50);
    const done = shutdown.run('SIGTERM');
    await sleep(20);
    await expect(fetch(`${url}/slow`)).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    expect(await done).toBe(true);
    expect(order).toEqual(['http', 'store']);
  });

  it('cuts requests still running after the grace period', async () => {
    const { server, url } = await slowServer(5_000);
    const inFlight = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(50);
    const started = Date.now();
    await closeHttpServer(server.server, 200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut');
  });

  it('keeps closing the rest when one closer fails or hangs, and reports it', async () => {
    const closed: string[] = [];
    const shutdown = createShutdown({ logger: silent, closerTimeoutMs: 100 });
    shutdown.register('first', () => {
      closed.push('first');
      return Promise.resolve();
    });
    shutdown.register('hangs', () => new Promise(() => undefined));
    shutdown.register('fails', () => Promise.reject(new Error('nope')));
    expect(await shutdown.run('test')).toBe(false);
    expect(closed).toEqual(['first']);
  });

  it('runs only once however often it is asked', async () => {
    let count = 0;
    const shutdown = createShutdown({ logger: silent });
    shutdown.register('counter', () => {
      count += 1;
      return Promise.resolve();
    });
    await Promise.all([shutdown.run('SIGINT'), shutdown.run('SIGTERM')]);
    expect(count).toBe(1);
  });

  it('shuts down and exits 0 on SIGTERM', async () => {
    const signals = new EventEmitter();
    const shutdown = createShutdown({ logger: silent });
    let closed = false;
    shutdown.register('x', () => {
      closed = true;
      return Promise.resolve();
    });
    const exited = new Promise<number>((resolve) => {
      installSignalHandlers(shutdown, resolve, signals);
    });
    signals.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(closed).toBe(true);
  });

  it('uninstalls its signal listeners', () => {
    const signals = new EventEmitter();
    const uninstall = installSignalHandlers(createShutdown({ logger: silent }), () => undefined, signals);
    expect(signals.listenerCount('SIGINT')).toBe(1);
    uninstall();
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});
