// Given a workbook Excel wrote (charts, images, comments, tables, VBA, …) with a questionnaire in its first
// sheet, or the same workbook as SheetJS, LibreOffice or openpyxl write it, the user gets it back with the
// answers in place, every part qmap did not write byte for byte, and a file every reader opens.
// The full corpus is `npm run bench:producers`; this is the sample in fixtures/producers.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { figures, run } from './producers.js';
import { missingReaders } from './readers.js';

t.setTimeout(600_000);
const dir = join(fixturesDir, 'producers');
// The Excel-written sample (python-zip64.xlsx, a re-zipped questionnaire, is read by the package and round-trip tests).
const names = readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f) && !f.startsWith('python-'));

t.test('every producer fixture comes back answered, unchanged elsewhere, and readable by every reader', async (t) => {
  t.ok(names.length >= 40, `${names.length} workbooks`);
  const tmp = mkdtempSync(join(tmpdir(), 'qmap-producers-'));
  t.teardown(() => rmSync(tmp, { recursive: true, force: true }));
  const result = run(new Map(names.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])), tmp, ['stored', 'libreoffice', 'openpyxl']);
  t.same(result.skipped, [], 'each has a worksheet to hold the table');
  t.comment(`readers missing here: ${missingReaders().join(', ') || 'none'}`);
  for (const f of figures(result)) {
    t.comment(`${f.variant}: ${f.workbooks} workbooks, ${f.visible} with the table visible, ${f.passed} passed`);
    // Every program present re-saves (nearly) every file; openpyxl cannot load a few features.
    if (f.variant === 'excel' || f.variant === 'stored' || !missingReaders().includes(f.variant === 'libreoffice' ? 'libreoffice' : 'openpyxl')) {
      t.ok(f.workbooks >= names.length - 2, `${f.variant}: ${f.workbooks} of ${names.length} workbooks made`);
    }
  }
  for (const o of result.outcomes) if (o.visible) t.same(o.problems, [], `${o.variant}: ${o.file}`);
});
