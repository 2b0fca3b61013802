// Looks at an upload's container before anything is parsed: what kind of file it really is (by its
// bytes, not its name), whether it is encrypted, and, for a zip, its checked directory. Nothing here
// inflates more than the package's content types or an ODF mimetype.
import { QmapError } from '../errors.js';
import { isMacroEnabled } from './package/content-types.js';
import { Package } from './package/package.js';
import { oleStreams } from './package/sheetjs.js';
import type { FileKind, Limits } from './types.js';

export const acceptedTypes = '.xlsx, .xlsm, .xls, .ods or .csv';

export interface Inspection {
  kind: FileKind;
  /** The package of an xlsx/xlsm/ods upload, opened but not inflated; null for xls and csv. */
  pkg: Package | null;
  /** An OLE container holding an encrypted OOXML package (what Excel writes for "Encrypt with Password"). */
  encrypted: boolean;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
const isOle = (b: Uint8Array) =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

function unsupported(what: string): QmapError {
  return new QmapError('unsupported_type', `${what} qmap reads questionnaires saved as ${acceptedTypes}.`, {
    accepted: ['xlsx', 'xlsm', 'xls', 'ods', 'csv'],
  });
}

/** Content types and mimetypes are a few KB; a bigger one is not read to learn the kind. */
const SMALL_PART = 4 << 20;

function smallPart(pkg: Package, name: string): string {
  const bytes = pkg.has(name) && pkg.size(name) <= SMALL_PART ? pkg.bytes(name) : null;
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : '';
}

function zipKind(pkg: Package): FileKind {
  if (pkg.has('xl/workbook.xml') || /spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/i.test(smallPart(pkg, '[Content_Types].xml'))) {
    // A VBA part alone does not make a macro-enabled workbook; the workbook's content type does.
    return isMacroEnabled(pkg) ? 'xlsm' : 'xlsx';
  }
  if (pkg.has('mimetype') || pkg.has('content.xml')) {
    const mime = smallPart(pkg, 'mimetype').trim();
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (mime === '' && pkg.has('content.xml'))) return 'ods';
    throw unsupported(`This is an OpenDocument file of type "${mime.slice(0, 100)}", not a spreadsheet.`);
  }
  if (pkg.has('xl/workbook.bin')) throw unsupported('This is an Excel binary workbook (.xlsb), which qmap does not read; save it as .xlsx.');
  if (pkg.has('word/document.xml')) throw unsupported('This is a Word document, not a spreadsheet.');
  if (pkg.has('ppt/presentation.xml')) throw unsupported('This is a PowerPoint file, not a spreadsheet.');
  throw unsupported('This is a zip archive, not a spreadsheet.');
}

function oleKind(bytes: Uint8Array): { kind: FileKind; encrypted: boolean } {
  const paths = oleStreams(bytes);
  const has = (name: string) => paths.some((p) => p.endsWith('/' + name));
  if (has('EncryptedPackage')) return { kind: 'xlsx', encrypted: true };
  if (has('Workbook') || has('Book')) return { kind: 'xls', encrypted: false };
  if (has('WordDocument')) throw unsupported('This is a Word document, not a spreadsheet.');
  throw unsupported('This file is an OLE container without a workbook.');
}

function textKind(bytes: Uint8Array): FileKind {
  const head = bytes.subarray(0, 8192);
  // Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'csv';
  if (head.includes(0)) throw unsupported('This file is binary data, not a spreadsheet.');
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x3c /* < */) throw unsupported('This file is HTML or XML (perhaps a web page or an Excel 2003 XML file renamed), not a spreadsheet.');
  if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46) throw unsupported('This is a PDF, not a spreadsheet.');
  if (!tableLike(head)) throw unsupported('This is plain text without columns (no commas, tabs or semicolons between values), not a spreadsheet or a CSV export.');
  return 'csv';
}

/**
 * Whether text reads as a table: most of its first lines hold a separator (comma, tab or semicolon) between
 * values. A Shift_JIS file is judged by its ASCII separators, which it shares with UTF-8.
 */
function tableLike(head: Uint8Array): boolean {
  const lines = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1').split(/\r\n|\n|\r/).filter((l) => l.trim()).slice(0, 20);
  const withSeparator = lines.filter((l) => /[,\t;]/.test(l)).length;
  return withSeparator > 0 && withSeparator >= lines.length / 2;
}

/**
 * What the bytes are, trusting content over the file name. A zip's directory is checked, and its parts
 * may declare `maxBytes` together at most (QmapError 'too_large' otherwise).
 */
export function inspect(bytes: Uint8Array, filename: string, maxBytes = Number.MAX_SAFE_INTEGER): Inspection {
  if (bytes.length === 0) throw new QmapError('unreadable', `The file "${filename}" is empty (0 bytes). Upload the questionnaire saved as ${acceptedTypes}.`);
  if (isZip(bytes)) {
    const pkg = Package.open(bytes, maxBytes);
    return { kind: zipKind(pkg), pkg, encrypted: false };
  }
  if (isOle(bytes)) {
    const { kind, encrypted } = oleKind(bytes);
    return { kind: encrypted && /\.xlsm$/i.test(filename) ? 'xlsm' : kind, pkg: null, encrypted };
  }
  return { kind: textKind(bytes), pkg: null, encrypted: false };
}

/**
 * The kind to name in messages: the extension the user uploaded when it is one of the spreadsheet kinds
 * qmap reads and the content agrees with it in family (a workbook read as xlsm is still the user's .xlsx),
 * else what the content is.
 */
export function shownKind(filename: string, kind: FileKind): FileKind {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const ooxml = (k: string | undefined) => k === 'xlsx' || k === 'xlsm';
  return ooxml(ext) && ooxml(kind) ? (ext as FileKind) : kind;
}

/** Refuses a package with more sheets than the limit, counted from its part names before anything is inflated. */
export function checkSheetCount(pkg: Package, limits: Limits): void {
  const sheets = pkg.names().filter((n) => /^xl\/(worksheets|chartsheets)\/[^/]+\.xml$/i.test(n)).length;
  if (sheets > limits.sheets) throw tooManySheets(sheets, limits);
}

export function tooManySheets(count: number, limits: Limits): QmapError {
  return new QmapError('too_large', `The workbook has ${count} sheets, more than the limit of ${limits.sheets}. Upload only the sheets with questions.`, {
    limit: 'sheets',
    max: limits.sheets,
    actual: count,
  });
}
