/**
 * Prints the gzip size of each JavaScript asset of the production build and the total the first
 * page loads (the entry chunk and its static imports, read from Vite's manifest).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = join(import.meta.dirname, '..', 'dist');

interface ManifestEntry {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  ManifestEntry
>;

const gz = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const firstPage = new Set<string>();
const visit = (key: string): void => {
  const entry = manifest[key];
  if (entry === undefined || firstPage.has(entry.file)) return;
  firstPage.add(entry.file);
  for (const dep of entry.imports ?? []) visit(dep);
};
for (const [key, entry] of Object.entries(manifest)) if (entry.isEntry === true) visit(key);

const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const rows = assets.map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) })).sort((a, b) => b.gzip - a.gzip);
for (const r of rows) out(`${firstPage.has(r.file) ? '*' : ' '} ${kb(r.gzip).padStart(10)}  ${r.file}`);
const total = rows.filter((r) => firstPage.has(r.file)).reduce((s, r) => s + r.gzip, 0);
out(`\nFirst page (*) JavaScript, gzip: ${kb(total)} (budget ${BUDGET_KB} KB)`);
out(`All JavaScript, gzip: ${kb(rows.reduce((s, r) => s + r.gzip, 0))}`);
if (total > BUDGET_KB * 1024) {
  process.stderr.write('The first page is over its JavaScript budget.\n');
  process.exitCode = 1;
}
