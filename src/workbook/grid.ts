// A SheetJS dense worksheet seen as a Grid of text. Cells are read on demand, so building a Grid
// costs one pass to find the used range and nothing per cell afterwards.
import type { CellObject, WorkSheet } from 'xlsx';
import { cellKey, type Grid, type Look, type Range } from './types.js';

export interface GridExtras {
  hiddenCols?: Set<number>;
  hiddenRows?: Set<number>;
  struck?: Set<string>;
  colWidths?: Map<number, number>;
  looks?: Map<number, Look>;
  formulas?: Map<number, string>;
}

export interface SizedGrid extends Grid {
  /** Rows the sheet declares beyond what was read (SheetJS's !fullref after sheetRows cut it short). */
  truncated: boolean;
}

const text = (cell: CellObject | undefined): string => {
  if (!cell) return '';
  if (cell.w != null) return wellFormed(cell.w);
  return cell.v == null ? '' : wellFormed(String(cell.v));
};

// An .xls can hold half a UTF-16 surrogate pair, which UTF-8 (SQLite, JSON over HTTP) cannot carry: it becomes
// U+FFFD here, where cell text leaves the reader, so what is matched, stored and answered all read the same.
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s: string) => (SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s);

export function sheetGrid(ws: WorkSheet, name: string, hidden: boolean, extras: GridExtras = {}): SizedGrid {
  const data = ((ws as { '!data'?: CellObject[][] })['!data'] ?? []) as (CellObject[] | undefined)[];
  let rowCount = 0;
  let colCount = 0;
  let formulaCells = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.f) formulaCells++;
      if (text(cell) === '') continue;
      if (r + 1 > rowCount) rowCount = r + 1;
      if (c + 1 > colCount) colCount = c + 1;
    }
  }
  // A merge just under the used range can still be an empty answer box.
  const merges: Range[] = (ws['!merges'] ?? []).filter((m) => m.s.r <= rowCount && m.s.c < colCount);
  const hiddenCols = extras.hiddenCols ?? new Set<number>();
  const hiddenRows = extras.hiddenRows ?? new Set<number>();
  const colWidths = extras.colWidths ?? new Map<number, number>();
  const looks = extras.looks ?? new Map<number, Look>();
  const valueless = extras.formulas ?? new Map<number, string>();
  // xls and ods carry hidden rows and columns, and widths, in SheetJS's own fields.
  (ws['!cols'] ?? []).forEach((col, c) => {
    if (col?.hidden) hiddenCols.add(c);
    const width = col?.wch ?? col?.width;
    if (width !== undefined && !colWidths.has(c)) colWidths.set(c, width);
  });
  (ws['!rows'] ?? []).forEach((row, r) => row?.hidden && hiddenRows.add(r));
  return {
    name,
    hidden,
    rowCount,
    colCount,
    cell: (r, c) => text(data[r]?.[c]),
    formula: (r, c) => data[r]?.[c]?.f ?? valueless.get(cellKey(r, c)) ?? '',
    merges,
    hiddenCols,
    hiddenRows,
    validations: [],
    formulaCells: formulaCells + valueless.size,
    struck: extras.struck ?? new Set(),
    colWidths,
    look: (r, c) => (looks.size ? looks.get(cellKey(r, c)) : undefined),
    truncated: Boolean((ws as { '!fullref'?: string })['!fullref']),
  };
}
