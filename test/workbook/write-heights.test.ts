// Answers are readable where they are written: a row too low for its answer grows to show every line.
// Lines are estimated from the column's width (in digits of the default font: Calibri 11 here, whose rows are
// 15 pt), full-width characters counting two digits, and 1.5 times the font size per line.
import t from 'tap';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeAnswers } from '../../src/workbook/write.js';
import type { CellWrite } from '../../src/workbook/types.js';
import { part } from './write-helpers.js';

/** A check sheet: questions in A, answers in B (40 digits wide) and C (40), with the rows set up by `shape`. */
async function sheet(shape: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 40;
  for (let r = 1; r <= 10; r++) ws.getCell(`A${r}`).value = `質問 ${r}`;
  shape(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const fixed = (ws: ExcelJS.Worksheet, ...rows: number[]) => rows.forEach((r) => (ws.getRow(r).height = 20));
const write = (bytes: Uint8Array, writes: Omit<CellWrite, 'sheet'>[], keepRowHeights = false) =>
  writeAnswers(bytes, 'xlsx', writes.map((w) => ({ sheet: 'S', ...w })), [], { keepRowHeights }).bytes;
/** Row r's start tag in the written sheet. */
const rowTag = (bytes: Uint8Array, r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(part(bytes, 'xl/worksheets/sheet1.xml'))?.[0] ?? '';
const height = (bytes: Uint8Array, r: number) => Number(/ ht="([\d.]+)"/.exec(rowTag(bytes, r))?.[1] ?? NaN);

// 37 digits of room in a 40-digit column: 18 full-width characters, or 37 half-width ones, a line.
const SIX_LINES = 'あ'.repeat(100);

t.test('a row fixed at 20 pt with a six-line answer grows to six lines (99 pt) and stays fixed', async (t) => {
  const out = write(await sheet((ws) => fixed(ws, 2, 3)), [{ cell: 'B2', text: SIX_LINES }, { cell: 'B3', text: 'はい。' }]);
  t.equal(height(out, 2), 99);
  t.match(rowTag(out, 2), /customHeight="1"/, "the customer's row stays fixed, only taller");
  t.equal(height(out, 3), 20, 'a one-line answer leaves its row as it was');
});

t.test('full-width characters take two digits: 100 Latin letters need half the lines of 100 kana', async (t) => {
  const out = write(await sheet((ws) => fixed(ws, 2, 3)), [{ cell: 'B2', text: 'a'.repeat(100) }, { cell: 'B3', text: SIX_LINES }]);
  t.equal(height(out, 2), 3 * 16.5);
  t.equal(height(out, 3), 6 * 16.5);
});

t.test('Latin words wrap whole, and line breaks in the answer start new lines', async (t) => {
  const words = 'Backups are taken daily and kept for seven generations in a second region of Japan.';
  const out = write(await sheet((ws) => fixed(ws, 2, 3)), [{ cell: 'B2', text: words }, { cell: 'B3', text: 'はい。\n\n詳細は別紙のとおりです。' }]);
  t.equal(height(out, 2), 3 * 16.5, '84 characters in 37 digits: three lines, words kept whole');
  t.equal(height(out, 3), 3 * 16.5, 'three lines: the text, an empty line, the text');
});

t.test('a merged answer area counts its full width', async (t) => {
  const out = write(await sheet((ws) => (fixed(ws, 2), ws.mergeCells('B2:C2'))), [{ cell: 'B2', text: SIX_LINES }]);
  t.equal(height(out, 2), 3 * 16.5, '80 digits wide: 37 kana a line, three lines');
});

t.test('an answer area merged over two rows grows its first row by what the two lack', async (t) => {
  const out = write(await sheet((ws) => (fixed(ws, 2, 3), ws.mergeCells('B2:B3'))), [{ cell: 'B2', text: SIX_LINES }]);
  t.equal(height(out, 2), 79.5, '99 pt needed, 20 pt shown by row 3');
  t.equal(height(out, 3), 20);
});

t.test("the cell's own font size counts: 16-point text needs more and taller lines", async (t) => {
  const out = write(await sheet((ws) => (fixed(ws, 2), (ws.getCell('B2').font = { size: 16 }))), [{ cell: 'B2', text: SIX_LINES }]);
  t.equal(height(out, 2), 9 * 24, 'nine lines of 24 pt');
});

t.test('a row without a height of its own gets one when its answer needs more than a line, so LibreOffice shows it too', async (t) => {
  const out = write(await sheet(() => {}), [{ cell: 'B2', text: SIX_LINES }, { cell: 'B3', text: 'はい。' }]);
  t.equal(height(out, 2), 99);
  t.notMatch(rowTag(out, 2), /customHeight/, 'not made fixed: Excel still fits it when the customer edits the answer');
  t.notMatch(rowTag(out, 3), /ht=/, 'a one-line answer gets nothing');
});

t.test('hidden rows (hidden, or 0 pt high) and rows already tall enough are left as they are', async (t) => {
  const built = unzipSync(await sheet((ws) => ((ws.getRow(2).hidden = true), (ws.getRow(3).height = 200))));
  // ExcelJS leaves a height of 0 out: set by hand.
  built['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(built['xl/worksheets/sheet1.xml']).replace('<row r="4"', '<row r="4" ht="0" customHeight="1"'));
  const bytes = zipSync(built);
  const out = write(bytes, [2, 3, 4].map((r) => ({ cell: `B${r}`, text: SIX_LINES })));
  // (`spans`, the row's first:last column, widens to take the answer.)
  const unspanned = (tag: string) => tag.replace(/ spans="[^"]*"/, '');
  for (const r of [2, 3, 4]) t.equal(unspanned(rowTag(out, r)), unspanned(rowTag(bytes, r)), `row ${r}`);
});

t.test('QMAP_KEEP_ROW_HEIGHTS: with keepRowHeights every row keeps the height the customer gave it', async (t) => {
  const bytes = await sheet((ws) => fixed(ws, 2));
  const out = write(bytes, [{ cell: 'B2', text: SIX_LINES }, { cell: 'B4', text: SIX_LINES }], true);
  t.equal(height(out, 2), 20);
  t.notMatch(rowTag(out, 4), /ht=/);
});
