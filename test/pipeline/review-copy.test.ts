// The review copy comes back: a vendor downloads it, edits it in Excel and uploads it again as a new
// questionnaire. qmap recognises its own copy: its review sheet is no questionnaire, the guesses nobody
// confirmed are proposed again rather than taken for the customer's answers, and what the vendor typed is kept.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fixturesDir } from '../../src/paths.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { prefill } from '../../src/pipeline/prefill.js';
import type { Limits } from '../../src/workbook/types.js';
import { items, knowledge } from '../helpers/knowledge.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const read = (bytes: Uint8Array, filename: string) => analyse({ bytes, filename, limits, overrides: {}, knowledge: knowledge() });
const download = (bytes: Uint8Array, copy: 'review' | 'final') => {
  const analysis = read(bytes, 'upload.xlsx');
  return prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items, language: analysis.language, copy }).bytes;
};

/** The vendor types `text` into a cell of the sheet part, as Excel would keep it (an inline string). */
function edited(bytes: Uint8Array, part: string, ref: string, text: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]);
  const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`no ${ref} in ${part}`);
  files[part] = strToU8(xml.replace(cell, (_, attrs: string) => `<c r="${ref}"${attrs.replace(/\s*t="[^"]*"/, '')} t="inlineStr"><is><t>${text}</t></is></c>`));
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

t.test('a workbook with a sheet merely named like qmap\'s is no review copy', async (t) => {
  const final = download(bank, 'final');
  const analysis = read(final, 'final.xlsx');
  t.notOk(analysis.notes.some((n) => n.code === 'note.reviewCopy'), 'the final copy carries no review sheet, so nothing is read as a guess');
});
