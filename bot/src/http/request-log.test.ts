import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging.ts';
import { createHttpServer, listen } from './index.ts';

/** One request to /healthz on a server logging at info; returns what was logged. */
const logsOfOneRequest = async (requestLogLevel?: 'info' | 'debug'): Promise<string> => {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const server = createHttpServer({
    logger: createLogger({ level: 'info', destination }),
    version: 'test',
    ...(requestLogLevel === undefined ? {} : { requestLogLevel }),
  });
  const { url } = await listen(server, 0);
  try {
    await (await fetch(`${url}/healthz`)).text();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    server.close();
  }
  return chunks.join('');
};

describe('request log lines', () => {
  it('are written at info by default (production)', async () => {
    expect(await logsOfOneRequest()).toContain('request handled');
  });

  it('stay out of an info-level log when set to debug (local runs, so the start banner stays visible)', async () => {
    expect(await logsOfOneRequest('debug')).not.toContain('request handled');
  });
});
