// The free-text answer column of a table: the column whose header names the answer, or failing header words, the
// first one the table leaves open for writing (empty, part of the table, shaded for input, wide enough for sentences),
// or the box under each question of a form.
import { columnLetter } from './address.js';
import { answerBoxes, type Boxes } from './boxes.js';
import { greyFill, widthOf } from './columns.js';
import { quote, type HeaderCell } from './header.js';
import type { Table } from './table.js';

/** Ranks the header words of a free-text column: 回答 over 回答（はい／いいえ） over 備考; 0 for none. */
export const rank = (h: HeaderCell | undefined) =>
  !h ? 0 : h.roles.has('answer') && !h.roles.has('notes') && !h.roles.has('choice') ? 4 : h.roles.has('answer') && !h.roles.has('choice') ? 3 : h.roles.has('answer') ? 2 : h.roles.has('notes') ? 1 : 0;

/** Header words that rule a column out of holding the vendor's answer. */
export const notForAnswers = (h: HeaderCell | undefined) =>
  !!h && ['internal', 'verdict', 'options', 'number', 'category', 'other'].some((r) => h.roles.has(r as never));

/** Columns right of the question the vendor could write in, left to right. */
function openColumns(t: Table, taken: Set<number>): number[] {
  const end = t.merges.at(t.body[0] ?? t.from, t.question)?.e.c ?? t.header(t.question)?.end ?? t.question;
  const out: number[] = [];
  const first = Math.max(end, t.question) + 1;
  // A column beside the last one with text can still be the empty answer column of a table without a header.
  for (let c = first; c < Math.max(t.width, first + 1); c++) {
    if (taken.has(c) || t.grid.hiddenCols.has(c) || t.listsOptions(c) || notForAnswers(t.header(c))) continue;
    out.push(c);
  }
  return out;
}

/**
 * The free-text answer column: the one whose header names an answer (failing that, the notes column beside a
 * choice); without such words, the first column right of the question that the table leaves open for writing, or
 * the box under each question of a form.
 */
export function freeTextColumn(t: Table, taken: Set<number>, choice: number | null): { c: number; why: string } | { boxes: Boxes } | null {
  const open = openColumns(t, taken).filter((c) => c !== choice);
  // Left of the question only a header naming the answer (回答 | No. | 確認項目) makes a column the answer's.
  const left = [...Array(t.question).keys()].filter((c) => !taken.has(c) && c !== choice && !t.grid.hiddenCols.has(c) && rank(t.header(c)) >= 2 && !notForAnswers(t.header(c)));
  let best: number | null = null;
  for (const c of [...open, ...left]) {
    // A header merged over several columns names the first of them; a greyed-out column is not for the vendor.
    const k = t.header(c)?.c === c && !greyed(t, c) ? rank(t.header(c)) : 0;
    if (k === 0 || (k === 1 && choice === null && open.some((p) => rank(t.header(p)) > 1))) continue;
    if (best === null || k > rank(t.header(best))) best = c;
  }
  if (best !== null) return { c: best, why: `${quote(t.header(best)!)} is the free-text answer column` };
  if (choice !== null && (t.header(choice)?.end ?? choice) > choice && open.includes(choice + 1)) {
    return { c: choice + 1, why: `column ${columnLetter(choice + 1)}, beside the drop-down under the same header, is the free-text answer column` };
  }
  const merged = answerBoxes(t, true);
  if (merged) return { boxes: merged };
  const c = writableColumn(t, open, choice);
  if (c !== null) {
    const h = t.header(c);
    return { c, why: `${h ? quote(h) : `column ${columnLetter(c)}`}, ${shapeReason(t, c)}, is taken as the answer column` };
  }
  const boxes = choice === null ? answerBoxes(t, false) : null;
  if (boxes) return { boxes };
  // Without a header, the column right after the question is the best guess.
  if (t.cells.length === 0 && choice === null && open.length) {
    return { c: open[0], why: `no answer column is named, so column ${columnLetter(open[0])}, right of the question, is used` };
  }
  return null;
}

/** Most of the column's body cells are greyed out while the questions are not: the customer's, or not to be written. */
export function greyed(t: Table, c: number): boolean {
  const s = t.stat(c);
  return greyFill(s.fill) && s.shaded >= 0.5 * Math.max(1, t.body.length) && !greyFill(t.stat(t.question).fill);
}

/** Why a column reads as the place for answers, in words. */
function shapeReason(t: Table, c: number): string {
  const s = t.stat(c);
  const q = t.stat(t.question);
  if (s.shaded >= 0.5 * s.rows && s.fill !== q.fill && !greyFill(s.fill)) return 'shaded for input';
  if (s.filled === 0) return 'empty beside the questions';
  return 'beside the questions';
}

/**
 * Without header words: the first open column the table leaves for writing — part of the table (under a header
 * cell, bordered, shaded or covered by a drop-down), not already filled with other data, not greyed out — preferring
 * input shading, and a wide column over a narrow one (a narrow one is for a mark).
 */
function writableColumn(t: Table, open: number[], choice: number | null): number | null {
  const q = t.stat(t.question);
  const rows = Math.max(1, t.body.length);
  const inTable = (c: number) => {
    const s = t.stat(c);
    return t.header(c) !== undefined || s.bordered >= 0.5 * rows || s.shaded >= 0.5 * rows || s.validated >= 0.5 * rows;
  };
  // Filled with data of the customer's (a reference, a weight, guidance) rather than answers or picked values.
  const data = (c: number) => {
    const s = t.stat(c);
    return s.filled >= 0.3 * rows && s.answers + s.picked + s.marks < 0.5 * s.filled;
  };
  let pool = open.filter((c) => !greyed(t, c) && !data(c) && t.stat(c).validated < 0.5 * rows && inTable(c));
  const input = pool.filter((c) => {
    const s = t.stat(c);
    return s.shaded >= 0.5 * rows && s.fill !== q.fill && !greyFill(s.fill);
  });
  if (input.length) pool = input;
  const widths = pool.map((c) => widthOf(t.grid, c));
  const widest = Math.max(0, ...widths.map((w) => w ?? 0));
  if (widest >= 15) pool = pool.filter((_, i) => (widths[i] ?? widest) >= 0.5 * widest);
  // Beside a choice column, only a column wide enough for sentences takes the free text.
  if (choice !== null) pool = pool.filter((c) => (widthOf(t.grid, c) ?? 20) >= 12);
  return pool[0] ?? null;
}
