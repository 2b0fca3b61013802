// The one place qmap calls SheetJS: reading cell values, converting .xls/.ods/.csv to .xlsx, and looking
// inside an OLE container. SheetJS never inflates a package here: qmap inflates every part itself (capped
// and checked, see inflate.ts) and hands SheetJS a copy with stored entries through the public XLSX.read,
// so no limit depends on SheetJS's own zip reader. Macros are never run: SheetJS only reads cell values.
import * as XLSX from 'xlsx';
import { QmapError } from '../../errors.js';

/** The parts SheetJS reads from a package: XML, relationships, VML and the ODF mimetype; never media or binaries. */
export function readBySheetJS(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name) || name === 'mimetype';
}

/**
 * SheetJS reports what it makes of odd files on the console ("ODS number format may be incorrect: …",
 * "Could not parse defined name …"): unstructured lines in the JSON log, and some quote the customer's
 * workbook, which logs must never hold. Its calls are synchronous, so silencing the console for the
 * length of one call silences nothing else.
 */
export function quietly<T>(call: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  try {
    return call();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

/** A package's cells as SheetJS reads them, from a stored copy of the parts it reads (Package.storedCopy). */
export function readStoredCopy(copy: Uint8Array, options: XLSX.ParsingOptions): XLSX.WorkBook {
  return quietly(() => XLSX.read(copy, { ...options, type: 'buffer' }));
}

/** An .xls (an OLE container, which holds nothing compressed) as SheetJS reads it. */
export function readXls(bytes: Uint8Array, options: XLSX.ParsingOptions): XLSX.WorkBook {
  return quietly(() => XLSX.read(bytes, { ...options, type: 'buffer' }));
}

/** CSV text as SheetJS reads it; raw keeps "1-1" and "001" as the customer typed them instead of guessing dates and numbers. */
export function readCsv(text: string, options: XLSX.ParsingOptions): XLSX.WorkBook {
  return quietly(() => XLSX.read(text, { ...options, type: 'string', raw: true }));
}

/** The stream paths of an OLE container (an .xls, or an encrypted OOXML package); QmapError when it is damaged. */
export function oleStreams(bytes: Uint8Array): string[] {
  try {
    return (XLSX.CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[] }).FullPaths;
  } catch {
    throw new QmapError('unreadable', 'The file looks like an old-style Excel workbook (.xls) but is damaged. Save it again from Excel and upload the new file.');
  }
}

/** A workbook SheetJS has read, written as an .xlsx holding its values (formatting is not carried over). */
export function writeXlsx(book: XLSX.WorkBook): Uint8Array {
  fillEmptyRows(book);
  return new Uint8Array(quietly(() => XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true })));
}

/**
 * A dense sheet leaves an empty row out of its rows (a hole), and SheetJS's xlsx writer reads every row it
 * spans: a blank line between a title and the table, in nearly every questionnaire, made the write fail.
 */
function fillEmptyRows(book: XLSX.WorkBook): void {
  for (const name of book.SheetNames) {
    const rows = (book.Sheets[name] as { '!data'?: unknown[][] })['!data'];
    if (rows) for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  }
}
