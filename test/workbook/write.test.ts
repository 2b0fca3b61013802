// What the customer gets back: their own workbook with the vendor's answers written in.
import t from 'tap';
import * as XLSX from 'xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeAnswers } from '../../src/workbook/write.js';
import type { CellWrite, FileKind } from '../../src/workbook/types.js';
import { fixture, LONG, part, plainWrites, reviewFor, richWrites, unusualWrites } from './write-helpers.js';
import { parseXml, type El } from './fidelity.js';
import { Package } from '../../src/workbook/package/package.js';
import { addRel, relType } from '../../src/workbook/package/rels.js';

const rich = fixture('rich.xlsx');
const result = writeAnswers(rich, 'xlsx', richWrites, reviewFor(richWrites));
const book = XLSX.read(result.bytes, { type: 'array', cellFormula: true });
const sheet = book.Sheets['チェックシート'];

const styles = parseXml(part(result.bytes, 'xl/styles.xml'));
const child = (el: El, name: string) => el.children.find((c) => c.name === name)!;
const xfOf = (pkg: Uint8Array, sheetPart: string, ref: string): El => {
  const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(part(pkg, sheetPart))?.[1] ?? '0';
  return child(parseXml(part(pkg, 'xl/styles.xml')), 'cellXfs').children[Number(s)];
};
const originalXf = (ref: string) => xfOf(rich, 'xl/worksheets/sheet1.xml', ref);
const writtenXf = (ref: string) => xfOf(result.bytes, 'xl/worksheets/sheet1.xml', ref);

t.test('the answers are in the answer cells, as text', async (t) => {
  t.equal(sheet.E4.v, '国内（東京・大阪）のデータセンターに保管しています。');
  t.equal(sheet.E4.t, 's');
  t.equal(sheet.D4.v, 'はい');
  t.equal(sheet.E5.v, LONG);
  t.equal(book.Sheets["別紙 (O'Brien)"].C3.v, '新しい行に書きます', 'a row the sheet did not have is added');
  t.equal(sheet.E11.v, '- 退会後30日以内に削除します。', 'a row between existing rows is added in order');
  t.same(result.extension, 'xlsx');
  t.equal(result.formattingPreserved, true);
});

t.test('text that looks like a formula is written as text, never as a formula', async (t) => {
  t.equal(sheet.E7.v, '=HYPERLINK("http://evil")');
  t.equal(sheet.E7.t, 's');
  t.notOk(sheet.E7.f, 'no formula');
  t.equal(writtenXf('E7').attrs.quotePrefix, '1', 'and it stays text when someone edits the cell in Excel');
  t.equal(book.Sheets["別紙 (O'Brien)"].C5.v, '+ISMS (ISO/IEC 27001) 取得済み');
  t.notOk(book.Sheets["別紙 (O'Brien)"].C5.f);
});

t.test('answers wrap and keep the look the customer gave the cell', async (t) => {
  const before = originalXf('E5');
  const after = writtenXf('E5');
  t.equal(child(after, 'alignment').attrs.wrapText, '1');
  for (const a of ['fontId', 'fillId', 'borderId', 'numFmtId']) t.equal(after.attrs[a], before.attrs[a], a);
});

t.test('a new cell takes the look its column gives empty cells', async (t) => {
  // 別紙's column C has a green fill and a Meiryo font set on the whole column.
  const colStyle = Number(/<col min="3" max="3"[^>]* style="(\d+)"/.exec(part(rich, 'xl/worksheets/sheet2.xml'))![1]);
  const columnXf = child(parseXml(part(rich, 'xl/styles.xml')), 'cellXfs').children[colStyle];
  const written = xfOf(result.bytes, 'xl/worksheets/sheet2.xml', 'C3');
  t.equal(written.attrs.fillId, columnXf.attrs.fillId);
  t.equal(written.attrs.fontId, columnXf.attrs.fontId);
});

t.test('a cell the customer already filled is never overwritten, and the result says so', async (t) => {
  t.equal(sheet.E6.v, '記入済み（お客様）');
  t.equal(sheet.E10.f, 'C4&"（自動）"', 'a formula is kept too');
  t.same(
    result.skipped.filter((s) => s.sheet === 'チェックシート'),
    [
      { sheet: 'チェックシート', cell: 'E6', reason: 'the cell already has a value' },
      { sheet: 'チェックシート', cell: 'E10', reason: 'the cell already has a value' },
    ],
  );
});

t.test("a row's declared column span widens to take a new cell", async (t) => {
  // Row 7 declares spans="1:5"; an answer in J7 widens it to 1:10.
  const out = writeAnswers(rich, 'xlsx', [{ sheet: 'チェックシート', cell: 'J7', text: '範囲外' }], []);
  t.match(part(out.bytes, 'xl/worksheets/sheet1.xml'), /<row r="7" ht="28" customHeight="1" spans="1:10" [^>]*>/);
});

t.test('an answer for a merged answer area goes into its top-left cell', async (t) => {
  t.equal(sheet.E8.v, '180日保管しています。');
  t.notOk(sheet.F8?.v);
});

t.test('cells to review are highlighted and carry a note naming the proposal', async (t) => {
  const fills = child(styles, 'fills').children;
  const fillOf = (ref: string) => child(fills[Number(writtenXf(ref).attrs.fillId)], 'patternFill');
  t.equal(child(fillOf('E7'), 'fgColor').attrs.rgb, 'FFFFEB9C');
  t.equal(child(fillOf('E9'), 'fgColor').attrs.rgb, 'FFFFEB9C', 'an unmatched row is highlighted even with no answer');
  t.not(writtenXf('E4').attrs.fillId, writtenXf('E7').attrs.fillId, 'rows that need no review are not');
  const comments = part(result.bytes, 'xl/comments1.xml');
  t.match(comments, /<comment ref="E7" authorId="\d+"><text><t xml:space="preserve">qmap: 要確認 — 提案: No\.12 通信の暗号化 \(score 0\.62\)\n他の候補: No\.13 \(0\.40\)<\/t>/);
  t.match(comments, /お客様のメモ: 重要/, "the customer's own notes stay");
  t.match(comments, /お客様: ここは空欄で結構です/);
  t.notMatch(comments, /対象項目なし/, "a cell with the customer's note keeps that note alone");
  const vml = part(result.bytes, 'xl/drawings/vmlDrawing1.vml');
  t.match(vml, /<x:Row>6<\/x:Row><x:Column>4<\/x:Column>/, 'the note box is anchored to E7');

  const other = writeAnswers(rich, 'xlsx', richWrites, []);
  const second = XLSX.read(other.bytes, { type: 'array' }).Sheets["別紙 (O'Brien)"];
  t.ok(second.C2.c?.some((c: { t: string }) => c.t.includes('qmap: 要確認')), 'a sheet without notes gets its first one');
});

t.test('once a reviewer confirms a row, the next download has no highlight and no note for it', async (t) => {
  const confirmed = richWrites.map(({ flag: _flag, ...w }) => w);
  const out = writeAnswers(rich, 'xlsx', confirmed, []);
  t.equal(xfOf(out.bytes, 'xl/worksheets/sheet1.xml', 'E7').attrs.fillId, originalXf('E7').attrs.fillId);
  t.notMatch(part(out.bytes, 'xl/comments1.xml'), /qmap/);
});

t.test("the review copy written again as a final copy: qmap's notes and note boxes go, the customer's own stay as they came", async (t) => {
  const final = writeAnswers(result.bytes, 'xlsx', [], []);
  const [before, after] = [unzipSync(rich), unzipSync(final.bytes)];
  for (const name of Object.keys(before).filter((n) => /comments|vmlDrawing/.test(n))) t.same(after[name], before[name], `${name} byte for byte`);
  t.same(Object.keys(after).filter((n) => /comments|vmlDrawing/.test(n)).sort(), Object.keys(before).filter((n) => /comments|vmlDrawing/.test(n)).sort(), 'the parts qmap added for its notes are gone');
  t.notMatch(part(final.bytes, 'xl/comments1.xml'), /qmap/);
});

t.test('a last sheet 「qmap確認」 lists every question with a link to its answer cell', async (t) => {
  t.equal(book.SheetNames.at(-1), 'qmap確認');
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['qmap確認'], { header: 1, defval: '' });
  t.same(rows[0], ['シート', 'セル', '質問', '項目No.', '項目名', 'スコア', '状態', '候補', '記入した回答', '記入した選択']);
  t.equal(rows.length, richWrites.length + 1);
  t.same(rows[1], ['チェックシート', 'E4', '質問 1', '12, 13', '通信の暗号化\n保存データの暗号化', 0.9, '自動', '', richWrites[0].text, '']);
  t.same(rows[5].slice(6, 8), ['要確認', 'No.13 保存データの暗号化 / No.20 ログ']);
  t.same(rows[7][6], '対象項目なし', "qmap's word for a row no item answers; 該当なし is the customer's answer");
  const review = part(result.bytes, 'xl/worksheets/sheet4.xml');
  t.match(review, `<hyperlink ref="B2" location="'チェックシート'!E4" display="E4"/>`);
  t.match(review, `location="'別紙 (O''Brien)'!C2"`, 'sheet names with quotes are escaped in links');
  t.match(review, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
  t.match(review, /<autoFilter ref="A1:J13"\/>/);
});

t.test("a review copy written again has one review sheet: qmap's old one gives way to the new", async (t) => {
  const again = writeAnswers(result.bytes, 'xlsx', [], reviewFor(richWrites.slice(0, 1)));
  t.same(XLSX.read(again.bytes, { type: 'array' }).SheetNames.filter((n) => n.startsWith('qmap')), ['qmap確認']);
  t.equal(XLSX.utils.sheet_to_json(XLSX.read(again.bytes, { type: 'array' }).Sheets['qmap確認']).length, 1, 'listing the new lines only');
});

t.test("a customer's own sheet named 「qmap確認」 (not qmap's columns) is kept as it is, and qmap's gets 「qmap確認 (2)」", async (t) => {
  const files = unzipSync(result.bytes);
  files['xl/worksheets/sheet4.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet4.xml']).replace('<t>シート</t>', '<t>当社メモ</t>'));
  const theirs = zipSync(files);
  const again = writeAnswers(theirs, 'xlsx', [], reviewFor(richWrites.slice(0, 1)));
  t.same(XLSX.read(again.bytes, { type: 'array' }).SheetNames.slice(-2), ['qmap確認', 'qmap確認 (2)']);
  t.same(unzipSync(again.bytes)['xl/worksheets/sheet4.xml'], files['xl/worksheets/sheet4.xml'], 'their sheet byte for byte');
});

t.test('the same inputs give the same bytes', async (t) => {
  t.ok(Buffer.from(writeAnswers(rich, 'xlsx', richWrites, reviewFor(richWrites)).bytes).equals(Buffer.from(result.bytes)));
  const csv = fixture('plain.csv');
  t.ok(Buffer.from(writeAnswers(csv, 'csv', plainWrites('csv'), []).bytes).equals(Buffer.from(writeAnswers(csv, 'csv', plainWrites('csv'), []).bytes)));
});

t.test('writes to a sheet or a cell that does not exist are reported, not made', async (t) => {
  const out = writeAnswers(rich, 'xlsx', [
    { sheet: 'ない', cell: 'A1', text: 'x' },
    { sheet: 'チェックシート', cell: 'not-a-cell', text: 'x' },
    { sheet: 'チェックシート', cell: 'E4', text: 'first' },
    { sheet: 'チェックシート', cell: 'E4', text: 'second' },
  ], []);
  t.same(out.skipped, [
    { sheet: 'ない', cell: 'A1', reason: 'no sheet with this name' },
    { sheet: 'チェックシート', cell: 'not-a-cell', reason: 'not a cell address' },
    { sheet: 'チェックシート', cell: 'E4', reason: 'E4 is already written by another answer' },
  ]);
  t.equal(XLSX.read(out.bytes, { type: 'array' }).Sheets['チェックシート'].E4.v, 'first');
});

t.test('characters XML cannot hold are dropped; everything else comes back as written', async (t) => {
  const text = 'a\u0001b & <c> "d" _x000D_ 改行\r\nあり\t🍣';
  const out = writeAnswers(rich, 'xlsx', [{ sheet: 'チェックシート', cell: 'E4', text }], []);
  t.equal(XLSX.read(out.bytes, { type: 'array' }).Sheets['チェックシート'].E4.v, 'ab & <c> "d" _x000D_ 改行\nあり\t🍣');
});

t.test('an .xlsm comes back as .xlsm with its VBA project untouched', async (t) => {
  const xlsm = fixture('rich.xlsm');
  const out = writeAnswers(xlsm, 'xlsm', richWrites, reviewFor(richWrites));
  t.equal(out.extension, 'xlsm');
  const vba = (pkg: Uint8Array) => Buffer.from(unzipSync(pkg)['xl/vbaProject.bin']);
  t.ok(vba(out.bytes).equals(vba(xlsm)), 'vbaProject.bin byte for byte');
  t.match(part(out.bytes, '[Content_Types].xml'), 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
});

t.test('namespace prefixes, rows and cells without addresses, and a package without styles are handled', async (t) => {
  const out = writeAnswers(fixture('unusual.xlsx'), 'xlsx', unusualWrites, reviewFor(unusualWrites));
  const wb = XLSX.read(out.bytes, { type: 'array' });
  const q = wb.Sheets.Questions;
  t.same(['C2', 'C3', 'C4', 'C5', 'C7'].map((c) => q[c]?.v), unusualWrites.slice(0, 5).map((w) => w.text));
  t.equal(q.B3.v, 'Where is data stored?', 'cells around the written ones stay where they were');
  t.equal(q.D5.v, 'note');
  t.equal(wb.Sheets.Empty.B2.v, 'Into an empty sheet');
  t.same(out.skipped, []);
  t.match(part(out.bytes, 'xl/worksheets/sheet1.xml'), /<x:c r="C2" s="\d+" t="inlineStr"><x:is><x:t>Yes/);
});

for (const kind of ['xls', 'ods', 'csv'] as FileKind[]) {
  t.test(`a .${kind} comes back as .xlsx with its values, and says formatting was not preserved`, async (t) => {
    const original = fixture(`plain.${kind}`);
    const out = writeAnswers(original, kind, plainWrites(kind), reviewFor(plainWrites(kind)));
    t.equal(out.extension, 'xlsx');
    t.equal(out.formattingPreserved, false);
    const wb = XLSX.read(out.bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '', raw: false });
    t.same(rows[0], ['No', '質問', '回答', '備考']);
    t.same(rows[1], ['1', 'データは国内のデータセンターに保管されていますか。', 'はい、国内のみです。', '']);
    t.same(rows[2].slice(2, 3), ['毎日・7世代']);
    t.same(rows[8].slice(0, 3), ['8', '既に回答済みの質問', '回答済み']);
    t.same(out.skipped, [{ sheet: plainWrites(kind)[2].sheet, cell: 'C9', reason: 'the cell already has a value' }]);
    t.equal(wb.SheetNames.at(-1), 'qmap確認');
  });
}

for (const kind of ['xls', 'ods', 'csv'] as FileKind[]) {
  t.test(`a .${kind} with an empty row above its table (a title, then a blank line) comes back with its answers`, async (t) => {
    const ws = XLSX.utils.aoa_to_sheet([['セキュリティチェックシート'], [], ['No', '質問', '回答'], [1, 'データは国内に保管されていますか。', ''], [], [2, '暗号化していますか。', '']]);
    const sheet = kind === 'csv' ? 'Sheet1' : '質問票';
    const original =
      kind === 'csv'
        ? new TextEncoder().encode(XLSX.utils.sheet_to_csv(ws))
        : new Uint8Array(XLSX.write(XLSX.utils.book_new(ws, sheet), { type: 'array', bookType: kind === 'xls' ? 'biff8' : 'ods' }));
    const writes: CellWrite[] = [
      { sheet, cell: 'C4', text: 'はい、国内のみです。' },
      { sheet, cell: 'C6', text: 'はい。' },
    ];
    const out = writeAnswers(original, kind, writes, reviewFor(writes));
    const q = XLSX.read(out.bytes, { type: 'array' }).Sheets[sheet];
    t.equal(q.A1.v, 'セキュリティチェックシート');
    t.equal(q.C4.v, 'はい、国内のみです。');
    t.equal(q.C6.v, 'はい。');
    t.equal(q.B6.v, '暗号化していますか。', 'rows below the blank ones stay where they were');
  });
}

t.test('a converted .xls, .ods or .csv comes back with columns as wide as their text (at most 60 digits), so questions and answers can be read', async (t) => {
  for (const kind of ['xls', 'ods', 'csv'] as FileKind[]) {
    const [short, , filled] = plainWrites(kind);
    const out = writeAnswers(fixture(`plain.${kind}`), kind, [short, { sheet: short.sheet, cell: 'C3', text: LONG }, filled], []);
    const xml = part(out.bytes, 'xl/worksheets/sheet1.xml');
    const width = (col: number) => Number(new RegExp(`<col min="${col}" max="${col}" width="([\\d.]+)"`).exec(xml)?.[1] ?? 8.43);
    t.equal(width(1), 8.43, `${kind}: the No. column keeps the default width`);
    t.ok(width(2) > 50 && width(2) < 60, `${kind}: the question column fits its longest question on one line (${width(2)})`);
    t.ok(width(3) >= 60 && width(3) < 61, `${kind}: the answer column is 60 digits wide for the long answer (${width(3)})`);
    t.match(xml, /<row r="2">/, `${kind}: the short answer fits on its line`);
    // The converted workbook's font is 12-point Calibri: lines of 18 pt.
    t.match(xml, /<row r="3" ht="126">/, `${kind}: the long answer (192 characters, 28 a line) gets seven lines`);
  }
});

t.test('formulas that read the answers are recalculated when the customer opens the workbook', async (t) => {
  const out = writeAnswers(fixture('rich.xlsx'), 'xlsx', richWrites, []);
  t.match(part(out.bytes, 'xl/workbook.xml'), /<calcPr calcId="171027" fullCalcOnLoad="1"\/>/, 'rich.xlsx has formulas: its calcPr asks for a full recalculation');
  const plain = writeAnswers(fixture('unusual.xlsx'), 'xlsx', unusualWrites, []);
  t.notMatch(part(plain.bytes, 'xl/workbook.xml'), /fullCalcOnLoad/, 'a workbook without formulas is left as it was');
  const none = writeAnswers(fixture('rich.xlsx'), 'xlsx', [], []);
  t.notMatch(part(none.bytes, 'xl/workbook.xml'), /fullCalcOnLoad/, 'nor is one where nothing was written');
});

t.test('a workbook with formulas but no calcPr gets one, after the elements the schema puts before it', async (t) => {
  const ws = XLSX.utils.aoa_to_sheet([['質問', '回答', '点数'], ['暗号化していますか。', '', null]]);
  ws.C2 = { t: 'n', f: 'IF(B2="はい",1,0)', v: 0 };
  const book = XLSX.utils.book_new(ws, '質問票');
  const original = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
  t.notMatch(part(original, 'xl/workbook.xml'), /calcPr/, 'SheetJS writes no calcPr');
  const out = writeAnswers(original, 'xlsx', [{ sheet: '質問票', cell: 'B2', text: 'はい' }], []);
  t.match(part(out.bytes, 'xl/workbook.xml'), /<\/sheets>(?:<definedNames>.*<\/definedNames>)?<calcPr fullCalcOnLoad="1"\/>/s);
});

t.test('a package that cannot be opened says so with an error the API can map', async (t) => {
  t.throws(() => writeAnswers(new Uint8Array([1, 2, 3]), 'xlsx', [], []), { code: 'unreadable' });
});

/** The cellXfs entry of a written cell, found through its s attribute. */
const styleOf = (pkg: Uint8Array, sheetPart: string, ref: string): El => xfOf(pkg, sheetPart, ref);

t.test('everything qmap writes that Excel could take for a formula stays text when edited: answers, choices and the review sheet', async (t) => {
  const risky = ['=1+1', '+81 3 1234', '-1', '@SUM(A1)', '\t=1+1', '\r\n=HYPERLINK("x")', '＝1+1'];
  const writes: CellWrite[] = risky.map((text, i) => ({ sheet: 'チェックシート', cell: `E${20 + i}`, text }));
  const lines = reviewFor(writes).map((l, i) => ({ ...l, question: risky[i], answer: risky[(i + 1) % risky.length] }));
  const out = writeAnswers(rich, 'xlsx', [...writes, { sheet: 'チェックシート', cell: 'E30', text: '通常の回答' }], lines);
  for (const w of writes) t.equal(styleOf(out.bytes, 'xl/worksheets/sheet1.xml', w.cell).attrs.quotePrefix, '1', `answer ${JSON.stringify(w.text)}`);
  t.notOk(styleOf(out.bytes, 'xl/worksheets/sheet1.xml', 'E30').attrs.quotePrefix, 'plain text is left alone');
  const review = 'xl/worksheets/sheet4.xml';
  for (let i = 0; i < risky.length; i++) {
    t.equal(styleOf(out.bytes, review, `C${i + 2}`).attrs.quotePrefix, '1', `review question ${JSON.stringify(risky[i])}`);
    t.equal(styleOf(out.bytes, review, `I${i + 2}`).attrs.quotePrefix, '1', `review answer ${JSON.stringify(risky[(i + 1) % risky.length])}`);
  }
  t.equal(child(styleOf(out.bytes, review, 'C2'), 'alignment').attrs.wrapText, '1', 'the quoted question still wraps');
  t.match(part(out.bytes, review), /<c r="C6" s="\d+" t="inlineStr"><is><t xml:space="preserve">\t=1\+1<\/t>/, 'a question starting with a tab keeps it');
});

t.test("an English questionnaire's review sheet \"qmap review\" keeps what looks like a formula as text too", async (t) => {
  const risky = ['=1+1', '+1 (555) 0100', '-SUM(A1)', '@risk'];
  const writes: CellWrite[] = risky.map((text, i) => ({ sheet: 'チェックシート', cell: `E${20 + i}`, text }));
  const lines = reviewFor(writes).map((l, i) => ({ ...l, question: risky[i], answer: risky[(i + 1) % risky.length], alternatives: risky[(i + 2) % risky.length] }));
  const out = writeAnswers(rich, 'xlsx', writes, lines, { language: 'en' });
  t.equal(XLSX.read(out.bytes, { type: 'array' }).SheetNames.at(-1), 'qmap review');
  const review = 'xl/worksheets/sheet4.xml';
  for (let i = 0; i < risky.length; i++)
    for (const col of ['C', 'H', 'I']) t.equal(styleOf(out.bytes, review, `${col}${i + 2}`).attrs.quotePrefix, '1', `${col}${i + 2}`);
  t.notOk(styleOf(out.bytes, review, 'A2').attrs.quotePrefix, 'plain text is left alone');
});

t.test('the review sheet is laid out for reading: wide columns, wrapped text from the top of the cell, rows as tall as their longest text', async (t) => {
  const long = 'バックアップは毎日取得し、7世代保管しています。'.repeat(6);
  const out = writeAnswers(rich, 'xlsx', [], [{ ...reviewFor(richWrites)[0], question: '短い質問', answer: long }, { ...reviewFor(richWrites)[1], answer: 'はい' }]);
  const review = part(out.bytes, 'xl/worksheets/sheet4.xml');
  t.match(review, /<col min="3" max="3" width="60" customWidth="1"\/>.*<col min="9" max="9" width="60" customWidth="1"\/>/, 'question and answer columns 60 digits wide');
  const answer = child(styleOf(out.bytes, 'xl/worksheets/sheet4.xml', 'I2'), 'alignment').attrs;
  t.same([answer.wrapText, answer.vertical], ['1', 'top']);
  // 144 full-width characters in 56 digits of room: 6 lines of 16.5 pt (the default font is Calibri 11).
  t.match(review, /<row r="2" ht="99">/, 'a six-line answer gets a six-line row');
  t.match(review, /<row r="3">/, 'a one-line row keeps the default height');
});

t.test('a workbook whose only formulas read other workbooks or DDE links is not set to recalculate on opening', async (t) => {
  const withFormula = (f: string) => {
    const ws = XLSX.utils.aoa_to_sheet([['質問', '回答', '参照'], ['暗号化していますか。', '', null]]);
    ws.C2 = { t: 'n', f, v: 0 };
    return new Uint8Array(XLSX.write(XLSX.utils.book_new(ws, '質問票'), { type: 'array', bookType: 'xlsx' }));
  };
  const answer = [{ sheet: '質問票', cell: 'B2', text: 'はい' }];
  const calc = (bytes: Uint8Array) => /fullCalcOnLoad/.test(part(writeAnswers(bytes, 'xlsx', answer, []).bytes, 'xl/workbook.xml'));
  t.notOk(calc(withFormula('[1]Sheet1!A1')), 'a reference to another workbook');
  t.notOk(calc(withFormula("'[2]My sheet'!B2*2")), 'a quoted one');
  t.notOk(calc(withFormula("cmd|'/C calc'!A0")), 'a DDE formula');
  t.ok(calc(withFormula('IF(B2="はい",1,0)')), 'a formula reading the answers');
  t.ok(calc(withFormula('Table1[2019]+B2')), "a table's column is this workbook's");

  const pkg = Package.open(withFormula('IF(B2="はい",1,0)'), 200 << 20);
  const link = 'xl/externalLinks/externalLink1.xml';
  pkg.setText(link, '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic="/C calc"/></externalLink>');
  addRel(pkg, 'xl/workbook.xml', relType.externalLink, link);
  t.notOk(calc(pkg.write()), 'a workbook holding a DDE link is never recalculated on qmap’s account');
});

t.test('a stray VBA part does not turn an .xlsx into an .xlsm download', async (t) => {
  const pkg = Package.open(rich, 200 << 20);
  pkg.setBytes('xl/vbaProject.bin', new Uint8Array(512));
  const stray = pkg.write();
  // A job stored before qmap read the content type had this kind; the download follows the package.
  const out = writeAnswers(stray, 'xlsm', richWrites, []);
  t.equal(out.extension, 'xlsx');
  t.notMatch(part(out.bytes, '[Content_Types].xml'), /macroEnabled/);
});
