// Reads an upload into a Book of text Grids, refusing what is too big, encrypted, damaged or not a
// spreadsheet with a QmapError a user can act on. Macros are never run: SheetJS only reads cell values.
import type * as XLSX from 'xlsx';
import { QmapError } from '../errors.js';
import { decodeCsv } from './csv.js';
import { sheetGrid, type SizedGrid } from './grid.js';
import { acceptedTypes, inspect, shownKind, tooManySheets } from './inspect.js';
import { resolveListValues } from './lists.js';
import { cellFormats, sheetExtras, type SheetExtras } from './hints.js';
import { odsExtras } from './ods-hints.js';
import { cellAddress } from './package/a1.js';
import type { Package } from './package/package.js';
import { readCsv, readStoredCopy, readXls } from './package/sheetjs.js';
import { relsOfType, relType } from './package/rels.js';
import { checkSheetNameCharacters, readWorkbook, type WorkbookInfo } from './package/workbook.js';
import type { Book, FileKind, Grid, Limits } from './types.js';
import { unpack } from './unpack.js';
import { tooManyRows } from './expansion.js';

export { acceptedTypes } from './inspect.js';

/** The file's real kind, by its bytes first; QmapError('unsupported_type') naming the accepted types otherwise. */
export function sniffKind(bytes: Uint8Array, filename: string): FileKind {
  return inspect(bytes, filename).kind;
}

export function readBook(bytes: Uint8Array, filename: string, limits: Limits): Book {
  if (bytes.length > limits.uploadBytes) {
    throw new QmapError('too_large', `The file is ${mb(bytes.length)}, more than the upload limit of ${mb(limits.uploadBytes)}.`, {
      limit: 'uploadBytes',
      max: limits.uploadBytes,
      actual: bytes.length,
    });
  }
  const { kind, pkg, encrypted } = inspect(bytes, filename, limits.uncompressedBytes);
  if (encrypted) throw passwordProtected();
  const copy = pkg ? unpack(pkg, kind, limits) : null;
  const shown = shownKind(filename, kind);

  const wb = parse(bytes, kind, shown, limits, copy);
  if (wb.SheetNames.length > limits.sheets) throw tooManySheets(wb.SheetNames.length, limits);
  const info = pkg && kind !== 'ods' ? sheetList(pkg, wb) : null;
  const names = info ? info.sheets.map((s) => s.name) : wb.SheetNames;
  checkSheetNames(names, shown);
  const extras = info ? ooxmlExtras(pkg!, info) : kind === 'ods' && pkg ? odsExtras(pkg) : [];
  const formulas = extras.map((e) => e?.validations ?? []);

  const sheets: SizedGrid[] = wb.SheetNames.map((key, i) => {
    const name = names[i];
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    const ws = wb.Sheets[key];
    // SheetJS leaves out a sheet it could not parse (a broken shared-strings part, say) instead of failing.
    if (!ws) throw new QmapError('unreadable', `Sheet "${name.slice(0, 100)}" could not be read: the workbook is damaged. Open it in Excel, save it again as ${acceptedTypes}, and upload the new file.`);
    refuseLongCells(ws, name);
    const grid = sheetGrid(ws, name, hidden, extras[i] ?? {});
    checkSize(grid, limits);
    return grid;
  });
  const definedNames = (wb.Workbook?.Names ?? []).map((n) => ({ name: n.Name, ref: n.Ref, sheet: n.Sheet }));
  sheets.forEach((grid, i) => {
    grid.validations = (formulas[i] ?? []).map((v) => ({ range: v.range, values: resolveListValues(v.formula, grid, sheets, definedNames) }));
  });
  return { kind, sheets: sheets.map(({ truncated: _, ...grid }): Grid => grid) };
}

/** The workbook as SheetJS reads it; `copy` is the stored copy of a package's parts (unpack). */
function parse(bytes: Uint8Array, kind: FileKind, shown: FileKind, limits: Limits, copy: Uint8Array | null): XLSX.WorkBook {
  const common: XLSX.ParsingOptions = { dense: true, sheetRows: limits.rows + 1, cellHTML: false, cellDates: false };
  try {
    if (kind === 'csv') return readCsv(decodeCsv(bytes).text, common);
    const options: XLSX.ParsingOptions = {
      ...common,
      bookVBA: false,
      // xls and ods only report hidden rows and columns with styles on; for xlsx we read them ourselves.
      cellStyles: kind === 'xls' || kind === 'ods',
      // A sheet's <dimension> is a claim (A1:XFD1048576 on a seven-row sheet is common): rows are counted as read.
      nodim: kind === 'xlsx' || kind === 'xlsm',
    };
    return copy ? readStoredCopy(copy, options) : readXls(bytes, options);
  } catch (e) {
    if (e instanceof QmapError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw passwordProtected();
    throw new QmapError('unreadable', `The ${shown} file could not be read (${message.slice(0, 200)}). Open it in Excel, save it again as ${acceptedTypes}, and upload the new file.`);
  }
}

/**
 * An OOXML workbook's sheet list as the package layer reads it, the way the writer reads it, so an answer
 * is written to the sheet it was read from whatever characters the name holds; null (SheetJS's names are
 * used) when the two lists do not line up.
 */
function sheetList(pkg: Package, wb: XLSX.WorkBook): WorkbookInfo | null {
  const info = readWorkbook(pkg);
  if (info.sheets.length !== wb.SheetNames.length) return null;
  checkSheetNameCharacters(pkg, info);
  return info;
}

function ooxmlExtras(pkg: Package, wb: WorkbookInfo): (SheetExtras | undefined)[] {
  const dec = new TextDecoder();
  const stylesPart = relsOfType(wb.rels, relType.styles)[0]?.target;
  const styles = stylesPart ? pkg.bytes(stylesPart) : null;
  const formats = styles ? cellFormats(dec.decode(styles)) : { struck: new Set<number>(), looks: [] };
  return wb.sheets.map((sheet) => {
    const part = sheet.part ? pkg.bytes(sheet.part) : null;
    return part ? sheetExtras(part, formats) : undefined;
  });
}

/** Longest sheet name read; Excel allows 31 characters, other tools a little more. */
const MAX_SHEET_NAME = 255;

/** Answers find their sheet by name, so every sheet needs its own, as Excel requires (compared without case). */
function checkSheetNames(names: string[], kind: FileKind): void {
  const seen = new Set<string>();
  const again = `Open it in Excel (which renames or repairs such sheets), save it as ${acceptedTypes}, and upload the new file.`;
  for (const name of names) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    if (!name.trim()) throw new QmapError('unreadable', `The ${kind} file has a sheet without a name, which Excel does not allow. ${again}`);
    if (name.length > MAX_SHEET_NAME) {
      throw new QmapError('unreadable', `The ${kind} file has a sheet name of ${name.length} characters ("${shown}"), longer than any spreadsheet program allows. ${again}`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new QmapError('unreadable', `The ${kind} file has two sheets named "${shown}", which Excel does not allow; qmap could not tell their answers apart. ${again}`, { sheet: name });
    }
    seen.add(key);
  }
}

/** Excel holds at most 32,767 characters in a cell; a longer one is not a questionnaire, and matching it would take minutes. */
const MAX_CELL_CHARS = 32_767;
function refuseLongCells(ws: XLSX.WorkSheet, name: string): void {
  const data = ((ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as ((XLSX.CellObject | undefined)[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.v;
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        throw new QmapError('too_large', `Sheet "${name.slice(0, 100)}" has a cell (${cellAddress(r, c)}) with ${v.length} characters; Excel's limit is ${MAX_CELL_CHARS}. Shorten it and upload again.`, {
          limit: 'cellCharacters',
          max: MAX_CELL_CHARS,
          sheet: name.slice(0, 100),
        });
      }
    }
  }
}

function checkSize(grid: SizedGrid, limits: Limits): void {
  if (grid.truncated || grid.rowCount > limits.rows) throw tooManyRows(grid.name, limits);
  if (grid.colCount > limits.columns) {
    throw new QmapError('too_large', `Sheet "${grid.name}" uses ${grid.colCount} columns, more than the limit of ${limits.columns}. Delete the unused columns to the right of the table and upload it again.`, {
      limit: 'columns',
      max: limits.columns,
      actual: grid.colCount,
      sheet: grid.name,
    });
  }
}

const passwordProtected = () =>
  new QmapError('password_protected', 'The workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save, and upload it again.');

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
