/**
 * The suite's own configuration: every test file in the repository is collected by vitest (so
 * the browser suites cannot fall outside the include globs), and no test is skipped, focused or
 * left as a to-do, so a green run means every test ran.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createVitest } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { RUN_ALONE } from '../../vitest.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const IGNORED = new Set(['node_modules', 'dist', '.git', '.artifacts', '.data', 'coverage']);
const SELF = relative(ROOT, import.meta.filename)
  .split(sep)
  .join('/');

const testFilesOnDisk = (): string[] =>
  readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split(sep).join('/'))
    .filter((p) => /\.test\.tsx?$/.test(p) && !p.split('/').some((part) => IGNORED.has(part)))
    .sort();

const collectedByVitest = async (): Promise<string[]> => {
  const vitest = await createVitest('test', { watch: false, config: join(ROOT, 'vitest.config.ts') });
  try {
    const specs = await vitest.globTestSpecifications();
    return [...new Set(specs.map((s) => relative(ROOT, s.moduleId).split(sep).join('/')))].sort();
  } finally {
    await vitest.close();
  }
};

// describe.skip, it.skipIf(...), test.only, it.todo, describe.runIf(...), it.concurrent.skip, ctx.skip().
const MODIFIER = /\b(?:describe|suite|it|test|bench)(?:\.\w+)*\.(?:skip|skipIf|runIf|only|todo)\b/;
const RUNTIME_SKIP = /\b(?:ctx|context|t)\.skip\s*\(/;

describe('the suite cannot lose tests quietly', () => {
  it('vitest collects every *.test.ts file in the repository, the browser suites among them', async () => {
    const onDisk = testFilesOnDisk();
    const collected = await collectedByVitest();
    expect(onDisk).toEqual(expect.arrayContaining(['test/e2e/tab-pages.test.ts', 'test/e2e/addin-booking.test.ts']));
    expect(onDisk.filter((f) => !collected.includes(f))).toEqual([]);
    expect(collected).toEqual(onDisk);
  }, 60_000);

  it('the timing-sensitive files exist and run alone, one at a time, after every other file', async () => {
    expect(RUN_ALONE.filter((f) => !testFilesOnDisk().includes(f))).toEqual([]);
    const vitest = await createVitest('test', { watch: false, config: join(ROOT, 'vitest.config.ts') });
    try {
      const specs = await vitest.globTestSpecifications();
      const where = (f: string) => specs.filter((s) => relative(ROOT, s.moduleId).split(sep).join('/') === f);
      for (const f of RUN_ALONE) expect(where(f).map((s) => s.project.name)).toEqual(['alone']);
      const alone = vitest.projects.find((p) => p.name === 'alone');
      const others = vitest.projects.filter((p) => p.name !== 'alone');
      expect(alone?.config.maxWorkers).toBe(1);
      for (const p of others) expect(p.config.sequence.groupOrder).toBeLessThan(alone?.config.sequence.groupOrder ?? 0);
    } finally {
      await vitest.close();
    }
  }, 60_000);

  it('no test file skips, focuses or defers a test, conditionally or not', () => {
    const offenders = testFilesOnDisk()
      .filter((f) => f !== SELF)
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => MODIFIER.test(line) || RUNTIME_SKIP.test(line)),
      );
    expect(offenders).toEqual([]);
  });

  it('the skip detector recognises every form it guards against', () => {
    const forms = [
      "describe.skipIf(!existsSync(STACK))('suite', () => {",
      "it.skip('a test', () => {",
      "test.only('a test', () => {",
      "it.todo('later')",
      "describe.runIf(process.env.CI)('suite', () => {",
      "it.concurrent.skip('a test', async () => {",
      'ctx.skip();',
    ];
    expect(forms.filter((l) => !(MODIFIER.test(l) || RUNTIME_SKIP.test(l)))).toEqual([]);
    expect(MODIFIER.test("it('skips a weekend', () => {")).toBe(false);
  });
});
