// Looks at an upload's container before anything is parsed: what kind of file it really is
// (by its bytes, not its name), whether it is encrypted, and whether its zip directory
// promises more than the limits allow. Nothing here inflates a workbook's sheets.
import { Unzip, UnzipInflate, unzipSync, strFromU8 } from 'fflate';
import { CFB } from 'xlsx';
import { QmapError } from '../errors.js';
import type { FileKind, Limits } from './types.js';

export const acceptedTypes = '.xlsx, .xlsm, .xls, .ods or .csv';

export interface ZipEntry {
  name: string;
  /** Uncompressed size as the zip directory declares it. */
  originalSize: number;
}

export interface Inspection {
  kind: FileKind;
  /** The zip directory of xlsx/xlsm/ods uploads; empty for xls and csv. */
  entries: ZipEntry[];
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

const unreadableZip = () =>
  new QmapError('unreadable', 'The file looks like an Excel or OpenDocument workbook but its zip structure is damaged (truncated or corrupt). Save it again from Excel and upload the new file.');

/** The zip directory, read without inflating anything. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        entries.push({ name: f.name, originalSize: f.originalSize });
        return false;
      },
    });
  } catch {
    throw unreadableZip();
  }
  return entries;
}

/**
 * Streams the zip through fflate in 64 KiB slices, handing each wanted member's inflated chunks to `take`,
 * and stops as soon as `take` says so: a member whose directory entry lies about its size can never
 * inflate much past what we asked for.
 */
function streamZip(bytes: Uint8Array, wanted: (name: string) => boolean, take: (name: string, chunk: Uint8Array) => boolean): 'done' | 'stopped' | 'broken' {
  let state: 'done' | 'stopped' | 'broken' = 'done';
  const unzip = new Unzip((file) => {
    if (state !== 'done' || !wanted(file.name)) return;
    file.ondata = (err, chunk) => {
      if (err) state = 'broken';
      else if (state === 'done' && !take(file.name, chunk)) {
        state = 'stopped';
        file.terminate();
      }
    };
    try {
      file.start();
    } catch {
      state = 'broken';
    }
  });
  unzip.register(UnzipInflate);
  const slice = 1 << 16;
  try {
    for (let i = 0; i < bytes.length && state === 'done'; i += slice) unzip.push(bytes.subarray(i, i + slice), i + slice >= bytes.length);
  } catch {
    if (state === 'done') state = 'broken';
  }
  return state;
}

/** One small zip member as text (content types, mimetype); '' when absent or bigger than what we expect. */
function smallEntry(bytes: Uint8Array, name: string, maxBytes = 1 << 20): string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const state = streamZip(bytes, (n) => n === name, (_n, chunk) => {
    size += chunk.length;
    chunks.push(chunk);
    return size <= maxBytes;
  });
  if (state === 'broken') throw unreadableZip();
  if (state === 'stopped') return '';
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return strFromU8(all);
}

function zipKind(bytes: Uint8Array, entries: ZipEntry[]): FileKind {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) {
    const types = smallEntry(bytes, '[Content_Types].xml');
    return /macroEnabled/i.test(types) || names.has('xl/vbaProject.bin') ? 'xlsm' : 'xlsx';
  }
  if (names.has('mimetype') || names.has('content.xml')) {
    const mime = smallEntry(bytes, 'mimetype', 200).trim();
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (mime === '' && names.has('content.xml'))) return 'ods';
    throw unsupported(`This is an OpenDocument file of type "${mime}", not a spreadsheet.`);
  }
  if (names.has('xl/workbook.bin')) throw unsupported('This is an Excel binary workbook (.xlsb), which qmap does not read; save it as .xlsx.');
  if (names.has('word/document.xml')) throw unsupported('This is a Word document, not a spreadsheet.');
  if (names.has('ppt/presentation.xml')) throw unsupported('This is a PowerPoint file, not a spreadsheet.');
  throw unsupported('This is a zip archive, not a spreadsheet.');
}

function oleKind(bytes: Uint8Array): { kind: FileKind; encrypted: boolean } {
  let paths: string[];
  try {
    paths = (CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[] }).FullPaths;
  } catch {
    throw new QmapError('unreadable', 'The file looks like an old-style Excel workbook (.xls) but is damaged. Save it again from Excel and upload the new file.');
  }
  const has = (name: string) => paths.some((p) => p.endsWith('/' + name));
  if (has('EncryptedPackage')) return { kind: 'xlsx', encrypted: true };
  if (has('Workbook') || has('Book')) return { kind: 'xls', encrypted: false };
  if (has('WordDocument')) throw unsupported('This is a Word document, not a spreadsheet.');
  throw unsupported('This file is an OLE container without a workbook.');
}

function textKind(bytes: Uint8Array): FileKind {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw unsupported('This file is binary data, not a spreadsheet.');
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x3c /* < */) throw unsupported('This file is HTML or XML (perhaps a web page or an Excel 2003 XML file renamed), not a spreadsheet.');
  if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46) throw unsupported('This is a PDF, not a spreadsheet.');
  return 'csv';
}

/** What the bytes are, trusting content over the file name. */
export function inspect(bytes: Uint8Array, filename: string): Inspection {
  if (bytes.length === 0) throw new QmapError('unreadable', `The file "${filename}" is empty (0 bytes). Upload the questionnaire saved as ${acceptedTypes}.`);
  if (isZip(bytes)) {
    const entries = zipEntries(bytes);
    return { kind: zipKind(bytes, entries), entries, encrypted: false };
  }
  if (isOle(bytes)) {
    const { kind, encrypted } = oleKind(bytes);
    return { kind: encrypted && /\.xlsm$/i.test(filename) ? 'xlsm' : kind, entries: [], encrypted };
  }
  return { kind: textKind(bytes), entries: [], encrypted: false };
}

/** Refuses a zip whose directory declares more than the limits, before a byte is inflated. */
export function checkZipLimits(entries: ZipEntry[], limits: Limits): void {
  let total = 0;
  let sheets = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (/^xl\/(worksheets|chartsheets)\/[^/]+\.xml$/.test(e.name)) sheets++;
  }
  if (total > limits.uncompressedBytes) {
    throw new QmapError(
      'too_large',
      `The workbook unpacks to ${mb(total)}, more than the ${mb(limits.uncompressedBytes)} limit. Remove unused sheets, images or formatting and upload it again.`,
      { limit: 'uncompressedBytes', max: limits.uncompressedBytes, actual: total },
    );
  }
  if (sheets > limits.sheets) throw tooManySheets(sheets, limits);
}

/**
 * Inflates the zip in a stream, counting bytes and keeping none, and stops as soon as the total passes
 * the limit: a zip whose directory understates its sizes is caught before SheetJS inflates it for real.
 */
export function checkInflatedSize(bytes: Uint8Array, limits: Limits): void {
  let total = 0;
  const state = streamZip(bytes, () => true, (_name, chunk) => (total += chunk.length) <= limits.uncompressedBytes);
  if (state === 'stopped') {
    throw new QmapError('too_large', `The workbook unpacks to more than the ${mb(limits.uncompressedBytes)} limit. Remove unused sheets, images or formatting and upload it again.`, {
      limit: 'uncompressedBytes',
      max: limits.uncompressedBytes,
    });
  }
  if (state === 'broken') throw unreadableZip();
}

export function tooManySheets(count: number, limits: Limits): QmapError {
  return new QmapError('too_large', `The workbook has ${count} sheets, more than the limit of ${limits.sheets}. Upload only the sheets with questions.`, {
    limit: 'sheets',
    max: limits.sheets,
    actual: count,
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
