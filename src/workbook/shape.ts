// Finds a sheet's table from its content and shape, whatever its header says or whether it has one: the column
// whose cells read most like items of a questionnaire (questions, statements of practice, terse items), the header
// row as the row of short labels just above them, and the row the body starts at.
import { choiceValue, exampleMark, examplePrefix, itemWeight, numbering, readsAsItem, subItemMark } from './cells.js';
import { HEADER_SEARCH_ROWS } from './header.js';
import type { MergeIndex } from './merges.js';
import type { Grid } from './types.js';
import { compareKey, MAX_HEADER_LENGTH } from './vocabulary.js';

/** Rows searched for the question column. */
const TEXT_SEARCH_ROWS = 2000;
/** The weight of an item that asks or states something (itemWeight), not a terse item or a label. */
const STRONG = 1.8;
/** Rows under a header row within which its table's first items must start. */
const BODY_GAP = 8;

export interface TableShape {
  question: number;
  headerRow: number | null;
  firstRow: number;
  /** Cells of the question column that read as items. */
  items: number;
  /** The items are numbered (a number beside them or before their text), or most of them ask or state something. */
  listed: boolean;
}

/** The weight of each cell of column c as an item (0: not one), row by row. */
export function itemWeights(grid: Grid, merges: MergeIndex, c: number, last = Math.min(grid.rowCount, TEXT_SEARCH_ROWS)): Float32Array {
  const w = new Float32Array(last);
  let above = '';
  for (let r = 0; r < last; r++) {
    const text = grid.hiddenRows.has(r) ? '' : grid.cell(r, c).trim();
    // A value repeated from the row above is a category, not an item.
    if (text && text !== above) w[r] = itemWeight(text);
    above = text;
  }
  return w;
}

/** The column that reads most like questionnaire items, with its weights; null when none has three items. */
export function questionColumnByShape(grid: Grid, merges: MergeIndex): { c: number; weights: Float32Array } | null {
  const last = Math.min(grid.rowCount, TEXT_SEARCH_ROWS);
  let best: { c: number; weights: Float32Array; score: number } | null = null;
  for (let c = 0; c < grid.colCount; c++) {
    if (grid.hiddenCols.has(c)) continue;
    const weights = itemWeights(grid, merges, c, last);
    let score = 0;
    let items = 0;
    for (const w of weights) {
      score += w;
      if (w >= 1) items++;
    }
    if (items >= 3 && (!best || score > best.score)) best = { c, weights, score };
  }
  return best && { c: best.c, weights: best.weights };
}

/**
 * A row of short labels over the table (two or more cells, none of them a sentence), one of them over the
 * question column or to its right.
 */
export function headerLike(grid: Grid, merges: MergeIndex, r: number, question: number): boolean {
  if (grid.hiddenRows.has(r)) return false;
  let cells = 0;
  let overTable = false;
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.cell(r, c).trim();
    if (!t || grid.hiddenCols.has(c)) continue;
    // A sentence, or an item's number (1, A-01, (a)), makes it a row of the body; a value to mark (対応している) or a
    // short asking label (Implemented?) does not.
    if (compareKey(t).length > MAX_HEADER_LENGTH || (readsAsItem(t) && !choiceValue.test(t) && t.length > 20) || /[。．]$/.test(t) || numbering.test(t) || subItemMark.test(t) || exampleMark.test(t) || examplePrefix.test(t)) return false;
    cells++;
    const end = merges.at(r, c)?.e.c ?? c;
    if (end >= question) overTable = true;
  }
  return cells >= 2 && overTable;
}

/** Where the table of a question column starts: its header row (or none) and its first body row. */
export function tableStart(grid: Grid, merges: MergeIndex, question: number, weights: Float32Array): TableShape | null {
  const last = weights.length;
  const headers: number[] = [];
  for (let r = 0; r < Math.min(last, HEADER_SEARCH_ROWS); r++) if (headerLike(grid, merges, r, question)) headers.push(r);
  const labels = new Set(headers);
  for (const r of labelledBoxes(grid, headers, weights)) headers.splice(headers.indexOf(r), 1);
  const isItem = (r: number) => weights[r] >= 1 && !labels.has(r);
  // The header: the first label row with items right under it and no other label row between them (the
  // form fields above a table are label rows too); a label row over a second one whose cells it spans is the
  // first row of a two-row header.
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const next = headers[i + 1] ?? Infinity;
    let items = 0;
    let first = -1;
    for (let r = h + 1; r < Math.min(last, h + 1 + BODY_GAP); r++) {
      if (!isItem(r)) continue;
      if (first < 0) first = r;
      items++;
    }
    if (first < 0 || next < first || items < Math.min(2, countItems(weights, h + 1))) continue;
    const top = i > 0 && headers[i - 1] === h - 1 && spansBelow(grid, merges, h - 1, h) ? h - 1 : h;
    return { question, headerRow: top, firstRow: top + 1, items: countItems(weights, top + 1), listed: listed(grid, question, weights, top + 1) };
  }
  // No header: the body starts at the first item followed closely by another; at the first question or
  // statement when most items are such, so a title above them is not taken for one.
  let strong = 0;
  for (const w of weights) if (w >= STRONG) strong++;
  const startsBody = strong >= 0.5 * countItems(weights, 0) ? (r: number) => weights[r] >= STRONG : isItem;
  for (let r = 0; r < last; r++) {
    if (!startsBody(r)) continue;
    for (let next = r + 1; next <= Math.min(last - 1, r + 3); next++) {
      if (isItem(next)) return { question, headerRow: null, firstRow: r, items: countItems(weights, r), listed: listed(grid, question, weights, r) };
    }
  }
  return null;
}

/**
 * Whether the items from row `from` read as a questionnaire's list rather than a form's fields (会社名, 担当者 …):
 * most are numbered — by a column on their left or at the start of their text — or most ask or state something.
 */
function listed(grid: Grid, question: number, weights: Float32Array, from: number): boolean {
  let items = 0;
  let strong = 0;
  let numbered = 0;
  for (let r = from; r < weights.length; r++) {
    if (weights[r] < 1) continue;
    items++;
    if (weights[r] >= STRONG) strong++;
    const text = grid.cell(r, question).trim();
    let num = /^(?:Q\s?)?\d{1,3}(?:[-.]\d{1,3})*[.)．）:：\s]/i.test(text);
    for (let c = 0; c < question && !num; c++) num = numbering.test(grid.cell(r, c).trim());
    if (num) numbered++;
  }
  return strong >= 0.5 * items || numbered >= 0.6 * items;
}

function countItems(weights: Float32Array, from: number): number {
  let n = 0;
  for (let r = from; r < weights.length; r++) if (weights[r] >= 1) n++;
  return n;
}

/** Every cell of row `below` sits under a merged cell of row `r` that spans several columns. */
function spansBelow(grid: Grid, merges: MergeIndex, r: number, below: number): boolean {
  let any = false;
  for (let c = 0; c < grid.colCount; c++) {
    if (!grid.cell(below, c).trim()) continue;
    let spanned = false;
    for (let left = c; left >= 0 && !spanned; left--) {
      const m = merges.at(r, left);
      if (m && m.e.c > m.s.c && c <= m.e.c) spanned = true;
      if (grid.cell(r, left).trim() && !m) break;
    }
    if (!spanned) return false;
    any = true;
  }
  return any;
}

/**
 * Label rows that are a form's answer boxes, filled: a label (回答) repeated in the same column under every item,
 * one item between each and the next. A header repeated for each section has several items under each.
 */
function labelledBoxes(grid: Grid, rows: number[], weights: Float32Array): number[] {
  const itemsBetween = (a: number, b: number) => {
    let n = 0;
    for (let r = a + 1; r < b; r++) if (weights[r] >= 1) n++;
    return n;
  };
  const underEveryItem = (r: number, c: number) => {
    const label = grid.cell(r, c).trim();
    const same: number[] = [];
    for (let o = 0; o < weights.length; o++) if (grid.cell(o, c).trim() === label) same.push(o);
    return same.length >= 3 && same.every((o, i) => i === 0 || itemsBetween(same[i - 1], o) <= 1);
  };
  return rows.filter((r) => {
    for (let c = 0; c < grid.colCount; c++) if (grid.cell(r, c).trim() && underEveryItem(r, c)) return true;
    return false;
  });
}
