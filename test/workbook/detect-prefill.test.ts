// Given a questionnaire whose only answer column is a drop-down, the prefilled workbook gets the
// choice in that drop-down and never the long free-text answer.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { cellWrites } from '../../src/pipeline/prefill.js';
import type { NewRow, RowStatus } from '../../src/store/jobs.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { Question as DetectedQuestion, Limits } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const questions = (name: string) => {
  const book = readBook(new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', name))), name, limits);
  return detect(book).sheets.flatMap((s) => s.questions.map((q) => ({ q, choices: s.choices })));
};
const answer = '多要素認証（TOTP・WebAuthn）に対応しています。管理画面の設定で全利用者に必須化できます。';

function row(q: DetectedQuestion, choices: string[] | null, status: RowStatus, choice: string | null): NewRow {
  return {
    ...q,
    question: q.text,
    choices,
    status,
    itemNos: [12],
    score: 0.9,
    proposal: { status: status === 'confirmed' ? 'auto' : status, itemNos: [12], score: 0.9, best: null, alternatives: [], reasons: [], source: 'items' },
    answer,
    choice,
  };
}

t.test('a drop-down-only questionnaire gets the choice and never the free-text answer', async (t) => {
  const [first, second] = questions('layout-choice-only.xlsx');
  t.equal(first.q.answerCell, null);
  const writes = cellWrites([row(first.q, first.choices, 'auto', 'はい'), row(second.q, second.choices, 'auto', 'いいえ')], () => 'title');
  t.same(
    writes.map((w) => [w.cell, w.text]),
    [['C2', 'はい'], ['C3', 'いいえ']],
  );
  t.notOk(writes.some((w) => w.text === answer), 'the long answer is written nowhere');
});

t.test('with a free-text column beside the drop-down, both are written, each in its own cell', async (t) => {
  const [first] = questions('layout-choice-category.xlsx');
  const writes = cellWrites([row(first.q, first.choices, 'auto', '適合')], () => 'title');
  t.same(
    writes.map((w) => [w.cell, w.text]),
    [['E5', answer], ['D5', '適合']],
  );
});

t.test('on a drop-down-only sheet, rows to review are flagged on the drop-down cell', async (t) => {
  const [first, second] = questions('layout-choice-only.xlsx');
  const writes = cellWrites([row(first.q, first.choices, 'review', 'はい'), row(second.q, second.choices, 'unmatched', null)], () => 'title');
  t.same(
    writes.map((w) => [w.cell, w.text, !!w.flag]),
    [['C2', 'はい', true], ['C3', '', true]],
    'the proposed choice is written and flagged; the unmatched row is flagged and left blank',
  );
});
