// Given a questionnaire whose only answer column is a drop-down, the prefilled workbook gets the
// choice in that drop-down and never the long free-text answer.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import type { Question, RowStatus } from '../../src/domain.js';
import { cellWrites } from '../../src/pipeline/prefill.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { Limits } from '../../src/workbook/types.js';
import { row as stored } from '../helpers/rows.js';

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
