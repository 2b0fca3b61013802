import t from 'tap';
import * as XLSX from 'xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { readBook } from '../../src/workbook/read.js';
import { writeAnswers } from '../../src/workbook/write.js';
import type { Grid, Limits } from '../../src/workbook/types.js';
import { xlsx, xlsxParts, zip } from '../../scripts/make-hostile.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', name)));
const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const read = (name: string, l: Partial<Limits> = {}) => readBook(fixture(name), name, { ...limits, ...l });
const row = (g: Grid, r: number) => Array.from({ length: g.colCount }, (_, c) => g.cell(r, c));

t.test('the same questionnaire reads alike from xlsx, xlsm, xls and ods', async (t) => {
  for (const ext of ['xlsx', 'xlsm', 'xls', 'ods']) {
    const book = read(`layout-title-block.${ext}`);
    t.equal(book.kind, ext);
    const g = book.sheets[0];
    t.equal(g.name, 'チェックシート', ext);
    t.equal(g.cell(4, 2), 'お客様データのバックアップを定期的に取得していますか。', ext);
    t.ok(g.merges.some((m) => m.s.r === 4 && m.s.c === 1 && m.e.r === 6), `${ext}: the vertical 大分類 merge B5:B7`);
  }
});

t.test('an xlsx gives its drop-down lists, hidden columns and struck-out cells', async (t) => {
  const g = read('layout-title-block.xlsx').sheets[0];
  const d5 = g.validations.find((v) => v.range.s.c === 3 && v.range.s.r <= 4 && v.range.e.r >= 8);
  t.same(d5?.values, ['はい', 'いいえ', '該当なし'], 'D5:D9 is a はい/いいえ/該当なし list');
  t.same(read('layout-hidden-column.xlsx').sheets[0].hiddenCols, new Set([2]));
  t.ok(read('layout-sections.xlsx').sheets[0].struck.has('11,1'), 'B12 is struck through');
});

t.test('a drop-down whose values live on a hidden sheet is resolved to those values', async (t) => {
  const book = read('layout-multi-sheet.xlsx');
  const lists = book.sheets.find((s) => s.name === 'lists')!;
  t.ok(lists.hidden);
  const ops = book.sheets.find((s) => s.name === '運用')!;
  t.same(ops.validations[0].values, ['対応済', '一部対応', '未対応']);
  t.ok(book.sheets.find((s) => s.name === '集計')!.formulaCells >= 2);
});

t.test('rich text reads as its runs joined', async (t) => {
  t.equal(read('layout-bilingual.xlsx').sheets[0].cell(4, 2), '【必須】データセンターの所在国をご記入ください。');
});

t.test('a CSV reads as Sheet1 from UTF-8 with BOM or Shift_JIS, a quoted line break staying in its row', async (t) => {
  for (const name of ['csv-utf8-bom.csv', 'csv-shift-jis.csv']) {
    const book = read(name);
    t.equal(book.kind, 'csv');
    const g = book.sheets[0];
    t.equal(g.name, 'Sheet1');
    t.same(row(g, 0), ['No', '質問', '回答', '備考'], name);
    t.equal(g.cell(2, 1), 'データは暗号化されていますか。\n保存時と通信時の両方についてお答えください。', name);
    t.equal(g.cell(3, 0), '3', `${name}: record 4 is row 4`);
  }
});

t.test('a CSV that is neither UTF-8 nor Shift_JIS is unreadable, with the fix in the message', async (t) => {
  t.throws(() => read('bad-invalid-text.csv'), { code: 'unreadable', message: /UTF-8/ });
});

t.test('a password-protected workbook asks for a copy without the password', async (t) => {
  t.throws(() => read('bad-encrypted.xlsx'), { code: 'password_protected', message: /password/ });
});

t.test('each limit is enforced with its name and value', async (t) => {
  t.throws(() => read('layout-title-block.xlsx', { uploadBytes: 1000 }), { code: 'too_large', details: { limit: 'uploadBytes', max: 1000 } });
  t.throws(() => read('bad-zip-bomb.xlsx', { uncompressedBytes: 1 << 20 }), { code: 'too_large', details: { limit: 'uncompressedBytes' } });
  t.throws(() => read('bad-zip-lying-sizes.xlsx'), { code: 'unreadable', message: /unpacks to \d+ bytes, not the \d+ its directory declares/ }, 'a zip whose sizes lie is refused as damaged, whatever the limit');
  t.throws(() => read('layout-multi-sheet.xlsx', { sheets: 3 }), { code: 'too_large', details: { limit: 'sheets', max: 3 } });
  t.throws(() => read('bad-many-rows.xlsx', { rows: 20 }), { code: 'too_large', details: { limit: 'rows', max: 20 } });
  t.throws(() => read('bad-many-columns.xlsx', { columns: 20 }), { code: 'too_large', details: { limit: 'columns', max: 20 } });
  t.equal(read('bad-many-rows.xlsx').sheets[0].rowCount, 40, 'within the limits the same file reads');
});

t.test('two sheets of the same name are refused in words, not read as one', async (t) => {
  t.throws(() => read('bad-duplicate-sheet-names.xlsx'), { code: 'unreadable', message: /two sheets named "質問"/, details: { sheet: '質問' } });
});

t.test('half a surrogate pair in an .xls cell reads as U+FFFD, so the question is stored and answered as read', async (t) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['No.', '質問', '回答'],
    ['1', 'バックアップ\uD800を取得していますか。', ''],
    ['2', '絵文字 🔒 はそのまま', ''],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
  const g = readBook(bytes, 'q.xls', limits).sheets[0];
  t.equal(g.cell(1, 1), 'バックアップ\uFFFDを取得していますか。');
  t.equal(g.cell(2, 1), '絵文字 🔒 はそのまま', 'a whole pair is kept');
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const questionRows = (n: number) =>
  Array.from({ length: n }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${r ? `質問${r}` : '質問'}</t></is></c></row>`).join('');
const oneSheet = (xml: string) => xlsx({ sheets: [{ name: 'S', xml: `<?xml version="1.0"?><worksheet xmlns="${NS}">${xml}</worksheet>` }] });

t.test('a sheet whose <dimension> claims the whole grid is read by its rows, not refused', async (t) => {
  const book = readBook(oneSheet(`<dimension ref="A1:XFD1048576"/><sheetData>${questionRows(7)}</sheetData>`), 'q.xlsx', limits);
  t.equal(book.sheets[0].rowCount, 7);
});

t.test('rows past the limit are refused only when they hold something, before SheetJS reads them', async (t) => {
  const far = (cells: string) => oneSheet(`<sheetData>${questionRows(7)}<row r="500000">${cells}</row></sheetData>`);
  t.throws(() => readBook(far('<c r="A500000"><v>1</v></c>'), 'q.xlsx', limits), { code: 'too_large', details: { limit: 'rows', max: 100_000 } });
  t.equal(readBook(far('<c r="A500000" s="1"/>'), 'q.xlsx', limits).sheets[0].rowCount, 7, 'an empty formatted row far below is no reason to refuse');
  t.equal(readBook(oneSheet(`<sheetData>${questionRows(7)}<row r="1048576" ht="20" customHeight="1"/></sheetData>`), 'q.xlsx', limits).sheets[0].rowCount, 7);
});

t.test('a sheet name written with a character reference beyond the BMP reads as written, so answers find it', async (t) => {
  const parts = xlsxParts({ sheets: [{ name: 'チェックSMILEシート', rows: [['質問']] }] });
  parts['xl/workbook.xml'] = new TextEncoder().encode(new TextDecoder().decode(parts['xl/workbook.xml']).replace('SMILE', '&#x1F600;'));
  const bytes = zip(Object.entries(parts).map(([name, data]) => ({ name, data })));
  const book = readBook(bytes, 'q.xlsx', limits);
  t.equal(book.sheets[0].name, 'チェック😀シート', 'SheetJS alone reads &#x1F600; as U+F600; the package layer reads it right');
  const out = writeAnswers(bytes, 'xlsx', [{ sheet: book.sheets[0].name, cell: 'B1', text: 'はい' }], []);
  t.same(out.skipped, [], 'and the writer finds the sheet by that name');
});

t.test('a stray VBA part does not make an .xlsx an .xlsm, in its kind or in what messages call it', async (t) => {
  const parts = xlsxParts({ sheets: [{ name: 'S', rows: [['No.', '質問', '回答'], ['1', 'データは暗号化されていますか。', '']] }] });
  const stray = zip(Object.entries({ ...parts, 'xl/vbaProject.bin': new Uint8Array(64) }).map(([name, data]) => ({ name, data })));
  t.equal(readBook(stray, 'q.xlsx', limits).kind, 'xlsx');
  const broken = zip(Object.entries({ ...parts, 'xl/vbaProject.bin': new Uint8Array(64), 'xl/workbook.xml': new TextEncoder().encode('<workbook') }).map(([name, data]) => ({ name, data })));
  t.throws(() => readBook(broken, 'q.xlsx', limits), { code: 'unreadable', message: /^The xlsx file could not be read/ });
  const types = new TextDecoder().decode(parts['[Content_Types].xml']);
  const enabled = new TextEncoder().encode(types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
  const xlsm = zip(Object.entries({ ...parts, '[Content_Types].xml': enabled, 'xl/vbaProject.bin': new Uint8Array(64) }).map(([name, data]) => ({ name, data })));
  t.equal(readBook(xlsm, 'q.xlsm', limits).kind, 'xlsm', 'a workbook whose content type says macro-enabled is an .xlsm');
});
