// Given any workbook in the repository, the user can upload the prefilled download again: qmap reads every
// workbook it writes and finds the same questions in it (its own 「qmap確認」 sheet aside), with the answers
// it wrote where it wrote them.
import t, { type Test } from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { questionnaire } from '../../bench/questionnaire.js';
import { fixturesDir } from '../../src/paths.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { Book, CellWrite, Limits, Question } from '../../src/workbook/types.js';
import { QmapError } from '../../src/errors.js';
import { isReviewSheet } from '../../src/workbook/vocabulary.js';
import { writeAnswers } from '../../src/workbook/write.js';
import { reviewFor } from './write-helpers.js';

t.setTimeout(300_000);
// What qmap writes is the vendor's answers, as they are worded: the items' own answers, in turn.
const answers = (JSON.parse(readFileSync(join(fixturesDir, 'meti-items.json'), 'utf8')) as { items: { answer: string }[] }).items.map((i) => i.answer).filter((a) => a.trim());
const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

/** Every workbook the repository holds, but those made to be refused. */
function workbooks(dir = fixturesDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return workbooks(path);
    return /\.(xlsx|xlsm|xls|ods|csv)$/.test(name) && !name.startsWith('bad-') ? [path] : [];
  });
}

const key = (q: Question) => `${q.sheet}!${q.row} ${q.text}`;

/** The questions detection finds (none when it finds no table: a workbook of charts, say), outside qmap's own sheet. */
function questionsOf(book: Book): Question[] {
  try {
    return detect(book).sheets.filter((s) => !isReviewSheet(s.name)).flatMap((s) => s.questions);
  } catch (e) {
    if (e instanceof QmapError && e.code === 'no_questions') return [];
    throw e;
  }
}

function roundTrip(t: Test, name: string, bytes: Uint8Array): void {
  const book = readBook(bytes, name, limits);
  const questions = questionsOf(book);
  const writes: CellWrite[] = [];
  for (const [i, q] of questions.entries()) {
    if (q.answerCell && !q.existingAnswer.trim()) writes.push({ sheet: q.sheet, cell: q.answerCell, text: answers[i % answers.length] });
    if (q.choiceCell && q.choices?.length && !q.existingChoice.trim()) writes.push({ sheet: q.sheet, cell: q.choiceCell, text: q.choices[0] });
  }
  const out = writeAnswers(bytes, book.kind, writes, reviewFor(writes), { limits });
  const again = questionsOf(readBook(out.bytes, `again.${out.extension}`, limits));
  t.same(again.map(key), questions.map(key), `${name}: ${questions.length} questions found again`);
  const grid = new Map(readBook(out.bytes, `again.${out.extension}`, limits).sheets.map((g) => [g.name, g]));
  const missing = writes.filter((w) => {
    const at = /^([A-Z]+)(\d+)$/.exec(w.cell)!;
    const col = [...at[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return grid.get(w.sheet)?.cell(Number(at[2]) - 1, col) !== w.text && !out.skipped.some((s) => s.sheet === w.sheet && s.cell === w.cell);
  });
  t.same(missing.map((w) => `${w.sheet}!${w.cell}`), [], `${name}: the answers read back where they were written`);
}

t.test('every fixture workbook, answered and uploaded again, shows the same questions', async (t) => {
  const files = workbooks();
  t.ok(files.length >= 80, `${files.length} workbooks`);
  for (const path of files) roundTrip(t, relative(fixturesDir, path), new Uint8Array(readFileSync(path)));
});

t.test('so does the generated questionnaire the benchmarks use', async (t) => {
  roundTrip(t, 'questionnaire-200.xlsx', await questionnaire(200));
});
