// The top of each sheet as the user sees it, for pointing at the table when detection could not find it (or
// was unsure): cell text, merged cells and hidden rows and columns of the first rows and columns.
import { columnLetter } from './address.js';
import type { Book, Grid } from './types.js';

export const PREVIEW_ROWS = 40;
export const PREVIEW_COLUMNS = 26;
const CELL_CHARS = 200;

export interface SheetPreview {
  name: string;
  hidden: boolean;
  /** Rows and columns the sheet has, beyond what is shown. */
  rowCount: number;
  colCount: number;
  /** Column letters of the columns shown. */
  columns: string[];
  /** Cell text, row by row (1-based row numbers are the index + 1); long text is cut. */
  rows: string[][];
  /** Merged ranges that start among the cells shown, 1-based, inclusive. */
  merges: { row: number; column: string; rows: number; columns: number }[];
  hiddenRows: number[];
  hiddenColumns: string[];
}

export function preview(book: Book): SheetPreview[] {
  return book.sheets.map(sheetPreview);
}

function sheetPreview(grid: Grid): SheetPreview {
  const rowsShown = Math.min(grid.rowCount, PREVIEW_ROWS);
  const colsShown = Math.min(grid.colCount, PREVIEW_COLUMNS);
  const cut = (s: string) => (s.length > CELL_CHARS ? `${s.slice(0, CELL_CHARS)}…` : s);
  return {
    name: grid.name,
    hidden: grid.hidden,
    rowCount: grid.rowCount,
    colCount: grid.colCount,
    columns: Array.from({ length: colsShown }, (_, c) => columnLetter(c)),
    rows: Array.from({ length: rowsShown }, (_, r) => Array.from({ length: colsShown }, (_, c) => cut(grid.cell(r, c)))),
    merges: grid.merges
      .filter((m) => m.s.r < rowsShown && m.s.c < colsShown)
      .map((m) => ({ row: m.s.r + 1, column: columnLetter(m.s.c), rows: m.e.r - m.s.r + 1, columns: m.e.c - m.s.c + 1 })),
    hiddenRows: [...grid.hiddenRows].filter((r) => r < rowsShown).map((r) => r + 1),
    hiddenColumns: [...grid.hiddenCols].filter((c) => c < colsShown).map((c) => columnLetter(c)),
  };
}
