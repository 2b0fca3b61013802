// npm run bench:producers [-- <folder> --no-soffice --no-openpyxl --every K]
// Workbooks written by Excel itself (../shared/corpus/excel-authored: 993 files, one feature each), each with a
// small questionnaire spliced into its first worksheet, through qmap as an upload and its download; and the same
// files as other programs write them (stored entries, LibreOffice's and openpyxl's re-saves). For each: are the
// answers where detection put them, is every part qmap did not write byte for byte the same, does the download
// read back with the same questions, and does every reader (SheetJS, zipfile, openpyxl, unzip -t, LibreOffice)
// open it. Prints the figures and the failures by feature.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { feature, figures, run, type Outcome, type Variant } from '../test/workbook/producers.js';
import { missingReaders, READERS } from '../test/workbook/readers.js';
import { option } from './options.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--every')) ?? join(import.meta.dirname, '../../shared/corpus/excel-authored'));
// --every K: every K-th file only, for a quick look.
const every = Number(option('every') ?? 1);
const names = readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)).sort().filter((_, i) => i % every === 0);
const which = (['stored', 'libreoffice', 'openpyxl'] as Variant[]).filter((v) => !args.includes(`--no-${v === 'libreoffice' ? 'soffice' : v}`));
const tmp = mkdtempSync(join(tmpdir(), 'qmap-producers-'));

const t0 = performance.now();
const result = run(new Map(names.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])), tmp, which);
console.log(`${names.length} files from ${dir} (${result.skipped.length} without a worksheet), ${((performance.now() - t0) / 1000).toFixed(0)} s; readers: ${READERS.filter((r) => !missingReaders().includes(r)).join(', ')}`);
for (const f of figures(result)) {
  console.log(`${f.variant.padEnd(12)} ${f.workbooks} workbooks, ${f.visible} with the table visible: ${f.passed} passed (${((100 * f.passed) / Math.max(1, f.visible)).toFixed(1)}%)`);
}
const byFeature = new Map<string, Outcome[]>();
for (const o of result.outcomes.filter((o) => o.visible && o.problems.length)) byFeature.set(feature(o.file), [...(byFeature.get(feature(o.file)) ?? []), o]);
for (const [name, list] of [...byFeature].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${name}: ${list.length} — ${list.slice(0, 3).map((o) => `${o.variant}/${o.file}: ${o.problems[0]}`).join(' | ')}`);
}
const hidden = result.outcomes.filter((o) => !o.visible);
if (hidden.length) console.log(`table not visible (hidden sheet, rows or columns), not counted: ${[...new Set(hidden.map((o) => o.file))].join(', ')}`);
rmSync(tmp, { recursive: true, force: true });
