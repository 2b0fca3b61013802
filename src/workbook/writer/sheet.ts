// What the writer needs to know about a worksheet besides its cells: column styles, merged ranges,
// and the recorded used range. Read from the XML around <sheetData> without scanning the rows.
import { formatRange, parseRange, type Address, type CellRange } from '../package/a1.js';
import { textOf } from '../package/package.js';
import type { Splices } from './splice.js';
import { getAttr, setAttr } from '../package/xml.js';

export interface SheetInfo {
  /** Style index a column gives its empty cells, from <cols>. */
  colStyle(col: number): number | undefined;
  /** The top-left cell of the merged range holding `at`, or `at` itself. */
  mergeAnchor(at: Address): Address;
}

export function readSheetInfo(xml: string): SheetInfo {
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  const colStyles: { min: number; max: number; style: number }[] = [];
  for (const m of head.matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const style = getAttr(m[0], 'style');
    if (style !== null) colStyles.push({ min: Number(getAttr(m[0], 'min')), max: Number(getAttr(m[0], 'max')), style: Number(style) });
  }
  const dataEnd = Math.max(xml.lastIndexOf('sheetData>'), xml.lastIndexOf('sheetData/>'), 0);
  const merges: CellRange[] = [];
  for (const m of xml.slice(dataEnd).matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g)) {
    const range = parseRange(getAttr(m[0], 'ref') ?? '');
    if (range) merges.push(range);
  }
  const byRow = new MergeIndex(merges);
  return {
    colStyle: (col) => colStyles.find((c) => col >= c.min && col <= c.max)?.style,
    mergeAnchor: (at) => byRow.anchor(at),
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

  /** The top-left cell of the first merge holding `at` (merges of its row first, then the tall ones), or `at`. */
  anchor(at: Address): Address {
    const here = this.rows.get(at.row);
    if (here) for (const m of here) if (at.col >= m.s.col && at.col <= m.e.col) return m.s;
    for (const m of this.tall) if (at.row >= m.s.row && at.row <= m.e.row && at.col >= m.s.col && at.col <= m.e.col) return m.s;
    return at;
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
