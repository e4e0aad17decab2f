/**
 * The JavaScript the tab's first page needs, read from the production build's manifest: the entry
 * (main.tsx), the app it imports at once (app.tsx) and the page the tab opens on (the objectives
 * list), each with everything they import statically. The bundle-size check and the tab benchmark
 * both count it; the benchmark also adds any script the browser fetched that this misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestEntry {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/** Loaded by the entry before the first screen shows (main.tsx, api-first-load.ts). */
const LOADED_AT_ONCE = ['src/app.tsx', 'src/pages/objectives/page.tsx'];

export const firstPageFiles = (dist: string): Set<string> => {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  const files = new Set<string>();
  const visit = (key: string): void => {
    const entry = manifest[key];
    if (entry === undefined) throw new Error(`The build's manifest has no ${key}.`);
    if (files.has(entry.file)) return;
    files.add(entry.file);
    for (const dep of entry.imports ?? []) visit(dep);
  };
  for (const [key, entry] of Object.entries(manifest)) if (entry.isEntry === true) visit(key);
  for (const key of LOADED_AT_ONCE) visit(key);
  return new Set([...files].filter((f) => f.endsWith('.js')));
};
