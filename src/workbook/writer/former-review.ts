// A review copy uploaded again carries what qmap wrote into the earlier download: its review sheet and, in the
// customer's cells, its guesses for rows nobody confirmed. Both copies of the new upload take them back: the
// old review sheet goes (the review copy gets a new one), and a guess is written over or emptied, so what the
// vendor sends holds no answer of qmap's that nobody confirmed.
import { sheetGrid } from '../grid.js';
import type { Package, Source } from '../package/package.js';
import { getAttr, setAttr } from '../package/xml.js';
import { removeQmapNotes } from './former-notes.js';
import { Splices } from './splice.js';
import type { Styles } from './styles.js';
import { removeSheet } from '../package/remove-sheet.js';
import { readBySheetJS, readStoredCopy } from '../package/sheetjs.js';
import type { WorkbookInfo } from '../package/workbook.js';
import { reviewCopyOf, type ReviewCopy } from '../review-copy.js';
import type { Book, CellWrite, Limits } from '../types.js';
import { isReviewSheet } from '../vocabulary.js';

/** qmap's review sheet in the package, read with the customer's sheets; null when the package has none. */
function formerReview(pkg: Package, wb: WorkbookInfo, limits: Limits): ReviewCopy | null {
  if (!wb.sheets.some((s) => isReviewSheet(s.name))) return null;
  const read = readStoredCopy(pkg.storedCopy(pkg.names().filter(readBySheetJS)), { dense: true, sheetRows: limits.rows + 1, cellHTML: false, cellDates: false, bookVBA: false, nodim: true });
  const names = read.SheetNames.length === wb.sheets.length ? wb.sheets.map((s) => s.name) : read.SheetNames;
  const book: Book = { kind: 'xlsx', sheets: read.SheetNames.flatMap((key, i) => (read.Sheets[key] ? [sheetGrid(read.Sheets[key], names[i], false)] : [])) };
  return reviewCopyOf(book);
}

/**
 * Takes qmap's old review sheet out of the package and returns the writes to make instead of `writes`: each
 * cell still holding a guess of qmap's is written over, or given back what it held before qmap wrote.
 */
export function takeBackFormerReview(pkg: Package, wb: WorkbookInfo, limits: Limits, writes: CellWrite[]): { writes: CellWrite[]; copy: ReviewCopy | null } {
  const copy = formerReview(pkg, wb, limits);
  const sheet = copy && wb.sheets.find((s) => s.name === copy.sheet);
  if (!copy || !sheet) return { writes, copy: null };
  removeSheet(pkg, wb, sheet);
  const key = (w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell.replace(/\$/g, '').toUpperCase()}`;
  const guesses = new Map(copy.guesses.map((g) => [key(g), g]));
  const over = writes.map((w) => (guesses.has(key(w)) ? { ...w, overwrite: true } : w));
  const written = new Set(writes.map(key));
  const cleared = copy.guesses.filter((g) => !written.has(key(g))).map((g): CellWrite => ({ sheet: g.sheet, cell: g.cell, text: g.was, overwrite: true }));
  return { writes: [...over, ...cleared], copy };
}

/** What qmap left in a sheet of an earlier download: its notes, and its highlight on the cells it flagged (A1, by `flagged`). */
export function takeBackMarks(pkg: Package, part: string, styles: Styles, flagged: Set<string> | undefined): void {
  let source: Source | null = null;
  const text = () => (source ??= pkg.source(part)!).text;
  const edits = new Splices();
  removeQmapNotes(pkg, part, text, edits, flagged);
  if (flagged?.size) unhighlight(text(), flagged, styles, edits);
  if (edits.size > 0) pkg.setBytes(part, edits.render(source!));
}

/**
 * The flagged cells' formats without qmap's highlight, which replaced the customer's fill: of the formats it may
 * have been copied from, the one the column's other cells use most (an answer column's own colour, say).
 */
function unhighlight(xml: string, flagged: Set<string>, styles: Styles, edits: Splices): void {
  const used = new Map<string, number>();
  const marked: { at: number; tag: string; column: string; sources: number[] }[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*>/g)) {
    const ref = (getAttr(m[0], 'r') ?? '').toUpperCase();
    const column = ref.replace(/\d+$/, '');
    const s = Number(getAttr(m[0], 's') ?? 0);
    const sources = flagged.has(ref) ? styles.highlightSources(s) : null;
    if (sources) marked.push({ at: m.index, tag: m[0], column, sources });
    else used.set(`${column}:${s}`, (used.get(`${column}:${s}`) ?? 0) + 1);
  }
  for (const { at, tag, column, sources } of marked) {
    const uses = (s: number) => used.get(`${column}:${s}`) ?? 0;
    const best = sources.reduce((a, b) => (uses(b) > uses(a) ? b : a));
    edits.replace(at, at + tag.length, setAttr(tag, 's', String(best)));
  }
}
