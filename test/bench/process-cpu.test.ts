import { describe, expect, it } from 'vitest';
import { processCpuMs } from '../../bench/lib/process-cpu.ts';

// The bench reads /proc, which Linux has; the product's machines and CI are Linux.
describe('the bot-turn bench’s server CPU clock', () => {
  it('counts the CPU a process spends, not the time that passes', async () => {
    const before = processCpuMs(process.pid);
    await new Promise((resolve) => setTimeout(resolve, 200)); // waiting costs no CPU
    const afterWaiting = processCpuMs(process.pid);
    // Busy for 300 ms of CPU by Node's own clock, however long that takes on a shared machine.
    const start = process.cpuUsage();
    const spentMs = () => {
      const { user, system } = process.cpuUsage(start);
      return (user + system) / 1000;
    };
    while (spentMs() < 300);
    const afterSpinning = processCpuMs(process.pid);
    expect(before).toBeDefined();
    expect((afterWaiting ?? 0) - (before ?? 0)).toBeLessThan(150);
    expect((afterSpinning ?? 0) - (afterWaiting ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('has no figure for a process that is not there', () => {
    expect(processCpuMs(2 ** 22 + 1)).toBeUndefined();
    expect(processCpuMs(undefined)).toBeUndefined();
  });
});
