// What the writer needs to know about a worksheet besides its cells: column styles and widths, merged
// ranges, the default row height and the recorded used range. Read from the XML around <sheetData> without
// scanning the rows.
import { formatRange, parseRange, type Address, type CellRange } from '../package/a1.js';
import { textOf } from '../package/package.js';
import type { Splices } from './splice.js';
import { getAttr, setAttr } from '../package/xml.js';

export interface SheetInfo {
  /** Style index a column gives its empty cells, from <cols>. */
  colStyle(col: number): number | undefined;
  /** The top-left cell of the merged range holding `at`, or `at` itself. */
  mergeAnchor(at: Address): Address;
  /** The merged range holding `at`, or null. */
  mergeOf(at: Address): CellRange | null;
  /** A column's width in digits of the default font; 0 when it is hidden. */
  colWidth(col: number): number;
  /** The sheet's default row height in points (sheetFormatPr), or null when it does not say. */
  defaultRowHeight: number | null;
}

/** Excel's default column: 8 digits and 5 pixels of padding (of a 7-pixel digit). */
const BASE_COL_WIDTH = 8;
const PADDING_DIGITS = 5 / 7;

export function readSheetInfo(xml: string): SheetInfo {
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  const colStyles: { min: number; max: number; style: number }[] = [];
  const widths: { min: number; max: number; width: number }[] = [];
  for (const m of head.matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const [min, max] = [Number(getAttr(m[0], 'min')), Number(getAttr(m[0], 'max'))];
    const style = getAttr(m[0], 'style');
    if (style !== null) colStyles.push({ min, max, style: Number(style) });
    const hidden = /^(1|true)$/.test(getAttr(m[0], 'hidden') ?? '');
    const width = Number(getAttr(m[0], 'width') ?? NaN);
    if (hidden || Number.isFinite(width)) widths.push({ min, max, width: hidden ? 0 : width });
  }
  const format = /<(?:[\w.-]+:)?sheetFormatPr\b[^>]*>/.exec(head)?.[0] ?? '';
  const number = (name: string) => {
    const v = Number(getAttr(format, name) ?? NaN);
    return Number.isFinite(v) && v > 0 ? v : null;
  };
  const defaultWidth = number('defaultColWidth') ?? (number('baseColWidth') ?? BASE_COL_WIDTH) + PADDING_DIGITS;
  const dataEnd = Math.max(xml.lastIndexOf('sheetData>'), xml.lastIndexOf('sheetData/>'), 0);
  const merges: CellRange[] = [];
  for (const m of xml.slice(dataEnd).matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g)) {
    const range = parseRange(getAttr(m[0], 'ref') ?? '');
    if (range) merges.push(range);
  }
  const byRow = new MergeIndex(merges);
  return {
    colStyle: (col) => colStyles.find((c) => col >= c.min && col <= c.max)?.style,
    mergeAnchor: (at) => byRow.find(at)?.s ?? at,
    mergeOf: (at) => byRow.find(at),
    colWidth: (col) => widths.find((c) => col >= c.min && col <= c.max)?.width ?? defaultWidth,
    defaultRowHeight: number('defaultRowHeight'),
  };
}

/** Merged ranges by the rows they cover, so finding a cell's merge does not scan every merge of the sheet. */
class MergeIndex {
  private readonly rows = new Map<number, CellRange[]>();
  private readonly tall: CellRange[] = [];

  constructor(merges: CellRange[]) {
    for (const m of merges) {
      if (m.e.row - m.s.row > 1000) {
        this.tall.push(m);
        continue;
      }
      for (let r = m.s.row; r <= m.e.row; r++) {
        const list = this.rows.get(r);
        if (list) list.push(m);
        else this.rows.set(r, [m]);
      }
    }
  }

  /** The first merge holding `at` (merges of its row first, then the tall ones), or null. */
  find(at: Address): CellRange | null {
    const here = this.rows.get(at.row);
    if (here) for (const m of here) if (at.col >= m.s.col && at.col <= m.e.col) return m;
    for (const m of this.tall) if (at.row >= m.s.row && at.row <= m.e.row && at.col >= m.s.col && at.col <= m.e.col) return m;
    return null;
  }
}

/** Widen <dimension> (in a Source's text) when a written cell falls outside it, so readers that trust it see the answer. */
export function coverInDimension(xml: string, cells: Address[], out: Splices): void {
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const m = /<(?:[\w.-]+:)?dimension\b[^>]*>/.exec(dataStart < 0 ? xml : xml.slice(0, dataStart));
  if (!m || cells.length === 0) return;
  const range = parseRange(getAttr(m[0], 'ref') ?? '');
  if (!range) return;
  const next = { s: { ...range.s }, e: { ...range.e } };
  for (const c of cells) {
    next.s.row = Math.min(next.s.row, c.row);
    next.s.col = Math.min(next.s.col, c.col);
    next.e.row = Math.max(next.e.row, c.row);
    next.e.col = Math.max(next.e.col, c.col);
  }
  const ref = formatRange(next);
  if (ref === formatRange(range)) return;
  out.replace(m.index, m.index + m[0].length, setAttr(textOf(m[0]), 'ref', ref));
}
