// Given any workbook qmap writes, every program a customer may use opens it: SheetJS, Python's zipfile
// (every member, CRCs checked) and openpyxl, `unzip -t` and LibreOffice. The producer sample gets the same
// matrix in producers.test.ts.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { control } from '../../scripts/make-hostile.js';
import { fixturesDir } from '../../src/paths.js';
import type { CellWrite, FileKind } from '../../src/workbook/types.js';
import { writeAnswers } from '../../src/workbook/write.js';
import { missingReaders, readAll } from './readers.js';
import { fixture, plainWrites, reviewFor, richWrites, unusualWrites } from './write-helpers.js';

t.setTimeout(300_000);

const stored = () => {
  const ws = XLSX.utils.aoa_to_sheet([['No.', '質問', '回答'], [1, 'データは暗号化されていますか。', '']]);
  return new Uint8Array(XLSX.write(XLSX.utils.book_new(ws, '質問'), { type: 'buffer', bookType: 'xlsx' }));
};

const cases: { name: string; bytes: Uint8Array; kind: FileKind; writes: CellWrite[] }[] = [
  { name: 'rich', bytes: fixture('rich.xlsx'), kind: 'xlsx', writes: richWrites },
  { name: 'rich-macro', bytes: fixture('rich.xlsm'), kind: 'xlsm', writes: richWrites },
  { name: 'unusual', bytes: fixture('unusual.xlsx'), kind: 'xlsx', writes: unusualWrites },
  ...(['xls', 'ods', 'csv'] as FileKind[]).map((kind) => ({ name: `plain-${kind}`, bytes: fixture(`plain.${kind}`), kind, writes: plainWrites(kind) })),
  { name: 'sheetjs-stored', bytes: stored(), kind: 'xlsx', writes: [{ sheet: '質問', cell: 'C2', text: 'はい', flag: { comment: 'qmap: 要確認' } }] },
  { name: 'python-zip64', bytes: new Uint8Array(readFileSync(join(fixturesDir, 'producers', 'python-zip64.xlsx'))), kind: 'xlsx', writes: [{ sheet: 'チェックシート', cell: 'E5', text: 'はい' }] },
  { name: 'hand-made', bytes: control(), kind: 'xlsx', writes: [{ sheet: 'チェックシート', cell: 'C3', text: '毎日取得しています。' }] },
];

t.test('every written fixture opens in every reader', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-readers-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const paths = cases.map((c) => {
    const out = writeAnswers(c.bytes, c.kind, c.writes, reviewFor(c.writes));
    const path = join(dir, `${c.name}.${out.extension}`);
    writeFileSync(path, out.bytes);
    return path;
  });
  t.comment(`readers missing here: ${missingReaders().join(', ') || 'none'}`);
  t.same(readAll(paths), []);
});
