// Reads an upload into a Book of text Grids, refusing what is too big, encrypted or not a spreadsheet
// with a QmapError a user can act on. Macros are never run: SheetJS only reads cell values.
import * as XLSX from 'xlsx';
import { QmapError } from '../errors.js';
import { decodeCsv } from './csv.js';
import { sheetGrid, type SizedGrid } from './grid.js';
import { acceptedTypes, checkInflatedSize, checkZipLimits, inspect, tooManySheets } from './inspect.js';
import { resolveListValues } from './lists.js';
import { cellFormats, sheetExtras, sheetPartPaths, type SheetExtras } from './hints.js';
import { odsExtras } from './ods-hints.js';
import type { Book, FileKind, Grid, Limits } from './types.js';
import { inflatePackage, type ZipContainer } from './unzip.js';
import { quietly } from './quiet.js';

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
  const { kind, entries, encrypted } = inspect(bytes, filename);
  if (encrypted) throw passwordProtected();
  let zip: ZipContainer | null = null;
  if (entries.length) {
    checkZipLimits(entries, limits);
    // One native inflate for the size check and for SheetJS; anything unusual is counted by streaming instead.
    zip = inflatePackage(bytes, limits.uncompressedBytes);
    if (!zip) checkInflatedSize(bytes, limits);
  }

  const wb = quietly(() => parse(bytes, kind, limits, zip));
  if (wb.SheetNames.length > limits.sheets) throw tooManySheets(wb.SheetNames.length, limits);
  checkSheetNames(wb, kind);
  const extras = kind === 'xlsx' || kind === 'xlsm' ? ooxmlExtras(wb) : kind === 'ods' ? odsExtras(bytes) : [];
  const formulas = extras.map((e) => e?.validations ?? []);

  const sheets: SizedGrid[] = wb.SheetNames.map((name, i) => {
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    const ws = wb.Sheets[name];
    // SheetJS leaves out a sheet it could not parse (a broken shared-strings part, say) instead of failing.
    if (!ws) throw new QmapError('unreadable', `Sheet "${name.slice(0, 100)}" could not be read: the workbook is damaged. Open it in Excel, save it again as ${acceptedTypes}, and upload the new file.`);
    refuseLongCells(ws, name);
    const grid = sheetGrid(ws, name, hidden, extras[i] ?? {});
    checkSize(grid, limits);
    return grid;
  });
  const names = (wb.Workbook?.Names ?? []).map((n) => ({ name: n.Name, ref: n.Ref, sheet: n.Sheet }));
  sheets.forEach((grid, i) => {
    grid.validations = (formulas[i] ?? []).map((v) => ({ range: v.range, values: resolveListValues(v.formula, grid, sheets, names) }));
  });
  return { kind, sheets: sheets.map(({ truncated: _, ...grid }): Grid => grid) };
}

function parse(bytes: Uint8Array, kind: FileKind, limits: Limits, zip: ZipContainer | null): XLSX.WorkBook {
  const common: XLSX.ParsingOptions = { dense: true, sheetRows: limits.rows + 1, cellHTML: false, cellDates: false };
  try {
    if (kind === 'csv') {
      const { text } = decodeCsv(bytes);
      // raw: keep "1-1" and "001" as the customer typed them instead of guessing dates and numbers.
      return XLSX.read(text, { ...common, type: 'string', raw: true });
    }
    const options: XLSX.ParsingOptions = {
      ...common,
      type: 'buffer',
      bookFiles: kind === 'xlsx' || kind === 'xlsm',
      bookVBA: false,
      // xls and ods only report hidden rows and columns with styles on; for xlsx we read them ourselves.
      cellStyles: kind === 'xls' || kind === 'ods',
    };
    if (!zip) return XLSX.read(bytes, options);
    // XLSX.read does this before it hands a zip to parse_zip.
    if (options.cellStyles) Object.assign(options, { cellNF: true, sheetStubs: true });
    return (XLSX as unknown as { parse_zip(zip: ZipContainer, o: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip(zip, options);
  } catch (e) {
    if (e instanceof QmapError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw passwordProtected();
    throw new QmapError('unreadable', `The ${kind} file could not be read (${message.slice(0, 200)}). Open it in Excel, save it again as ${acceptedTypes}, and upload the new file.`);
  }
}

interface BookFiles {
  files?: Record<string, { content?: Uint8Array }>;
}

function ooxmlExtras(wb: XLSX.WorkBook): (SheetExtras | undefined)[] {
  const files = (wb as BookFiles).files ?? {};
  const part = (path: string) => files[path]?.content;
  const dec = new TextDecoder();
  const rels = part('xl/_rels/workbook.xml.rels');
  const styles = part('xl/styles.xml');
  const relIds = (wb.Workbook?.Sheets ?? []).map((s) => (s as { id?: string }).id);
  const paths = rels ? sheetPartPaths(dec.decode(rels), relIds) : [];
  const formats = styles ? cellFormats(dec.decode(styles)) : { struck: new Set<number>(), looks: [] };
  const out = wb.SheetNames.map((_, i) => {
    const p = paths[i] ? part(paths[i]!) : undefined;
    return p ? sheetExtras(p, formats) : undefined;
  });
  // The inflated parts are no longer needed; let them go before detection runs.
  delete (wb as BookFiles).files;
  return out;
}

/** Longest sheet name read; Excel allows 31 characters, other tools a little more. */
const MAX_SHEET_NAME = 255;

/** Answers find their sheet by name, so every sheet needs its own, as Excel requires (compared without case). */
function checkSheetNames(wb: XLSX.WorkBook, kind: FileKind): void {
  const seen = new Set<string>();
  const again = `Open it in Excel (which renames or repairs such sheets), save it as ${acceptedTypes}, and upload the new file.`;
  for (const name of wb.SheetNames) {
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
        throw new QmapError('too_large', `Sheet "${name.slice(0, 100)}" has a cell (${XLSX.utils.encode_cell({ r, c })}) with ${v.length} characters; Excel's limit is ${MAX_CELL_CHARS}. Shorten it and upload again.`, {
          limit: 'cellCharacters',
          max: MAX_CELL_CHARS,
          sheet: name.slice(0, 100),
        });
      }
    }
  }
}

function checkSize(grid: SizedGrid, limits: Limits): void {
  if (grid.truncated || grid.rowCount > limits.rows) {
    throw new QmapError('too_large', `Sheet "${grid.name}" has more than ${limits.rows} rows, the limit for one sheet. Delete the unused rows below the table and upload it again.`, {
      limit: 'rows',
      max: limits.rows,
      sheet: grid.name,
    });
  }
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
