// What the customer gets back for a job's rows: the answers and choices in their cells, in the copy asked for,
// with qmap's words in the questionnaire's language and rows tall enough to read the answers.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { fixturesDir } from '../../src/paths.js';
import type { Question, RowStatus } from '../../src/domain.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { cellWrites, prefill } from '../../src/pipeline/prefill.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { Limits } from '../../src/workbook/types.js';
import { row as stored } from '../helpers/rows.js';
import { items, knowledge } from '../helpers/knowledge.js';
import { packageDiffs, parseXml, type El } from '../workbook/fidelity.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const questions = (name: string) => {
  const book = readBook(new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', name))), name, limits);
  return detect(book).sheets.flatMap((s) => s.questions);
};
const answer = '多要素認証（TOTP・WebAuthn）に対応しています。管理画面の設定で全利用者に必須化できます。';

function row(q: Question, status: RowStatus, choice: string | null) {
  const proposal = { status: status === 'confirmed' ? ('auto' as const) : status, itemNos: [12], score: 0.9, candidates: [], reasons: [], source: 'lexicon' as const, libraryId: null };
  return stored(q.text, { ...q, status, itemNos: [12], proposal, answer, choice });
}
const review = (rows: ReturnType<typeof row>[]) => cellWrites(rows, 'review', () => 'title', 'ja');

t.test('a drop-down-only questionnaire gets the choice and never the free-text answer', async (t) => {
  const [first, second] = questions('layout-choice-only.xlsx');
  t.equal(first.answerCell, null);
  const writes = review([row(first, 'auto', 'はい'), row(second, 'auto', 'いいえ')]);
  t.same(
    writes.map((w) => [w.cell, w.text]),
    [['C2', 'はい'], ['C3', 'いいえ']],
  );
  t.notOk(writes.some((w) => w.text === answer), 'the long answer is written nowhere');
});

t.test('with a free-text column beside the drop-down, both are written, each in its own cell', async (t) => {
  const [first] = questions('layout-choice-category.xlsx');
  const writes = review([row(first, 'auto', '適合')]);
  t.same(
    writes.map((w) => [w.cell, w.text]),
    [['E5', answer], ['D5', '適合']],
  );
});

t.test('on a drop-down-only sheet, rows to review are flagged on the drop-down cell', async (t) => {
  const [first, second] = questions('layout-choice-only.xlsx');
  const writes = review([row(first, 'review', 'はい'), row(second, 'unmatched', null)]);
  t.same(
    writes.map((w) => [w.cell, w.text, !!w.flag]),
    [['C2', 'はい', true], ['C3', '', true]],
    'the proposed choice is written and flagged; the unmatched row is flagged and left blank',
  );
});

t.test('the final copy writes only decided answers (auto and confirmed), and flags nothing', async (t) => {
  const [first, second] = questions('layout-choice-category.xlsx');
  const writes = cellWrites([row(first, 'auto', '適合'), row(second, 'review', '不適合')], 'final', () => 'title', 'ja');
  t.same(
    writes.map((w) => [w.cell, w.text, !!w.flag]),
    [['E5', answer, false], ['D5', '適合', false]],
    'the row still to review is left blank for the customer',
  );
});

t.test('はい | いいえ as two columns: the mark goes in the cell of the chosen value, a pre-printed □ becomes the sheet\'s ■', async (t) => {
  const marks = (existing: string, symbol: string) => ({ symbol, cells: [{ value: 'はい', cell: 'C4', existing }, { value: 'いいえ', cell: 'D4', existing }] });
  const base = { sheet: 'S', row: 4, answerCell: 'E4', choices: ['はい', 'いいえ'], status: 'auto' as const, itemNos: [12], answer };
  const empty = cellWrites([stored('q', { ...base, marks: marks('', '○'), choice: 'いいえ' })], 'final', () => 'title', 'ja');
  t.same(empty.map((w) => [w.cell, w.text, !!w.overwrite]), [['E4', answer, false], ['D4', '○', false]], 'an empty cell gets the mark');
  const boxes = cellWrites([stored('q', { ...base, marks: marks('□', '■'), choice: 'はい' })], 'final', () => 'title', 'ja');
  t.same(boxes.map((w) => [w.cell, w.text, !!w.overwrite]), [['E4', answer, false], ['C4', '■', true]], 'the box is filled in');
  const answered = cellWrites([stored('q', { ...base, marks: { symbol: '○', cells: [{ value: 'はい', cell: 'C4', existing: '○' }, { value: 'いいえ', cell: 'D4', existing: '' }] }, choice: 'いいえ' })], 'final', () => 'title', 'ja');
  t.same(answered.map((w) => w.cell), ['E4'], 'a row the customer already marked is left as it is');
});

// The customer's own questionnaires, through the pipeline as an upload and a download go.
const upload = (path: string) => {
  const bytes = new Uint8Array(readFileSync(join(fixturesDir, path)));
  const analysis = analyse({ bytes, filename: path, limits, overrides: {}, knowledge: knowledge() });
  const download = (copy: 'review' | 'final', more: { keepRowHeights?: boolean } = {}) =>
    prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items, language: analysis.language, copy, ...more }).bytes;
  return { bytes, analysis, download };
};
const bank = upload('eval-holdout/01-shinkin-aoba-itakusaki-hyoka.xlsx');
const tally = upload('eval-match-en/07-short-form-tallyhq.xlsx');
const sheetRows = (bytes: Uint8Array, sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets[sheet], { header: 1, defval: '' });
const notesOf = (bytes: Uint8Array, sheet: string) =>
  Object.entries(XLSX.read(bytes, { type: 'array' }).Sheets[sheet]).flatMap(([ref, c]) => ((c as XLSX.CellObject).c ?? []).map((n) => [ref, n.t] as const));
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

t.test("an English questionnaire gets qmap's review sheet, notes and status words in English", async (t) => {
  t.equal(tally.analysis.language, 'en');
  const out = tally.download('review');
  t.same(XLSX.read(out, { type: 'array' }).SheetNames, ['Vendor review', 'qmap review']);
  const [header, ...lines] = sheetRows(out, 'qmap review');
  t.same(header, ['Sheet', 'Cell', 'Question', 'Item No.', 'Item', 'Score', 'Status', 'Other candidates', 'Answer written', 'Choice written']);
  t.same([...new Set(lines.map((l) => l[6]))].sort(), ['answered', 'no matching item', 'to review']);
  const unmatched = tally.analysis.rows.find((r) => r.status === 'unmatched')!;
  t.match(notesOf(out, 'Vendor review').find(([ref]) => ref === unmatched.answerCell)?.[1], /^qmap: no matching item — please write the answer\.\nOther candidates: No\.\d+ [A-Z]/);
  const written = [...lines.flatMap((l) => [l[4], l[6], l[7], l[8]]), ...notesOf(out, 'Vendor review').map(([, text]) => text)];
  t.same(written.filter((w) => JAPANESE.test(String(w))), [], 'nothing qmap wrote is in Japanese: items, statuses, candidates, answers, notes');
});

t.test('a Japanese questionnaire keeps 「qmap確認」 in Japanese', async (t) => {
  const out = bank.download('review');
  t.same(XLSX.read(out, { type: 'array' }).SheetNames, ['委託先評価シート', 'qmap確認']);
  t.same(sheetRows(out, 'qmap確認')[0], ['シート', 'セル', '質問', '項目No.', '項目名', 'スコア', '状態', '候補', '記入した回答', '記入した選択']);
});

t.test("qmap's own \"no item answers this\" is 対象項目なし, never 該当なし, which is the customer's answer (not applicable)", async (t) => {
  t.ok(bank.analysis.sheets[0].choices?.includes('該当なし'), 'this sheet offers 該当なし as an answer');
  const out = bank.download('review');
  const unmatched = bank.analysis.rows.filter((r) => r.status === 'unmatched');
  const statuses = sheetRows(out, 'qmap確認').slice(1).map((l) => l[6]);
  t.equal(statuses.filter((s) => s === '対象項目なし').length, unmatched.length, 'the review sheet says 対象項目なし for every row no item answers');
  const notes = new Map(notesOf(out, '委託先評価シート'));
  for (const r of unmatched) t.match(notes.get(r.answerCell!), /^qmap: 対象項目なし — 回答をご記入ください。/, `the note on ${r.answerCell}`);
  t.notOk(statuses.includes('該当なし') || [...notes.values()].some((n) => n.includes('該当なし')), 'qmap never writes 該当なし as its own word');
});

t.test('a download uploaded again is read without qmap\'s review sheet, in either language', async (t) => {
  for (const { analysis, download } of [bank, tally]) {
    const again = analyse({ bytes: download('review'), filename: 'again.xlsx', limits, overrides: {}, knowledge: knowledge() });
    const review = again.sheets.at(-1)!;
    t.equal(review.questions, 0, `${review.name} holds no questions`);
    t.same(again.rows.map((r) => r.text), analysis.rows.map((r) => r.text), "the customer's questions, once each");
  }
});

t.test("given the bank's sheet with rows fixed at 20–34 pt, rows with long answers grow to show them; QMAP_KEEP_ROW_HEIGHTS keeps them", async (t) => {
  const rowTag = (bytes: Uint8Array, r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']))![0];
  const height = (bytes: Uint8Array, r: number) => Number(/ ht="([\d.]+)"/.exec(rowTag(bytes, r))![1]);
  const long = bank.analysis.rows.find((r) => r.row === 22)!;
  t.ok(long.answer!.length > 100 && long.status === 'auto', 'row 22 gets a long answer (the alternative when service cannot resume)');
  const out = bank.download('final');
  t.equal(height(bank.bytes, 22), 34);
  t.ok(height(out, 22) >= 4 * 16.5, `row 22 grows from 34 pt to ${height(out, 22)} pt (44 digits wide: four lines or more)`);
  t.match(rowTag(out, 22), /customHeight="1"/);
  const short = bank.analysis.rows.find((r) => r.row === 10)!;
  t.ok(short.answer!.length < 20, 'row 10 gets a short answer');
  t.equal(height(out, 10), height(bank.bytes, 10), 'and keeps its height');
  t.equal(height(bank.download('final', { keepRowHeights: true }), 22), 34, 'QMAP_KEEP_ROW_HEIGHTS=1: the customer’s 34 pt stay');
});

t.test("the final copy holds nothing of qmap's: the customer's parts as they came, the decided answers written in", async (t) => {
  const out = bank.download('final');
  const [before, after] = [unzipSync(bank.bytes), unzipSync(out)];
  t.same(Object.keys(after).sort(), Object.keys(before).sort(), 'no part added: no review sheet, no comments, no note drawings');
  t.same(XLSX.read(out, { type: 'array' }).SheetNames, ['委託先評価シート']);
  const changed = Object.keys(before).filter((name) => !Buffer.from(before[name]).equals(Buffer.from(after[name])));
  t.same(changed.sort(), ['xl/styles.xml', 'xl/worksheets/sheet1.xml'], 'every other part byte for byte');

  const decided = bank.analysis.rows.filter((r) => r.status === 'auto');
  const written = new Set(decided.flatMap((r) => [r.answerCell!, ...(r.choice ? [r.choiceCell!] : [])]));
  t.same(packageDiffs(bank.bytes, out, { written: new Map([['xl/worksheets/sheet1.xml', written]]) }), [], 'the sheet differs only in the answered cells and the heights of their rows');

  const styles = (bytes: Uint8Array) => parseXml(strFromU8(unzipSync(bytes)['xl/styles.xml']));
  const block = (el: El, name: string) => el.children.find((c) => c.name === name)!.children;
  t.equal(block(styles(out), 'fills').length, block(styles(bank.bytes), 'fills').length, 'no fill added: nothing highlighted');
  const xfOf = (bytes: Uint8Array, ref: string) => {
    const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']))?.[1] ?? '0';
    return block(styles(bytes), 'cellXfs')[Number(s)].attrs;
  };
  for (const ref of written) {
    const [was, is] = [xfOf(bank.bytes, ref), xfOf(out, ref)];
    t.same([is.fillId, is.fontId, is.borderId, is.numFmtId], [was.fillId, was.fontId, was.borderId, was.numFmtId], `${ref} keeps the customer's look (only wrapped)`);
  }
  const sheet = XLSX.read(out, { type: 'array' }).Sheets['委託先評価シート'];
  const pending = bank.analysis.rows.filter((r) => r.status !== 'auto');
  t.ok(pending.some((r) => r.status === 'review' && r.answer), 'the bank has rows still to review, with a proposed answer');
  t.same(pending.flatMap((r) => [r.answerCell!, r.choiceCell!]).filter((ref) => sheet[ref]?.v), [], 'rows not decided are left blank for the customer');
  t.same(decided.filter((r) => sheet[r.answerCell!]?.v !== r.answer), [], 'every decided row carries its answer');
});
