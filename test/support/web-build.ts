/**
 * Vitest global set-up: the server serves tab/dist and addin/dist, so the browser tests need the
 * current production builds. They are built here, once, before any test file runs (only when
 * missing or older than their sources), instead of by each browser test into the same folder.
 */
import { execFileSync } from 'node:child_process';

export default function buildWebOnce(): void {
  execFileSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
}
