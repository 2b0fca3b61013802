// The review copy comes back: a vendor downloads it, edits it in Excel and uploads it again as a new
// questionnaire. qmap recognises its own copy: its review sheet is no questionnaire, the guesses nobody
// confirmed are proposed again rather than taken for the customer's answers, and what the vendor typed is kept.
import t from 'tap';
import * as XLSX from 'xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fixturesDir } from '../../src/paths.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { prefill } from '../../src/pipeline/prefill.js';
import type { Limits } from '../../src/workbook/types.js';
import { items, knowledge } from '../helpers/knowledge.js';
import { xlsx } from '../helpers/workbooks.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const read = (bytes: Uint8Array, filename: string) => analyse({ bytes, filename, limits, overrides: {}, knowledge: knowledge() });
const download = (bytes: Uint8Array, copy: 'review' | 'final') => {
  const analysis = read(bytes, 'upload.xlsx');
  return prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items, language: analysis.language, copy }).bytes;
};

/**
 * The vendor types `text` into a cell of the sheet part and saves, as Excel would: the review sheet's filter
 * gets its hidden name (_xlnm._FilterDatabase) and docProps/app.xml lists every sheet's title.
 */
function edited(bytes: Uint8Array, part: string, ref: string, text: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]);
  const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`no ${ref} in ${part}`);
  files[part] = strToU8(xml.replace(cell, (_, attrs: string) => `<c r="${ref}"${attrs.replace(/\s*t="[^"]*"/, '')} t="inlineStr"><is><t>${text}</t></is></c>`));
  const filter = '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">qmap確認!$A$1:$J$30</definedName><definedName name="Answers">委託先評価シート!$E$5:$E$42</definedName></definedNames>';
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace('</sheets>', `</sheets>${filter}`).replace('<sheets>', '<bookViews><workbookView activeTab="1"/></bookViews><sheets>'));
  files['docProps/app.xml'] = strToU8(
    strFromU8(files['docProps/app.xml'])
      .replace('<vt:i4>1</vt:i4>', '<vt:i4>2</vt:i4>')
      .replace('<vt:vector size="1" baseType="lpstr"><vt:lpstr>委託先評価シート</vt:lpstr>', '<vt:vector size="2" baseType="lpstr"><vt:lpstr>委託先評価シート</vt:lpstr><vt:lpstr>qmap確認</vt:lpstr>'),
  );
  return zipSync(files);
}

const bankPath = 'eval-holdout/01-shinkin-aoba-itakusaki-hyoka.xlsx';
const bank = new Uint8Array(readFileSync(join(fixturesDir, bankPath)));
const first = read(bank, bankPath);
const guessed = first.rows.filter((r) => r.status === 'review' && r.answer && r.answerCell && !r.existingAnswer.trim());
const [left, changed] = guessed;
const typed = '当社独自の回答: 年1回の第三者監査を受けています。';
const reviewCopy = download(bank, 'review');
const again = edited(reviewCopy, 'xl/worksheets/sheet1.xml', changed.answerCell!, typed);

t.test('given the review copy of the bank\'s questionnaire edited in one cell and uploaded again, the job says it is qmap\'s review copy', async (t) => {
  t.ok(guessed.length >= 2, 'the bank has rows to review with a proposed answer');
  const analysis = read(again, 'again.xlsx');
  t.same(analysis.sheets.find((s) => s.name === 'qmap確認')?.questions, 0, 'its review sheet holds no questions');
  const note = analysis.notes.find((n) => n.code === 'note.reviewCopy');
  const pending = first.rows.filter((r) => r.status === 'review');
  const cells = pending.filter((r) => r.answer && !r.existingAnswer.trim()).length + pending.filter((r) => r.choice && !r.existingChoice.trim()).length;
  t.same(note?.params, { sheet: 'qmap確認', count: cells - 1 }, "the note names the review sheet and counts the cells of qmap's guesses read as empty (all but the one edited)");
});

t.test("given that copy, qmap's unconfirmed guesses are proposed again and the cell the vendor changed is the vendor's answer", async (t) => {
  const analysis = read(again, 'again.xlsx');
  const at = (cell: string) => analysis.rows.find((r) => r.answerCell === cell)!;
  t.equal(at(left.answerCell!).existingAnswer, '', `${left.answerCell}, still holding qmap's guess, reads as empty`);
  t.equal(at(left.answerCell!).answer, left.answer, 'and gets the same proposal again');
  t.equal(at(changed.answerCell!).existingAnswer, typed, `${changed.answerCell}, which the vendor changed, keeps the vendor's text`);
  const auto = first.rows.find((r) => r.status === 'auto' && r.answer && r.answerCell)!;
  t.equal(at(auto.answerCell!).existingAnswer, auto.answer, 'an answer qmap had decided (auto) stays as written');
  const choice = first.rows.find((r) => r.status === 'review' && r.choice && r.choiceCell)!;
  t.equal(analysis.rows.find((r) => r.choiceCell === choice.choiceCell)!.existingChoice, '', `the choice qmap guessed in ${choice.choiceCell} reads as empty too`);
});

const sheetNames = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array' }).SheetNames;
const parts = (bytes: Uint8Array) => unzipSync(bytes);

t.test("given that copy, the final copy holds no review sheet of qmap's, nor its unconfirmed guesses, and keeps what the vendor typed", async (t) => {
  const final = download(again, 'final');
  t.same(sheetNames(final), ['委託先評価シート'], 'no qmap確認');
  const files = parts(final);
  const text = (name: string) => strFromU8(files[name]);
  t.notOk(files['xl/worksheets/sheet2.xml'], 'the old review sheet part is gone');
  t.notMatch(text('xl/_rels/workbook.xml.rels'), /sheet2\.xml/, 'and its relationship');
  t.notMatch(text('[Content_Types].xml'), /sheet2\.xml/, 'and its content type');
  t.notMatch(text('xl/workbook.xml'), /qmap確認/, 'no sheet entry or name points at it');
  t.match(text('xl/workbook.xml'), '<definedName name="Answers">委託先評価シート!$E$5:$E$42</definedName>', "the customer's own names stay");
  t.match(text('xl/workbook.xml'), '<workbookView activeTab="0"/>', 'the tab shown first is a sheet that is there');
  t.match(text('docProps/app.xml'), '<vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>委託先評価シート</vt:lpstr></vt:vector>', 'app.xml lists one sheet');
  const sheet = XLSX.read(final, { type: 'array' }).Sheets['委託先評価シート'];
  t.notOk(sheet[left.answerCell!]?.v, `${left.answerCell}, qmap's guess nobody confirmed, is blank`);
  t.equal(sheet[changed.answerCell!]?.v, typed, `${changed.answerCell} holds what the vendor typed`);
});

t.test("given that copy, the final copy carries none of qmap's old notes or highlights: its parts are the customer's", async (t) => {
  const final = download(again, 'final');
  t.same(Object.keys(parts(final)).sort(), Object.keys(parts(bank)).sort(), 'no comments, note drawing, sheet relationships or review sheet left over');
  t.notMatch(strFromU8(parts(final)['xl/worksheets/sheet1.xml']), /legacyDrawing/, 'the sheet points at no note drawing');
  t.notMatch(strFromU8(parts(final)['[Content_Types].xml']), /comments|sheet2/, 'nor does [Content_Types].xml list one');
  const styles = (bytes: Uint8Array) => strFromU8(parts(bytes)['xl/styles.xml']);
  const fillOf = (bytes: Uint8Array, ref: string) => {
    const s = Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(strFromU8(parts(bytes)['xl/worksheets/sheet1.xml']))?.[1] ?? 0);
    const xf = [...styles(bytes).split('<cellXfs')[1].matchAll(/<xf\b[^>]*>/g)][s][0];
    const fill = Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0);
    return [...styles(bytes).split('<fills')[1].split('</fills>')[0].matchAll(/<fill>[\s\S]*?<\/fill>|<fill\/>/g)][fill][0];
  };
  const pending = first.rows.filter((r) => r.status === 'review' || r.status === 'unmatched');
  const flagged = pending.map((r) => r.answerCell!);
  t.ok(flagged.some((ref) => fillOf(reviewCopy, ref).includes('FFFFEB9C')), 'the review copy highlighted the rows to review');
  t.same(flagged.filter((ref) => fillOf(final, ref) !== fillOf(bank, ref)), [], "each of those cells has the customer's own fill again");
});

t.test('given that copy, the review copy has one review sheet, the new one', async (t) => {
  const review = download(again, 'review');
  t.same(sheetNames(review), ['委託先評価シート', 'qmap確認']);
  const lines = XLSX.utils.sheet_to_json<string[]>(XLSX.read(review, { type: 'array' }).Sheets['qmap確認'], { header: 1, defval: '' });
  const line = lines.find((l) => l[1] === changed.answerCell)!;
  t.match(line[8], /^（記入済みのため変更なし）当社独自の回答/, "the vendor's answer is listed as kept");
  t.equal(lines.find((l) => l[1] === left.answerCell)![8], left.answer, "qmap's guess is proposed again");
  const notes = Object.entries(XLSX.read(review, { type: 'array' }).Sheets['委託先評価シート']).flatMap(([ref, c]) => ((c as XLSX.CellObject).c ?? []).map(() => ref));
  t.same(notes.filter((ref) => ref === left.answerCell), [left.answerCell], 'with one note, the new one');
  t.equal(new Set(notes).size, notes.length, 'no cell has two notes');
});

t.test('a workbook with a sheet merely named like qmap\'s is no review copy', async (t) => {
  const final = download(bank, 'final');
  const analysis = read(final, 'final.xlsx');
  t.notOk(analysis.notes.some((n) => n.code === 'note.reviewCopy'), 'the final copy carries no review sheet, so nothing is read as a guess');
});

t.test("given the review copy of a check sheet uploaded again, a mark qmap guessed for a row nobody confirmed is a box again", async (t) => {
  const statements = ['保存データを暗号化していること。', '通信を暗号化していること（TLS1.2以上）。'];
  const sheet = await xlsx([{ name: '自己点検', header: ['No', '取組内容', '対応している', '対応していない', '備考'], rows: statements.map((s, i) => [i + 1, s, '□', '□', null]) }]);
  const bytes = new Uint8Array(sheet);
  const analysis = read(bytes, 'check.xlsx');
  // Both rows left for a reviewer, qmap proposing 対応している: the review copy marks C2 and C3.
  const rows = analysis.rows.map((r) => ({ ...r, status: 'review' as const, itemNos: [13], answer: '暗号化しています。', choice: '対応している' }));
  const review = prefill({ upload: bytes, kind: analysis.kind, rows, items, language: 'ja', copy: 'review' }).bytes;
  const cells = (b: Uint8Array) => { const ws = XLSX.read(b, { type: 'array' }).Sheets['自己点検']; return ['C2', 'D2', 'C3', 'D3'].map((ref) => ws[ref]?.v); };
  t.same(cells(review), ['■', '□', '■', '□'], "the review copy carries qmap's marks");
  t.match(XLSX.utils.sheet_to_json<string[]>(XLSX.read(review, { type: 'array' }).Sheets['qmap確認'], { header: 1 })[1][9], 'C2: □ → ■', 'its review sheet says which box qmap marked');
  // The vendor moves row 3's mark to 対応していない.
  const again = edited(edited(review, 'xl/worksheets/sheet1.xml', 'C3', '□'), 'xl/worksheets/sheet1.xml', 'D3', '■');
  const second = read(again, 'again.xlsx');
  t.same(second.rows[0].marks?.cells.map((c) => c.existing), ['□', '□'], "row 2 reads as the customer sent it: qmap's mark is a box again");
  t.same(second.rows[1].marks?.cells.map((c) => c.existing), ['□', '■'], "row 3 holds the vendor's mark");
  const pending = second.rows.map((r) => ({ ...r, status: 'review' as const }));
  const final = prefill({ upload: again, kind: second.kind, rows: pending, items, language: 'ja', copy: 'final' }).bytes;
  t.same(cells(final), ['□', '□', '□', '■'], "in the final copy the box qmap marked is printed empty again, and the vendor's mark stays");
});
