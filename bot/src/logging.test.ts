import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { correlationIdFrom, createLogger, withCorrelation } from './logging.ts';

const collector = (): { stream: Writable; lines: () => Record<string, unknown>[] } => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
};

describe('createLogger', () => {
  it('writes JSON lines and redacts tokens, note text and email addresses', () => {
    const out = collector();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJsecret', 'user-agent': 'teams' } },
        record: { notes: 'private note', sections: { wellbeing: 'private' }, id: 'c1' },
        email: 'aisha.khan@bexley.demo',
        body: { text: 'feedback text' },
        token: 'abc',
      },
      'handled',
    );
    const text = JSON.stringify(out.lines());
    for (const secret of ['eyJsecret', 'private note', 'private', 'aisha.khan', 'feedback text', '"abc"']) {
      expect(text).not.toContain(secret);
    }
    const [line] = out.lines();
    expect(line).toMatchObject({ msg: 'handled', level: 30, record: { id: 'c1', notes: '[redacted]' } });
    expect(line?.req).toEqual({ headers: { authorization: '[redacted]', 'user-agent': 'teams' } });
  });

  it('tags every line of a request with its correlation id', () => {
    const out = collector();
    const logger = withCorrelation(createLogger({ level: 'debug', destination: out.stream }), 'corr-1');
    logger.debug('one');
    logger.warn('two');
    expect(out.lines().map((l) => l.correlationId)).toEqual(['corr-1', 'corr-1']);
  });

  it('respects the level', () => {
    const out = collector();
    createLogger({ level: 'warn', destination: out.stream }).info('quiet');
    expect(out.lines()).toEqual([]);
  });
});

describe('correlationIdFrom', () => {
  it('takes the caller id from x-correlation-id or MS-CV', () => {
    expect(correlationIdFrom({ 'x-correlation-id': 'abc-123' })).toBe('abc-123');
    expect(correlationIdFrom({ 'ms-cv': 'Fq3mU9rS0kO7.1' })).toBe('Fq3mU9rS0kO7.1');
  });

  it('replaces a missing or unsafe id with a fresh UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(correlationIdFrom({})).toMatch(uuid);
    expect(correlationIdFrom({ 'x-correlation-id': 'bad\nFAKE LOG LINE' })).toMatch(uuid);
    expect(correlationIdFrom({ 'x-correlation-id': 'x'.repeat(500) })).toMatch(uuid);
    expect(correlationIdFrom({})).not.toBe(correlationIdFrom({}));
  });
});
