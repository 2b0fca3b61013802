// What a column of a table holds under its header, row by row of the table's body: how full it is, what kind of
// values it has (questions, answers, picked values, marks), whether a drop-down covers it, and how it is
// drawn (shaded like an input box, bordered, wide or narrow). Detection reads a column's role from these when no
// header word names it.
import { answerLike, choiceValue, markValue, readsAsItem } from './cells.js';
import type { Grid } from './types.js';

export interface ColumnStats {
  /** Body rows looked at. */
  rows: number;
  filled: number;
  length: number;
  /** Cells that ask or state what is to be confirmed. */
  asks: number;
  /** Cells that list possible answers, one per line (○ Yes\n○ No). */
  optionLists: number;
  /** Rows whose cell is covered by a list validation. */
  validated: number;
  /** Cells holding a picked value (はい, 実施済, 適合) or a tick mark (✓, レ, ○). */
  picked: number;
  marks: number;
  /** Cells that read as an answer already written (〜しています。, Yes, we …). */
  answers: number;
  /** The commonest fill colour of the column's cells, and in how many rows; bordered rows. */
  fill: string | null;
  shaded: number;
  bordered: number;
}

/** Two or more lines, each after a radio button or tick box (○ Yes\n○ No): the answers a row allows, not an answer. */
const optionList = /^\s*[○◯❍☐□◻][^\n]*(?:\n\s*[○◯❍☐□◻][^\n]*)+\s*$/;

export function columnStats(grid: Grid, rows: number[], c: number): ColumnStats {
  const s: ColumnStats = {
    rows: rows.length, filled: 0, length: 0, asks: 0, optionLists: 0, validated: 0,
    picked: 0, marks: 0, answers: 0, fill: null, shaded: 0, bordered: 0,
  };
  const fills = new Map<string, number>();
  for (const r of rows) {
    const look = grid.look(r, c);
    if (look?.border) s.bordered++;
    if (look?.fill) fills.set(look.fill, (fills.get(look.fill) ?? 0) + 1);
    const t = grid.cell(r, c).trim();
    if (!t) continue;
    s.filled++;
    s.length += t.length;
    if (readsAsItem(t)) s.asks++;
    if (optionList.test(t)) s.optionLists++;
    if (markValue.test(t)) s.marks++;
    else if (choiceValue.test(t)) s.picked++;
    else if (answerLike.test(t)) s.answers++;
  }
  for (const [fill, n] of fills) if (n > s.shaded) [s.fill, s.shaded] = [fill, n];
  s.validated = validatedRows(grid, rows, c);
  return s;
}

/** How many of the (ascending) rows a list validation covers in column c, one validation per cell or one for all. */
function validatedRows(grid: Grid, rows: number[], c: number): number {
  const covered = new Set<number>();
  for (const v of grid.validations) {
    if (c < v.range.s.c || c > v.range.e.c) continue;
    for (let i = lowerBound(rows, v.range.s.r); i < rows.length && rows[i] <= v.range.e.r; i++) covered.add(rows[i]);
  }
  return covered.size;
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The list validation covering most of a column below the header. */
export function validationValues(grid: Grid, from: number, c: number): string[] | null {
  let best: { rows: number; values: string[] } | null = null;
  for (const v of grid.validations) {
    if (c < v.range.s.c || c > v.range.e.c || v.values.length === 0) continue;
    const rows = v.range.e.r - Math.max(from, v.range.s.r) + 1;
    if (rows > 0 && (!best || rows > best.rows)) best = { rows, values: v.values };
  }
  return best?.values ?? null;
}

/** Excel's default column width, in characters, for columns the sheet does not size. */
const DEFAULT_WIDTH = 8.43;

/** A column's width in characters; null when the sheet sizes no column (a CSV, say), so widths say nothing. */
export const widthOf = (grid: Grid, c: number): number | null => (grid.colWidths.size ? grid.colWidths.get(c) ?? DEFAULT_WIDTH : null);

/** The lightness and saturation of an rgb:RRGGBB fill; null for theme and indexed colours, whose rgb we do not know. */
function hsl(fill: string): { s: number; l: number } | null {
  const m = /^rgb:(?:[0-9A-F]{2})?([0-9A-F]{2})([0-9A-F]{2})([0-9A-F]{2})$/i.exec(fill);
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
  return { s, l };
}

/** Grey shading: cells greyed out, the customer's or not to be written. */
export const greyFill = (fill: string | null): boolean => {
  const c = fill ? hsl(fill) : null;
  return c !== null && c.s < 0.12 && c.l < 0.97;
};
