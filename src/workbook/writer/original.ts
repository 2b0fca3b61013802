// The stored original, opened again to be written into: an .xlsx/.xlsm package checked as its upload was, or an
// .xls, .ods or .csv converted to a new .xlsx holding its values. A converted workbook has no formatting of the
// customer's to keep, so qmap sizes its columns to their text (and the answers it writes) to make it readable.
import * as XLSX from 'xlsx';
import { QmapError } from '../../errors.js';
import { decodeCsv } from '../csv.js';
import { parseAddress } from '../package/a1.js';
import { Package } from '../package/package.js';
import { readCsv, readStoredCopy, readXls, writeXlsx } from '../package/sheetjs.js';
import type { CellWrite, FileKind, Limits } from '../types.js';
import { unpack } from '../unpack.js';
import { widthFor } from './fit.js';

/** The widest a converted column is made, in digits: longer texts wrap. */
const MAX_WIDTH = 60;
/** Excel's default column width, in digits. */
const DEFAULT_WIDTH = 8.43;

/** The stored original as a package to write into (an .xls, .ods or .csv converted to .xlsx first). */
export function openOriginal(bytes: Uint8Array, kind: FileKind, limits: Limits, writes: CellWrite[]): Package {
  if (kind === 'xlsx' || kind === 'xlsm') return openPackage(bytes, limits);
  return Package.open(convertToXlsx(bytes, kind, limits, writes), Number.MAX_SAFE_INTEGER);
}

/** The stored original, checked as its upload was: a package that is not what it says is refused, never inflated past the limits. */
function openPackage(bytes: Uint8Array, limits: Limits): Package {
  try {
    return Package.open(bytes, limits.uncompressedBytes);
  } catch (e) {
    if (e instanceof QmapError) throw e;
    throw new QmapError('unreadable', 'The workbook could not be opened as a zip package.', { cause: String(e) });
  }
}

/** .xls, .ods and .csv become an .xlsx holding their values, its columns as wide as their text and the answers written into them. */
function convertToXlsx(bytes: Uint8Array, kind: FileKind, limits: Limits, writes: CellWrite[]): Uint8Array {
  try {
    const book = readOriginal(bytes, kind, limits);
    sizeColumns(book, writes);
    return writeXlsx(book);
  } catch (e) {
    if (e instanceof QmapError) throw e;
    throw new QmapError('unreadable', `The ${kind} file could not be converted to .xlsx.`, { cause: e instanceof Error ? e.message : String(e) });
  }
}

function readOriginal(bytes: Uint8Array, kind: FileKind, limits: Limits): XLSX.WorkBook {
  const options = { cellNF: true, cellFormula: true, dense: true };
  // Decoded and parsed as the reader does (raw: "1-1" stays text), so cells are where detection found them.
  if (kind === 'csv') return readCsv(decodeCsv(bytes).text, { dense: true });
  if (kind === 'xls') return readXls(bytes, options);
  return readStoredCopy(unpack(openPackage(bytes, limits), kind, limits), options);
}

/** Each column as wide as its widest line of text (its cells' and the answers for it), between the default and MAX_WIDTH; never narrower than it was. */
function sizeColumns(book: XLSX.WorkBook, writes: CellWrite[]): void {
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    const widths: number[] = [];
    const widen = (col: number, text: string) => (widths[col] = Math.max(widths[col] ?? 0, Math.min(MAX_WIDTH, widthFor(text))));
    const rows = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    for (const row of rows) row?.forEach((cell, c) => cell && widen(c, String(cell.w ?? cell.v ?? '')));
    for (const w of writes) {
      const at = w.sheet === name ? parseAddress(w.cell) : null;
      if (at) widen(at.col - 1, w.text);
    }
    const cols = (ws['!cols'] ??= []);
    widths.forEach((width, c) => {
      if (width > DEFAULT_WIDTH && width > (cols[c]?.wch ?? 0)) cols[c] = { ...cols[c], wch: width };
    });
  }
}
