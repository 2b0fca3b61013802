// The answered sheet is patched as bytes: its text is read one character per byte (so positions are byte
// offsets) and only the written cells are replaced. These sheets hold what that must get right: text
// that is not ASCII before and after the written cells, cells written the way other tools write them,
// and rows and spans to widen.
import t from 'tap';
import * as XLSX from 'xlsx';
import { strToU8, zipSync } from 'fflate';
import { writeAnswers } from '../../src/workbook/write.js';
import type { CellWrite } from '../../src/workbook/types.js';
import { Splices } from '../../src/workbook/writer/splice.js';
import { part, reviewFor } from './write-helpers.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet package around the given <sheetData> content (and what follows it). */
function book(sheetData: string, after = '', bom = false): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:F8"/><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="2"/></cellXfs></styleSheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="質問" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(sheet)]) : strToU8(sheet),
    'xl/styles.xml': strToU8(styles),
  });
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const write = (cell: string, text: string, flag?: string): CellWrite => ({ sheet: '質問', cell, text, ...(flag ? { flag: { comment: flag } } : {}) });
const sheetOf = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array' }).Sheets['質問'];
const xmlOf = (bytes: Uint8Array) => part(bytes, 'xl/worksheets/sheet1.xml');

t.test('text that is not ASCII before, between and after the written cells is kept, and answers land in place', async (t) => {
  const original = book(
    `<row r="1">${inline('A1', '番号')}${inline('B1', '質問（日本語）🍣')}<c r="C1" s="1"/></row>` +
      `<row r="2">${inline('A2', 'Ｑ１')}${inline('B2', 'データは国内に保管されていますか。')}<c r="C2" s="1"/></row>`,
    '<dataValidations count="1"><dataValidation type="list" sqref="C2"><formula1>"はい,いいえ"</formula1></dataValidation></dataValidations>',
  );
  const out = writeAnswers(original, 'xlsx', [write('C1', '回答 & <注記>'), write('C2', 'はい、国内のみです。')], []);
  const sheet = sheetOf(out.bytes);
  t.equal(sheet.B1.v, '質問（日本語）🍣');
  t.equal(sheet.C1.v, '回答 & <注記>');
  t.equal(sheet.C2.v, 'はい、国内のみです。');
  t.match(xmlOf(out.bytes), '<formula1>"はい,いいえ"</formula1>', 'what follows the rows keeps its bytes');
  t.same(out.skipped, []);
});

t.test('a cell holding only a full-width space is empty, as it reads; one with Japanese text is filled', async (t) => {
  const original = book(`<row r="1">${inline('A1', 'Q')}${inline('B1', '\u3000')}</row><row r="2">${inline('A2', 'Q')}${inline('B2', '記入済み')}</row>`);
  const out = writeAnswers(original, 'xlsx', [write('B1', '回答'), write('B2', '上書きしない')], []);
  t.equal(sheetOf(out.bytes).B1.v, '回答');
  t.equal(sheetOf(out.bytes).B2.v, '記入済み');
  t.same(out.skipped, [{ sheet: '質問', cell: 'B2', reason: 'the cell already has a value' }]);
});

t.test('cells written the way other tools write them are rewritten keeping their own attributes', async (t) => {
  const original = book(
    '<row r="1"><c s="1" r="A1"/><c r="B1" s="2" t="s" cm="1"/><c r="C1" s="1" /><c r="D1" s="2" xml:space="preserve"></c></row>' +
      // An escaped letter in a reference, and a cell with no reference after it.
      '<row r="2"><c r="&#65;2"/><c/></row>',
  );
  const out = writeAnswers(original, 'xlsx', [write('A1', 'a'), write('B1', 'b'), write('C1', 'c'), write('D1', 'd'), write('A2', 'e'), write('B2', 'f')], []);
  const xml = xmlOf(out.bytes);
  t.match(xml, '<c s="3" r="A1" t="inlineStr"><is><t>a</t></is></c>');
  t.match(xml, '<c r="B1" s="4" t="inlineStr"><is><t>b</t></is></c>', 'the old type and cell metadata are dropped');
  t.match(xml, '<c r="C1" s="3" t="inlineStr"><is><t>c</t></is></c>');
  t.match(xml, '<c r="D1" s="4" xml:space="preserve" t="inlineStr"><is><t>d</t></is></c>');
  t.match(xml, '<c r="&#65;2" s="5" t="inlineStr"><is><t>e</t></is></c><c s="5" t="inlineStr"><is><t>f</t></is></c>');
  const sheet = sheetOf(out.bytes);
  t.same(['A1', 'B1', 'C1', 'D1'].map((c) => sheet[c]?.v), ['a', 'b', 'c', 'd']);
});

t.test('rows: spans widen or go, a self-closing row opens, missing rows are added in order', async (t) => {
  const original = book('<row r="2" spans="1:3"><c r="A2"/></row><row r="4" spans="1:2 4:5"><c r="A4"/></row><row r="6" spans="1:2"/>');
  const out = writeAnswers(original, 'xlsx', [write('E2', 'x'), write('C4', 'y'), write('B6', 'z'), write('A1', 'w'), write('A5', 'v'), write('A9', 'u')], []);
  const xml = xmlOf(out.bytes);
  t.match(xml, '<row r="2" spans="1:5">');
  t.match(xml, '<row r="4"><c r="A4"/><c r="C4" s="3" t="inlineStr">', 'spans it cannot widen are dropped');
  t.match(xml, '<row r="6" spans="1:2"><c r="B6" s="3" t="inlineStr"><is><t>z</t></is></c></row>');
  t.match(xml, /<sheetData><row r="1"><c r="A1"[^]*<row r="2"[^]*<row r="4"[^]*<row r="5"><c r="A5"[^]*<row r="6"[^]*<row r="9"><c r="A9"[^]*<\/row><\/sheetData>/);
  t.match(xml, '<dimension ref="A1:F9"/>');
});

t.test('a byte-order mark at the start of the sheet stays, and the answers are read back', async (t) => {
  const out = writeAnswers(book(`<row r="1">${inline('A1', '質問')}</row>`, '', true), 'xlsx', [write('B1', '回答', 'qmap: 要確認')], []);
  const bytes = (await import('fflate')).unzipSync(out.bytes)['xl/worksheets/sheet1.xml'];
  t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  t.equal(sheetOf(out.bytes).B1.v, '回答');
  t.match(xmlOf(out.bytes), /<\/sheetData><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/, 'the note drawing follows the rows');
});

t.test('replacements apply in position order; several at one position in the order they were added', async (t) => {
  const text = 'abcdef';
  const edits = new Splices();
  edits.insert(6, '!');
  edits.replace(1, 3, 'XY');
  edits.insert(3, '1');
  edits.insert(3, strToU8('2'));
  edits.replace(3, 4, 'é');
  const out = edits.render({ text, bytes: strToU8(text) });
  t.equal(Buffer.from(out).toString('utf8'), 'aXY12éef!');
});

t.test('large parts are built in buffers kept between writes: a workbook already returned never changes', async (t) => {
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>質問 ${i + 1}</t></is></c></row>`);
  const original = book(rows.join(''));
  const writes = (answer: string): CellWrite[] =>
    rows.map((_, i) => ({ sheet: '質問', cell: `B${i + 1}`, text: `${answer} ${i + 1}`, ...(i % 4 ? {} : { flag: { comment: `要確認 ${answer}` } }) }));
  const first = writeAnswers(original, 'xlsx', writes('暗号化しています。'.repeat(20)), reviewFor(writes('暗号化しています。'.repeat(20))));
  const kept = Buffer.from(first.bytes);
  t.ok(part(first.bytes, 'xl/worksheets/sheet2.xml').length > 1 << 20, 'the review sheet is large enough to borrow a kept buffer');

  const second = writeAnswers(original, 'xlsx', writes('対応していません。'), reviewFor(writes('対応していません。')));
  t.ok(Buffer.from(first.bytes).equals(kept), 'the first workbook is unchanged by the second write');
  t.equal(XLSX.read(second.bytes).Sheets['質問'].B7.v, '対応していません。 7');
  t.equal(XLSX.read(first.bytes).Sheets['質問'].B7.v, `${'暗号化しています。'.repeat(20)} 7`);

  const again = writeAnswers(original, 'xlsx', writes('暗号化しています。'.repeat(20)), reviewFor(writes('暗号化しています。'.repeat(20))));
  t.ok(Buffer.from(again.bytes).equals(kept), 'the same inputs give the same bytes, whatever buffers were reused');
});
