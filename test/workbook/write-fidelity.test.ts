// The customer's file comes back exactly as it was, except for the cells qmap wrote: compared part by
// part, then cell by cell (value, formula and style), for every fixture.
import t from 'tap';
import * as XLSX from 'xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeAnswers } from '../../src/workbook/write.js';
import type { CellWrite, FileKind } from '../../src/workbook/types.js';
import { packageDiffs, sheetParts } from './fidelity.js';
import { fixture, plainWrites, reviewFor, richWrites, richWritten, unusualWrites, unusualWritten } from './write-helpers.js';

/** Every cell's value, formula, number format and text of every original sheet, except the written ones. */
function cellsOutside(pkg: Uint8Array, written: Map<string, Set<string>>, names: Map<string, string>): Record<string, unknown> {
  const wb = XLSX.read(pkg, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  const out: Record<string, unknown> = {};
  for (const [name, partName] of names) {
    const ws = wb.Sheets[name];
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!') || written.get(partName)?.has(ref)) continue;
      const c = cell as XLSX.CellObject;
      // A package without styles gets the default one: SheetJS then reports "no fill" where it reported nothing.
      const s = JSON.stringify(c.s) === '{"patternType":"none"}' ? undefined : c.s;
      out[`${name}!${ref}`] = { v: c.v, f: c.f, z: c.z, w: c.w, t: c.t, s };
    }
    // A row with a written cell may grow to show it (fidelity.ts checks it only grows).
    const writtenRows = new Set([...(written.get(partName) ?? [])].map((ref) => XLSX.utils.decode_cell(ref).r));
    const rows = (ws['!rows'] ?? []).map((r, i) => (writtenRows.has(i) ? undefined : r));
    out[`${name}!meta`] = { merges: ws['!merges'], cols: ws['!cols'], rows: rows.some((r) => r) ? rows : undefined };
  }
  return out;
}

const cases: { file: string; kind: FileKind; writes: CellWrite[]; written: Map<string, Set<string>> }[] = [
  { file: 'rich.xlsx', kind: 'xlsx', writes: richWrites, written: richWritten },
  { file: 'rich.xlsm', kind: 'xlsm', writes: richWrites, written: richWritten },
  { file: 'unusual.xlsx', kind: 'xlsx', writes: unusualWrites, written: unusualWritten },
];

for (const c of cases) {
  t.test(`${c.file}: every part and every cell qmap did not write is unchanged`, async (t) => {
    const original = fixture(c.file);
    const out = writeAnswers(original, c.kind, c.writes, reviewFor(c.writes));
    t.same(packageDiffs(original, out.bytes, { written: c.written }), [], 'parts: byte-identical or only added to');
    const names = sheetParts(original);
    t.same(cellsOutside(out.bytes, c.written, names), cellsOutside(original, c.written, names), 'cells: value, formula and style');
  });
}

t.test('the check itself notices a change qmap must not make', async (t) => {
  const original = fixture('rich.xlsx');
  const out = writeAnswers(original, 'xlsx', richWrites, []);
  const files = unzipSync(out.bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  // Restyle a cell qmap did not write, and drop a data validation.
  files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('<c r="A5" s="3">', '<c r="A5" s="1">').replace(/<dataValidation [^>]*sqref="D10">[\s\S]*?<\/dataValidation>/, ''));
  files['xl/theme/theme1.xml'] = strToU8(strFromU8(files['xl/theme/theme1.xml']).replace('Office', 'Offices'));
  const diffs = packageDiffs(original, zipSync(files), { written: richWritten });
  for (const expected of [/sheet1\.xml: cell A5 changed/, /sheet1\.xml: worksheet: .*dataValidations.* changed/, /theme1\.xml: changed/]) {
    t.ok(diffs.some((d) => expected.test(d)), `reports ${expected}`);
  }
});

for (const kind of ['xls', 'ods', 'csv'] as FileKind[]) {
  t.test(`a .${kind}: every value qmap did not write is kept`, async (t) => {
    const original = fixture(`plain.${kind}`);
    const out = writeAnswers(original, kind, plainWrites(kind), []);
    const read = (bytes: Uint8Array | string) => {
      const wb = typeof bytes === 'string' ? XLSX.read(bytes, { type: 'string', raw: true }) : XLSX.read(bytes, { type: 'array' });
      return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '', raw: false });
    };
    const before = kind === 'csv' ? read(strFromU8(original).replace(/^\uFEFF/, '')) : read(original);
    const after = read(out.bytes);
    const written = new Set(plainWrites(kind).map((w) => w.cell));
    for (let r = 0; r < before.length; r++)
      for (let c = 0; c < before[r].length; c++) {
        const ref = XLSX.utils.encode_cell({ r, c });
        if (!written.has(ref) || before[r][c] !== '') t.equal(after[r][c], before[r][c], ref);
      }
  });
}
