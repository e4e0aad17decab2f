import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { TurnGate } from './turn-gate.ts';

const later = () => {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { gate, open };
};

describe('turn gate', () => {
  it('runs at most the limit at once and the rest in arrival order, each exactly once', async () => {
    const gate = new TurnGate(2);
    const holds = [later(), later(), later(), later()];
    const started: number[] = [];
    const runs = holds.map((hold, i) =>
      gate.run(async () => {
        started.push(i);
        await hold.gate;
        return i * 10;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(2);
    holds[1]?.open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const hold of holds) hold.open();
    expect(await Promise.all(runs)).toEqual([0, 10, 20, 30]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(gate.waiting).toBe(0);
  });

  it('frees the slot when a turn fails', async () => {
    const gate = new TurnGate(1);
    await expect(gate.run(() => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('is set by BOT_TURNS_IN_FLIGHT, 32 by default, and refuses nonsense', () => {
    expect(loadConfig({ APP_ENV: 'local' }).bot.turnsInFlight).toBe(32);
    expect(loadConfig({ APP_ENV: 'local', BOT_TURNS_IN_FLIGHT: '100' }).bot.turnsInFlight).toBe(100);
    expect(() => loadConfig({ APP_ENV: 'local', BOT_TURNS_IN_FLIGHT: '0' })).toThrow(/BOT_TURNS_IN_FLIGHT/);
  });
});
