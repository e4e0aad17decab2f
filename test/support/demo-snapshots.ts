/**
 * Vitest global set-up: a folder for this run only where the first stack to seed a demo
 * organisation keeps the documents the seeding wrote, so every later stack restores them instead
 * of seeding again (test/support/demo-seed.ts). Removed when the run ends, so a snapshot never
 * outlives the code that wrote it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshotDir: string;
  }
}

export default function demoSnapshotFolder(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pc-demo-seed-'));
  project.provide('demoSnapshotDir', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
