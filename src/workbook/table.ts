// A table being read: its header cells, the rows of its body, and what each column holds under them, worked out once
// and shared by the steps that decide what each column is for (layout.ts, choice.ts, answer.ts, boxes.ts).
import { columnStats, type ColumnStats } from './columns.js';
import type { HeaderCell } from './header.js';
import type { MergeIndex } from './merges.js';
import type { Grid } from './types.js';

/** Rows under the header sampled to judge columns. */
export const SAMPLE_ROWS = 500;

/** A table being read: its header cells and body rows, and what each column holds under them. */
export interface Table {
  grid: Grid;
  merges: MergeIndex;
  headerRow: number | null;
  from: number;
  cells: HeaderCell[];
  question: number;
  /** Sampled body rows: those with an item in the question column. */
  body: number[];
  stat(c: number): ColumnStats;
  header(c: number): HeaderCell | undefined;
  /** The column's cells list the possible answers (○ Yes\n○ No): they describe them, they hold none. */
  listsOptions(c: number): boolean;
  /** Columns the table spans: those with text, under a header cell or covered by a drop-down (an empty answer column has none of its own text). */
  width: number;
}

export function table(grid: Grid, merges: MergeIndex, headerRow: number | null, from: number, cells: HeaderCell[], question: number): Table {
  const body: number[] = [];
  for (let r = from; r < grid.rowCount && body.length < SAMPLE_ROWS; r++) {
    if (!grid.hiddenRows.has(r) && /\p{L}/u.test(grid.cell(r, question))) body.push(r);
  }
  const stats = new Map<number, ColumnStats>();
  const stat = (c: number) => stats.get(c) ?? stats.set(c, columnStats(grid, body, c)).get(c)!;
  return {
    grid, merges, headerRow, from, cells, question, body, stat,
    header: (c) => cells.find((h) => c >= h.c && c <= h.end),
    listsOptions: (c) => stat(c).optionLists >= 2 && stat(c).optionLists >= 0.5 * stat(c).filled,
    width: Math.min(question + 40, Math.max(grid.colCount, ...cells.map((h) => h.end + 1), ...grid.validations.map((v) => v.range.e.c + 1))),
  };
}
