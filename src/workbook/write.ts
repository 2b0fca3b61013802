// Writing the vendor's answers back into the customer's own workbook.
// The original package is patched part by part: every part qmap does not need is copied through, and
// in the answered sheets only the written cells change. Pure: same inputs, same bytes.
import type { Language } from '../domain.js';
import type { CellWrite, FileKind, Limits, ReviewLine } from './types.js';
import { formatAddress, parseAddress } from './package/a1.js';
import { addContentType, isMacroEnabled } from './package/content-types.js';
import type { Package, Source } from './package/package.js';
import { addRel, readRels, relsOfType, relType } from './package/rels.js';
import { readWorkbook, type WorkbookInfo } from './package/workbook.js';
import { cleanText } from './package/xml.js';
import { patchCells, type CellEdit, type RowTagOf } from './writer/cells.js';
import { defaultRowHeightOf, grownRowTag, heightFor, rowHeightsIn, type Font, type Measures } from './writer/fit.js';
import { addNotes, type Note } from './writer/comments.js';
import { recalculateOnOpen } from './writer/calc.js';
import { addReviewSheet } from './writer/review-sheet.js';
import { reusingBuffers } from './writer/bytes.js';
import { openOriginal } from './writer/original.js';
import { takeBackFormerReview, takeBackMarks } from './writer/former-review.js';
import { coverInDimension, readSheetInfo, type SheetInfo } from './writer/sheet.js';
import { formulaLike, MINIMAL_STYLES, Styles, type Look } from './writer/styles.js';
import { Splices } from './writer/splice.js';

export interface WriteResult {
  /** Always an OOXML package: .xlsm when the package is a macro-enabled workbook, else .xlsx. */
  bytes: Uint8Array;
  extension: 'xlsx' | 'xlsm';
  /** False for .xls, .ods and .csv input, which come back as a new .xlsx with values only. */
  formattingPreserved: boolean;
  /** Writes not made, and why (the cell was already filled, the sheet does not exist, …). */
  skipped: { sheet: string; cell: string; reason: string }[];
}

export interface WriteOptions {
  /** The limits the upload was read with: the stored original is unpacked under them again. */
  limits?: Limits;
  /** Leave every row's height as it is, even where an answer is clipped (QMAP_KEEP_ROW_HEIGHTS); by default rows grow to fit. */
  keepRowHeights?: boolean;
  /** The questionnaire's language: the review sheet's name and words. Japanese unless told. */
  language?: Language;
}

/** What an upload may be when no limits are given (the defaults of QMAP_MAX_*). */
const DEFAULT_LIMITS: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

/** Excel refuses cells longer than this. */
const MAX_CELL_CHARS = 32767;

export function writeAnswers(original: Uint8Array, kind: FileKind, writes: CellWrite[], review: ReviewLine[], options: WriteOptions = {}): WriteResult {
  return reusingBuffers(() => write(original, kind, writes, review, options));
}

function write(original: Uint8Array, kind: FileKind, asked: CellWrite[], review: ReviewLine[], options: WriteOptions): WriteResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const preserved = kind === 'xlsx' || kind === 'xlsm';
  const pkg = openOriginal(original, kind, limits, asked);
  const wb = readWorkbook(pkg);
  const { writes, copy } = preserved ? takeBackFormerReview(pkg, wb, limits, asked) : { writes: asked, copy: null };
  const styles = new Styles(stylesXml(pkg, wb));
  if (preserved) for (const s of wb.sheets) if (s.isWorksheet && s.part) takeBackMarks(pkg, s.part, styles, copy?.flagged.get(s.name));
  const skipped: WriteResult['skipped'] = [];

  // Before the sheets are patched: the formulas looked for are the customer's.
  if (writes.length > 0) recalculateOnOpen(pkg, wb);
  for (const [sheetName, sheetWrites] of groupBySheet(writes)) {
    const sheet = wb.sheets.find((s) => s.name === sheetName);
    const source = sheet?.part ? pkg.source(sheet.part) : null;
    if (!sheet || !sheet.isWorksheet || source === null) {
      const reason = sheet ? 'the sheet is not a worksheet' : 'no sheet with this name';
      for (const w of sheetWrites) skipped.push({ sheet: sheetName, cell: w.cell, reason });
      continue;
    }
    const result = writeSheet(pkg, sheet.part!, source, sheetWrites, styles, options.keepRowHeights ?? false);
    for (const s of result.skipped) skipped.push({ sheet: sheetName, ...s });
  }

  const stylesPart = stylesPartOf(pkg, wb);
  if (review.length > 0) addReviewSheet(pkg, wb, styles, review, options.language ?? 'ja', limitLength);
  const stylesOut = styles.result();
  if (stylesOut !== null) pkg.setText(stylesPart, stylesOut);

  return { bytes: pkg.write(), extension: isMacroEnabled(pkg) ? 'xlsm' : 'xlsx', formattingPreserved: preserved, skipped };
}

interface Edit extends CellEdit {
  write: CellWrite;
  look: Look;
  /** The cell format the cell is written with, once chosen. */
  style?: number;
}

// The eight ways a written cell can look, made once rather than once per cell.
const LOOKS: Look[] = Array.from({ length: 8 }, (_, i) => ({ wrap: (i & 4) !== 0, highlight: (i & 2) !== 0, quotePrefix: (i & 1) !== 0 }));

function writeSheet(pkg: Package, part: string, source: Source, writes: CellWrite[], styles: Styles, keepRowHeights: boolean): { skipped: { cell: string; reason: string }[] } {
  const xml = source.text;
  const info = readSheetInfo(xml);
  const skipped: { cell: string; reason: string }[] = [];
  const taken = new Set<number>();
  const edits: Edit[] = [];
  for (const write of writes) {
    const parsed = parseAddress(write.cell);
    if (!parsed) {
      skipped.push({ cell: write.cell, reason: 'not a cell address' });
      continue;
    }
    // A write into a merged range goes to its top-left cell, the only one Excel shows.
    const at = info.mergeAnchor(parsed);
    const key = at.row * 16384 + at.col;
    if (taken.has(key)) {
      skipped.push({ cell: write.cell, reason: `${formatAddress(at)} is already written by another answer` });
      continue;
    }
    taken.add(key);
    const text = limitLength(cleanText(write.text));
    const look = LOOKS[(text !== '' ? 4 : 0) + (write.flag ? 2 : 0) + (formulaLike(text) ? 1 : 0)];
    edits.push({ row: at.row, col: at.col, text, write, look, overwrite: write.overwrite });
  }

  // Every change is a replacement in the original text, applied once as bytes.
  const changes = new Splices();
  coverInDimension(xml, edits, changes);
  const styleOf = (current: number, e: Edit) => (e.style = styles.cellStyle(current, e.look));
  const patched = patchCells(xml, edits, info, styleOf, changes, keepRowHeights ? undefined : rowFitter(xml, info, styles));
  const filled = new Set(patched.filled);
  for (const e of patched.filled) skipped.push({ cell: e.write.cell, reason: 'the cell already has a value' });

  const notes: Note[] = [];
  for (const e of edits) if (e.write.flag && !filled.has(e)) notes.push({ row: e.row, col: e.col, text: e.write.flag.comment });
  addNotes(pkg, part, xml, notes, changes);
  if (changes.size > 0) pkg.setBytes(part, changes.render(source));
  return { skipped };
}

/** A row's tag grown to show its written texts in full (see fit.ts); merged cells count their full width and height. */
function rowFitter(xml: string, info: SheetInfo, styles: Styles): RowTagOf<Edit> {
  const font = styles.defaultFont();
  const measures: Measures = { defaultFont: font, defaultRowHeight: info.defaultRowHeight ?? defaultRowHeightOf(font.size) };
  let heights: Map<number, number> | null = null;
  // The same answers recur down a sheet: each is measured once per width and font.
  const measured = new Map<string, number>();
  const heightOf = (text: string, width: number, font: Font) => {
    const key = `${width}\u0000${font.size}\u0000${font.name}\u0000${text}`;
    let h = measured.get(key);
    if (h === undefined) measured.set(key, (h = heightFor(text, width, font, measures)));
    return h;
  };
  return (tag, row, edits) => {
    let needed = 0;
    for (const e of edits) {
      // A cell left as the customer filled it has no style chosen: nothing of qmap's to show.
      if (e.text === '' || e.style === undefined) continue;
      const merge = info.mergeOf(e) ?? { s: e, e };
      let width = 0;
      for (let c = merge.s.col; c <= merge.e.col; c++) width += info.colWidth(c);
      if (width <= 0) continue;
      let height = heightOf(e.text, width, styles.fontOf(e.style));
      if (merge.e.row > row) {
        // The rows below in the merge show part of the text: this row grows by what they lack.
        heights ??= rowHeightsIn(xml, measures);
        for (let r = row + 1; r <= merge.e.row; r++) height -= heights.get(r) ?? measures.defaultRowHeight;
      }
      needed = Math.max(needed, height);
    }
    return grownRowTag(tag, needed, measures);
  };
}

function groupBySheet(writes: CellWrite[]): Map<string, CellWrite[]> {
  const groups = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = groups.get(w.sheet);
    if (list) list.push(w);
    else groups.set(w.sheet, [w]);
  }
  return groups;
}

function limitLength(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  // Do not cut a surrogate pair in half.
  const cut = /[\uD800-\uDBFF]/.test(text[MAX_CELL_CHARS - 1]) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return text.slice(0, cut);
}

function stylesPartOf(pkg: Package, wb: WorkbookInfo): string {
  return relsOfType(readRels(pkg, wb.part), relType.styles)[0]?.target ?? 'xl/styles.xml';
}

/** The workbook's styles.xml; a minimal one is added when the package has none. */
function stylesXml(pkg: Package, wb: WorkbookInfo): string {
  const part = stylesPartOf(pkg, wb);
  const xml = pkg.text(part);
  if (xml !== null) return xml;
  pkg.setText(part, MINIMAL_STYLES);
  addRel(pkg, wb.part, relType.styles, part);
  addContentType(pkg, 'Override', `/${part}`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  return MINIMAL_STYLES;
}
