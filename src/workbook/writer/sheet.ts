// What the writer needs to know about a worksheet besides its cells: column styles, merged ranges,
// and the recorded used range. Read from the XML around <sheetData> without scanning the rows.
import { formatRange, parseRange, type Address, type CellRange } from './a1.js';
import { getAttr, setAttr } from './xml.js';

export interface SheetInfo {
  /** Style index a column gives its empty cells, from <cols>. */
  colStyle(col: number): number | undefined;
  merges: CellRange[];
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
  return {
    colStyle: (col) => colStyles.find((c) => col >= c.min && col <= c.max)?.style,
    merges,
  };
}

/** The top-left cell of the merged range holding `at`, or `at` itself. */
export function mergeAnchor(merges: CellRange[], at: Address): Address {
  const m = merges.find((r) => at.row >= r.s.row && at.row <= r.e.row && at.col >= r.s.col && at.col <= r.e.col);
  return m ? m.s : at;
}

/** Widen <dimension> when a written cell falls outside it, so readers that trust it see the answer. */
export function coverInDimension(xml: string, cells: Address[]): string {
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const m = /<(?:[\w.-]+:)?dimension\b[^>]*>/.exec(dataStart < 0 ? xml : xml.slice(0, dataStart));
  if (!m || cells.length === 0) return xml;
  const range = parseRange(getAttr(m[0], 'ref') ?? '');
  if (!range) return xml;
  const next = { s: { ...range.s }, e: { ...range.e } };
  for (const c of cells) {
    next.s.row = Math.min(next.s.row, c.row);
    next.s.col = Math.min(next.s.col, c.col);
    next.e.row = Math.max(next.e.row, c.row);
    next.e.col = Math.max(next.e.col, c.col);
  }
  const ref = formatRange(next);
  if (ref === formatRange(range)) return xml;
  return xml.slice(0, m.index) + setAttr(m[0], 'ref', ref) + xml.slice(m.index + m[0].length);
}
