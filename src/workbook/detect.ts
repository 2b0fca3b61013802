// Finds the questions in a Book: per sheet, the header row and the question / answer / choice
// columns (layout.ts), then the question rows (rows.ts), with a reason in words for each sheet.
import { columnIndex, columnLetter } from './address.js';
import { QmapError } from '../errors.js';
import { headerCandidates, headerCells } from './header.js';
import { layoutFromHeader, layoutWithoutHeader, type ColumnOverrides, type Layout } from './layout.js';
import { mergeIndex, type MergeIndex } from './merges.js';
import { questionRows, type RowsResult } from './rows.js';
import { itemWeights, questionColumnByShape, tableStart } from './shape.js';
import type { Book, Detection, DetectOverrides, Grid, SheetDetection } from './types.js';
import { guessIndex, reviewCopyOf, withoutGuesses } from './review-copy.js';
import { auxiliarySheet, isReviewSheet } from './vocabulary.js';
import { asksOutright, choiceValue, choiceWord, markValue } from './cells.js';

const overrideHelp =
  'To tell qmap where the questions are, upload again saying where the table is: on the page, under 「読み取り位置を指定」 (Where the questions are) below the upload box; with the API, in the form fields sheet (sheet name), headerRow (1-based row number), questionColumn and answerColumn (letters such as C and E), and choiceColumn for a yes/no drop-down column.';

/**
 * The questions of every sheet: where `overrides` (the user's words for this upload) or `layouts` (layouts
 * remembered for this template, by sheet) say, elsewhere where detection finds them.
 */
export function detect(book: Book, overrides: DetectOverrides = {}, layouts: ReadonlyMap<string, DetectOverrides> = new Map()): Detection {
  const columns = columnOverrides(overrides);
  if (overrides.sheet !== undefined && !book.sheets.some((g) => g.name === overrides.sheet)) {
    throw new QmapError('invalid', `There is no sheet named "${overrides.sheet}". The sheets are: ${book.sheets.map((g) => `"${g.name}"`).join(', ')}.`, {
      sheets: book.sheets.map((g) => g.name),
    });
  }
  const given = Object.values(columns).some((v) => v !== undefined);
  const sheets = book.sheets.map((grid) => {
    const remembered = layouts.get(grid.name);
    if (remembered) return detectSheet(grid, columnOverrides(remembered), true);
    if (overrides.sheet !== undefined) {
      return grid.name === overrides.sheet ? detectSheet(grid, columns, true) : empty(grid, `not read: the upload asked for sheet "${overrides.sheet}" only`);
    }
    // Without a sheet name, overrides apply to the sheets that hold questions, or could: not to
    // covers, instructions and hidden sheets.
    const auto = detectSheet(grid, {}, false);
    if (!given || (!auto.questions.length && (grid.hidden || auxiliarySheet.test(grid.name)))) return auto;
    return detectSheet(grid, columns, false);
  });
  if (!sheets.some((s) => s.questions.length)) throw noQuestions(book, sheets);
  return withoutQmapGuesses(book, sheets);
}

/** In qmap's own review copy uploaded again, the answers qmap guessed and nobody confirmed are read as empty, to propose again. */
function withoutQmapGuesses(book: Book, sheets: SheetDetection[]): Detection {
  const copy = reviewCopyOf(book);
  if (!copy) return { sheets };
  const guesses = guessIndex(copy);
  const cleared = sheets.map((s) => ({ ...s, questions: s.questions.map((q) => withoutGuesses(q, guesses)) }));
  return { sheets: cleared, reviewCopy: { sheet: copy.sheet, guesses: copy.guesses.length } };
}

function columnOverrides(o: DetectOverrides): ColumnOverrides {
  const letter = (name: string, v: string | undefined) => {
    if (v === undefined || v === '') return undefined;
    const c = columnIndex(v);
    if (c < 0) throw new QmapError('invalid', `${name} must be a column letter such as C, not "${v}".`, { field: name });
    return c;
  };
  if (o.headerRow !== undefined && !(Number.isInteger(o.headerRow) && o.headerRow >= 1)) {
    throw new QmapError('invalid', `headerRow must be a row number from 1, not "${o.headerRow}".`, { field: 'headerRow' });
  }
  // An empty choiceColumn (or "none") says there is no choice column at all.
  const noChoice = o.choiceColumn !== undefined && /^(|none|-)$/i.test(o.choiceColumn.trim());
  const columns = {
    headerRow: o.headerRow === undefined ? undefined : o.headerRow - 1,
    question: letter('questionColumn', o.questionColumn),
    answer: letter('answerColumn', o.answerColumn),
    choice: noChoice ? null : letter('choiceColumn', o.choiceColumn),
  };
  // Answers written over the questions are never what was meant. (One column for both the answer and the
  // choice is: a drop-down is the only answer.)
  for (const other of ['answer', 'choice'] as const) {
    const c = columns[other];
    if (typeof c === 'number' && c === columns.question) {
      throw new QmapError('invalid', `The question column and the ${other} column are both ${columnLetter(c)}; answers would be written over the questions. Name two different columns.`, { field: `${other}Column` });
    }
  }
  return columns;
}

function empty(grid: Grid, reason: string): SheetDetection {
  return { name: grid.name, headerRow: null, questionColumn: null, answerColumn: null, choiceColumn: null, choices: null, marks: null, markSymbol: null, reason, questions: [] };
}

function detectSheet(grid: Grid, o: ColumnOverrides, chosen: boolean): SheetDetection {
  const overridden = o.headerRow !== undefined || o.question !== undefined;
  if (grid.rowCount === 0) return empty(grid, 'the sheet is empty');
  if (grid.hidden && !chosen) return empty(grid, 'the sheet is hidden');
  if (isReviewSheet(grid.name) && !chosen) return empty(grid, "qmap's own review sheet from an earlier download, not the customer's questions");
  const merges = mergeIndex(grid);
  const summary = !overridden && mostlyFormulas(grid);
  // Covers, instructions and histories (by their sheet's name) hold prose that reads like questions: only a
  // header naming the columns, or the user, says they hold a table.
  const found = readTable(grid, merges, o, overridden || !auxiliarySheet.test(grid.name));
  // A summary of formulas can carry question-ish headers (質問数, 回答済); its rows are short labels.
  if (summary && (!found || averageLength(found.rows) < 15)) return empty(grid, 'the sheet is mostly formulas (a summary), not questions');
  if (found && !overridden && legendOfChoices(grid, found)) return empty(grid, 'a legend of the answer values (Yes, No, N/A … and what each means), not questions');
  if (!found && overridden) return empty(grid, notWhereGiven(grid, o));
  const blank = found ? null : headerOverNothing(grid, merges);
  if (blank) return empty(grid, blank);
  if (!found) {
    return empty(grid, auxiliarySheet.test(grid.name) ? 'no header row names a question column, and the sheet name suggests a cover, instructions or history' : 'no header row names a question column and an answer column, and no column reads as questions');
  }
  const { layout, rows } = found;
  const letter = (c: number | null) => (c === null ? null : columnLetter(c));
  return {
    name: grid.name,
    headerRow: layout.headerRow === null ? null : layout.headerRow + 1,
    questionColumn: columnLetter(layout.question),
    answerColumn: layout.boxes ? columnLetter(layout.question) : letter(layout.answer),
    choiceColumn: letter(layout.choice),
    choices: layout.choices,
    marks: layout.marks?.map((m) => ({ value: m.value, column: columnLetter(m.c) })) ?? null,
    markSymbol: layout.markSymbol,
    reason: reason(layout, rows),
    questions: rows.questions,
    ...(rows.skipped.hidden ? { hiddenRows: rows.skipped.hidden } : {}),
  };
}

interface Found {
  layout: Layout;
  rows: RowsResult;
}

/** The table of a sheet and its questions: where the user said, else under a header that names its columns, else by its shape. */
function readTable(grid: Grid, merges: MergeIndex, o: ColumnOverrides, byShape: boolean): Found | null {
  const read = (layout: Layout | null): Found | null => {
    if (!layout) return null;
    const rows = questionRows(grid, merges, layout);
    return rows.questions.length ? { layout, rows } : null;
  };
  if (o.headerRow !== undefined) {
    const given = layoutFromHeader(grid, merges, o.headerRow, headerCells(grid, merges, o.headerRow), o);
    return given && read({ ...given, why: [`header row ${o.headerRow + 1} was given`, ...given.why] });
  }
  let named: Found | null = null;
  for (const h of headerCandidates(grid, merges).slice(0, 5)) {
    named = read(layoutFromHeader(grid, merges, h.row, h.cells, o));
    if (named) break;
  }
  if (!byShape) return named;
  if (!named) return read(layoutFromShape(grid, merges, o));
  // Header words found inside the body of the table the content shows (a row whose notes happen to say 回答
  // and 評価) are not its header: the table read from its content is. Looked at only when rows above the header
  // hold text, as a body would.
  const above = named.layout.headerRow ?? 0;
  let texts = 0;
  for (let r = 0; r < above; r++) for (let c = 0; c < grid.colCount && texts < 3; c++) if (grid.cell(r, c).trim().length > 12) texts++;
  if (texts < 3) return named;
  const shaped = read(layoutFromShape(grid, merges, o));
  return shaped && shaped.layout.firstRow <= above && shaped.rows.questions.length > 1.5 * named.rows.questions.length ? shaped : named;
}

/** The table found from its content: the column that reads as questions, the row of labels above it (if any). */
function layoutFromShape(grid: Grid, merges: MergeIndex, o: ColumnOverrides): Layout | null {
  const column = o.question !== undefined ? { c: o.question, weights: itemWeights(grid, merges, o.question) } : questionColumnByShape(grid, merges);
  if (!column) return null;
  const start = tableStart(grid, merges, column.c, column.weights);
  // Without a header, a column of terse labels that are neither numbered nor asking is a form's fields.
  if (!start || (start.headerRow === null && !start.listed && o.question === undefined)) return null;
  const rest = { ...o, question: undefined };
  const found = o.question !== undefined ? `the question column ${columnLetter(column.c)} was given` : `column ${columnLetter(column.c)} reads as questions (${start.items} items)`;
  if (start.headerRow !== null) {
    const layout = layoutFromHeader(grid, merges, start.headerRow, headerCells(grid, merges, start.headerRow), rest, column.c);
    return layout && { ...layout, why: [`${found}, under the row of labels ${start.headerRow + 1}`, ...layout.why] };
  }
  const layout = layoutWithoutHeader(grid, merges, column.c, start.firstRow, rest);
  return { ...layout, why: [`no header row names the columns; ${found}`, ...layout.why] };
}

const averageLength = (rows: RowsResult) => rows.questions.reduce((n, q) => n + q.text.length, 0) / Math.max(1, rows.questions.length);

function mostlyFormulas(grid: Grid): boolean {
  if (grid.formulaCells === 0) return false;
  // Count filled cells on a sample of rows; the share is what matters, not the exact number.
  const rows = Math.min(grid.rowCount, 2000);
  let filled = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < grid.colCount; c++) if (grid.cell(r, c)) filled++;
  return grid.formulaCells >= 0.5 * filled * (grid.rowCount / Math.max(1, rows));
}

function reason(layout: Layout, rows: RowsResult): string {
  const parts = [
    layout.headerRow === null ? 'No header row' : `Header row ${layout.headerRow + 1}`,
    ...layout.why,
  ];
  if (layout.boxes) parts.push('the answer box is the cell under each question');
  if (layout.number !== null) parts.push(`numbering in ${columnLetter(layout.number)}`);
  if (layout.category !== null) parts.push(`categories in ${columnLetter(layout.category)}`);
  const s = rows.skipped;
  const left = [
    s.sections && `${s.sections} section rows`,
    s.examples && `${s.examples} example rows`,
    s.deleted && `${s.deleted} deleted rows`,
    s.notes && `${s.notes} notes`,
    s.continued && `${s.continued} continuation lines joined to the question above`,
    s.hidden && `${s.hidden} hidden rows`,
  ].filter(Boolean);
  return `${parts.join('; ')}. ${rows.questions.length} questions${left.length ? `; not questions: ${left.join(', ')}` : ''}.`;
}

function noQuestions(book: Book, sheets: SheetDetection[]): QmapError {
  const seen = book.sheets.map((grid, i) => {
    const merges = mergeIndex(grid);
    const best = headerCandidates(grid, merges)[0];
    const row = best?.row ?? firstRowWithText(grid);
    const candidates =
      row === null ? [] : headerCells(grid, merges, row).slice(0, 12).map((h) => ({ column: columnLetter(h.c), header: h.text.replace(/\s*\n\s*/g, ' ') }));
    return { name: grid.name, reason: sheets[i].reason, row: row === null ? null : row + 1, candidates };
  });
  const lines = seen.map(
    (s) =>
      `"${s.name}": ${s.reason}` +
      (s.candidates.length ? ` (row ${s.row}: ${s.candidates.map((c) => `${c.column} 「${c.header}」`).join(', ')})` : ''),
  );
  return new QmapError('no_questions', `No sheet with questions was found. ${lines.join('; ')}. ${overrideHelp}`, { sheets: seen });
}

/**
 * A key to the answer values rather than questions: beside nearly every row, on its left, a choice value
 * (Yes | Fully implemented, ○ | 対応済み) that the row explains, and no row asks anything.
 */
function legendOfChoices(grid: Grid, { layout, rows }: Found): boolean {
  // Questions, even with a mark beside each (必須 ○/×), are questions.
  if (layout.question === 0 || rows.questions.length > 12 || rows.questions.some((q) => asksOutright.test(q.text))) return false;
  const keyed = rows.questions.filter((q) => {
    for (let c = layout.question - 1; c >= 0; c--) {
      const key = grid.cell(q.row - 1, c).trim();
      if (key) return choiceValue.test(key) || choiceWord.test(key) || markValue.test(key);
    }
    return false;
  });
  return keyed.length >= 0.8 * rows.questions.length;
}

/** Why the place the user gave holds no questions: the column is empty below the header, or nothing there asks anything. */
function notWhereGiven(grid: Grid, o: ColumnOverrides): string {
  const from = o.headerRow === undefined ? 0 : o.headerRow + 1;
  const where = o.headerRow === undefined ? '' : ` below row ${from}`;
  if (o.question === undefined) return `no column under header row ${from} reads as questions; name the question column too (questionColumn)`;
  let texts = 0;
  for (let r = from; r < grid.rowCount; r++) if (grid.cell(r, o.question).trim()) texts++;
  const column = `column ${columnLetter(o.question)}`;
  return texts === 0 ? `${column} is empty${where}: check the question column's letter` : `nothing in ${column}${where} reads as a question (${texts} cells of text); check the question column and header row`;
}

/** A header naming the columns with no rows under it: a blank template. */
function headerOverNothing(grid: Grid, merges: MergeIndex): string | null {
  const header = headerCandidates(grid, merges)[0];
  if (!header) return null;
  for (let r = header.row + 1; r < grid.rowCount; r++) for (let c = 0; c < grid.colCount; c++) if (grid.cell(r, c).trim()) return null;
  return `row ${header.row + 1} names the columns, but no row under it holds a question: the table is empty`;
}

function firstRowWithText(grid: Grid): number | null {
  for (let r = 0; r < Math.min(grid.rowCount, 100); r++) {
    for (let c = 0; c < grid.colCount; c++) if (grid.cell(r, c).trim()) return r;
  }
  return null;
}
