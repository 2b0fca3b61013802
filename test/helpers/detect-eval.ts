// Scores detection against a labelled set (labels.json, format in ../shared/eval/dev/README.md and
// /work/corpora/LABELS.md), as read and as read with every header cell replaced by neutral words ("header-blind"):
// detection must find the table from its content and shape, not only from the words customers put in headers.
// Used by `npm run bench:detect` and by test/workbook/detect-sets.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnLetter } from '../../src/workbook/address.js';
import { isQmapError } from '../../src/errors.js';
import { readLabels, type LabelQuestion, type LabelSheet } from '../../src/labels.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { Book, Grid, Limits, Question, SheetDetection } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

/** The words a blinded header cell gets, by column: 列1, 項目B, Field 3, 列4 … (none of them a header word qmap knows). */
export const neutralWord = (c: number): string => [`列${c + 1}`, `項目${columnLetter(c)}`, `Field ${c + 1}`][c % 3];

/**
 * The header rows of a labelled sheet: the labelled header row; the row over it when the two make one header (a cell
 * merged down through both, or every labelled-row cell under a cell merged across above it: 回答 over はい | いいえ)
 * or the row under it when that one is the lower half; and every later row that repeats the header (one per block).
 */
export function headerRows(grid: Grid, headerRow: number): number[] {
  const h = headerRow - 1;
  const rowText = (r: number) => Array.from({ length: grid.colCount }, (_, c) => grid.cell(r, c).trim());
  const rows = [h];
  if (h > 0 && (twoRows(grid, h - 1) || grid.merges.some((m) => m.s.r === h - 1 && m.e.r >= h))) rows.unshift(h - 1);
  else if (twoRows(grid, h)) rows.push(h + 1);
  const header = rowText(h);
  const key = header.join('\u0000');
  for (let r = h + 1; r < grid.rowCount; r++) if (header.some(Boolean) && rowText(r).join('\u0000') === key) rows.push(r);
  return rows;
}

/** Every cell of row r + 1 sits under a cell of row r merged across columns. */
function twoRows(grid: Grid, r: number): boolean {
  const spans = grid.merges.filter((m) => m.s.r <= r && m.e.r >= r && m.e.c > m.s.c);
  const below = Array.from({ length: grid.colCount }, (_, c) => ({ t: grid.cell(r + 1, c).trim(), c })).filter((x) => x.t);
  return below.length > 0 && spans.length > 0 && below.every((x) => spans.some((m) => x.c >= m.s.c && x.c <= m.e.c) && x.t.length <= 20);
}

/** The book with every header cell of the labelled sheets replaced by neutral words; all else as read. */
export function blindHeaders(book: Book, sheets: LabelSheet[]): Book {
  return {
    ...book,
    sheets: book.sheets.map((grid) => {
      const label = sheets.find((s) => s.name === grid.name);
      if (!label || label.headerRow === null) return grid;
      const blind = new Set(headerRows(grid, label.headerRow));
      return { ...grid, cell: (r: number, c: number) => (blind.has(r) && grid.cell(r, c).trim() ? neutralWord(c) : grid.cell(r, c)) };
    }),
  };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export interface SetScore {
  rows: Counts;
  /** Answer cells and choice cells (or the marks of mark columns) of the labelled questions. */
  answers: Counts;
  choices: Counts;
  textExact: number;
  sheets: number;
  /** Sheets where questions were found, each with its answer cell where the label puts it. */
  sheetsAnswerRight: number;
  /** Sheets whose header row, columns and choices are all as labelled. */
  sheetsExact: number;
  problems: string[];
  ms: number;
}

const expectedAnswer = (label: LabelSheet, q: LabelQuestion) =>
  q.answerCell !== undefined ? q.answerCell : label.answerColumn === null ? null : `${label.answerColumn}${q.row}`;
const expectedChoice = (label: LabelSheet, q: LabelQuestion): string | null => {
  if (label.markColumns) return label.markColumns.map((m) => `${m.value.normalize('NFKC').trim()}=${m.column}${q.row}`).join('|');
  return q.choiceCell !== undefined ? q.choiceCell : label.choiceColumn === null ? null : `${label.choiceColumn}${q.row}`;
};
const gotChoice = (q: Question): string | null =>
  q.marks?.cells.length ? q.marks.cells.map((m) => `${m.value.normalize('NFKC').trim()}=${m.cell}`).join('|') : q.choiceCell;

function tally(c: Counts, want: string | null, got: string | null): boolean {
  if (want !== null && got === want) c.tp++;
  if (got !== null && got !== want) c.fp++;
  if (want !== null && got !== want) c.fn++;
  return got === want;
}

const workbookFile = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/** Whether a folder is a labelled set. */
export const isLabelledSet = (dir: string) => existsSync(join(dir, 'labels.json')) && readdirSync(dir).some((f) => workbookFile.test(f));

export function scoreSet(dir: string, { blind = false } = {}): SetScore {
  const s: SetScore = { rows: counts(), answers: counts(), choices: counts(), textExact: 0, sheets: 0, sheetsAnswerRight: 0, sheetsExact: 0, problems: [], ms: 0 };
  for (const wb of readLabels(dir).workbooks) {
    const t = performance.now();
    let sheets: SheetDetection[] = [];
    try {
      const book = readBook(new Uint8Array(readFileSync(join(dir, wb.file))), wb.file, limits);
      sheets = detect(blind ? blindHeaders(book, wb.sheets) : book).sheets;
    } catch (e) {
      if (!isQmapError(e)) throw e;
      s.problems.push(`${wb.file}: ${e.code}: ${e.message.slice(0, 300)}`);
    }
    s.ms += performance.now() - t;
    for (const label of wb.sheets) scoreSheet(s, wb.file, label, sheets.find((x) => x.name === label.name));
  }
  return s;
}

function scoreSheet(s: SetScore, file: string, label: LabelSheet, got: SheetDetection | undefined): void {
  const at = `${file} ${label.name}`;
  const found = new Map((got?.questions ?? []).map((q) => [q.row, q]));
  const wanted = new Set(label.questions.map((q) => q.row));
  let answersRight = true;
  let foundAny = false;
  for (const q of label.questions) {
    const g = found.get(q.row);
    const wantAnswer = expectedAnswer(label, q);
    const wantChoice = expectedChoice(label, q);
    if (!g) {
      s.rows.fn++;
      tally(s.answers, wantAnswer, null);
      tally(s.choices, wantChoice, null);
      s.problems.push(`${at}!${q.row}: missed ${JSON.stringify(q.text.slice(0, 40))}`);
      continue;
    }
    s.rows.tp++;
    foundAny = true;
    if (g.text === q.text) s.textExact++;
    else s.problems.push(`${at}!${q.row}: text ${JSON.stringify(g.text.slice(0, 40))} ≠ ${JSON.stringify(q.text.slice(0, 40))}`);
    if (!tally(s.answers, wantAnswer, g.answerCell)) {
      answersRight = false;
      s.problems.push(`${at}!${q.row}: answer cell ${g.answerCell}, want ${wantAnswer}`);
    }
    if (!tally(s.choices, wantChoice, gotChoice(g))) s.problems.push(`${at}!${q.row}: choice ${gotChoice(g)}, want ${wantChoice}`);
  }
  for (const q of got?.questions ?? []) {
    if (wanted.has(q.row)) continue;
    s.rows.fp++;
    if (q.answerCell) s.answers.fp++;
    if (gotChoice(q)) s.choices.fp++;
    s.problems.push(`${at}!${q.row}: not a question ${JSON.stringify(q.text.slice(0, 40))}`);
  }
  if (!label.questions.length) return;
  s.sheets++;
  if (foundAny && answersRight) s.sheetsAnswerRight++;
  const same =
    (got?.headerRow ?? null) === label.headerRow &&
    (got?.questionColumn ?? null) === label.questionColumn &&
    (got?.answerColumn ?? null) === label.answerColumn &&
    (got?.choiceColumn ?? null) === label.choiceColumn &&
    JSON.stringify(got?.choices ?? null) === JSON.stringify(label.choices);
  if (same) s.sheetsExact++;
  else s.problems.push(`${at}: got ${got ? describe(got) : 'nothing'}; want ${describeLabel(label)}`);
}

export function describe(s: SheetDetection): string {
  const marks = s.marks?.length ? ` marks ${s.marks.map((m) => `${m.value}=${m.column}`).join(',')}` : '';
  return `header ${s.headerRow ?? '-'}  Q ${s.questionColumn ?? '-'}  A ${s.answerColumn ?? '-'}  choice ${s.choiceColumn ?? '-'}${s.choices ? ` [${s.choices.join('/')}]` : ''}${marks}  ${s.questions.length} questions`;
}

const describeLabel = (l: LabelSheet) =>
  `header ${l.headerRow ?? '-'}  Q ${l.questionColumn ?? '-'}  A ${l.answerColumn ?? '-'}  choice ${l.choiceColumn ?? '-'}${l.choices ? ` [${l.choices.join('/')}]` : ''}${l.markColumns ? ` marks ${l.markColumns.map((m) => `${m.value}=${m.column}`).join(',')}` : ''}`;

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
