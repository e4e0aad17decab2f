/**
 * Prints the gzip size of each JavaScript asset of the production build and the total the first
 * page loads (see first-page.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstPageFiles } from './first-page.ts';

const BUDGET_KB = 250;
const dist = join(import.meta.dirname, '..', 'dist');

const gz = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const firstPage = firstPageFiles(dist);

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
