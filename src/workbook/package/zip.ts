// The zip container of a workbook package, read from its central directory before anything is inflated.
// A zip can mean different things to different readers (a record hidden inside another's declared size,
// two directory entries sharing one record, two entries of the same name, a local header that disagrees
// with the directory): qmap reads a package only when every reader would see the same parts in it, so
// the records must tile the archive exactly as the directory says.
import { QmapError } from '../../errors.js';
import { decodeName, nameKey } from './names.js';

export interface ZipEntry {
  name: string;
  /** The name's bytes and UTF-8 flag as stored, so a copied entry keeps its name byte for byte. */
  rawName: Uint8Array;
  utf8: boolean;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** Uncompressed size, as the directory declares it (what inflating it must give, exactly). */
  size: number;
  dosTime: number;
  dosDate: number;
  /** Where its local header starts, its data starts, and its record (with any data descriptor) ends. */
  header: number;
  dataStart: number;
  end: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const DESCRIPTOR = 0x08074b50;
const MAX = 0xffffffff;

/** Readers take this many entries at most (a zip without Zip64 holds 65,535). */
export const MAX_ENTRIES = 65_535;

export function damaged(why: string): QmapError {
  return new QmapError('unreadable', `The workbook's zip structure is damaged or inconsistent: ${why}. Open the file in Excel (or the program that made it), save it again, and upload the new file.`, {
    zip: why,
  });
}

/** The entries of the zip in `bytes`, checked; QmapError('unreadable') naming what is wrong otherwise. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, cdStart, cdEnd } = endRecord(b);
  const entries: ZipEntry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || b.readUInt32LE(p) !== CENTRAL) throw damaged(`directory entry ${i + 1} of ${count} is missing`);
    const { entry, next } = centralEntry(b, p);
    entries.push(entry);
    p = next;
  }
  checkNames(entries);
  checkTiling(b, entries, cdStart);
  return entries;
}

function endRecord(b: Buffer): { count: number; cdStart: number; cdEnd: number } {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('it has no end-of-directory record (the file is truncated or not a zip)');
  if (b.readUInt16LE(eocd + 4) !== 0 || b.readUInt16LE(eocd + 6) !== 0) throw damaged('it claims to span several disks');
  let count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  let cdStart = b.readUInt32LE(eocd + 16);
  let cdLimit = eocd;
  if (count === 0xffff || cdSize === MAX || cdStart === MAX) {
    const locator = eocd - 20;
    if (locator < 0 || b.readUInt32LE(locator) !== END64_LOCATOR) throw damaged('its Zip64 end record is missing');
    const at = Number(b.readBigUInt64LE(locator + 8));
    if (at + 56 > locator || b.readUInt32LE(at) !== END64) throw damaged('its Zip64 end record is missing');
    count = safeNumber(b.readBigUInt64LE(at + 32));
    cdStart = safeNumber(b.readBigUInt64LE(at + 48));
    cdLimit = at;
  }
  if (count > MAX_ENTRIES) {
    throw new QmapError('too_large', `The workbook's zip holds ${count} entries, more than the ${MAX_ENTRIES} a workbook can have. Save it again from Excel and upload the new file.`, {
      limit: 'entries',
      max: MAX_ENTRIES,
    });
  }
  if (cdStart > cdLimit) throw damaged('its directory starts past the end of the file');
  // The directory's size field is not trusted (some writers get it wrong): its entries are walked up to the end record.
  return { count, cdStart, cdEnd: cdLimit };
}

function safeNumber(n: bigint): number {
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function centralEntry(b: Buffer, p: number): { entry: ZipEntry; next: number } {
  const flags = b.readUInt16LE(p + 8);
  const method = b.readUInt16LE(p + 10);
  const nameLength = b.readUInt16LE(p + 28);
  const extraLength = b.readUInt16LE(p + 30);
  const commentLength = b.readUInt16LE(p + 32);
  const next = p + 46 + nameLength + extraLength + commentLength;
  if (next > b.length) throw damaged('a directory entry runs past the end of the file');
  const rawName = new Uint8Array(b.buffer, b.byteOffset + p + 46, nameLength);
  const name = decodeName(rawName, (flags & 0x800) !== 0);
  if (flags & 0x41) throw damaged(`its entry ${shown(name)} is encrypted`);
  if (method !== 0 && method !== 8) throw damaged(`its entry ${shown(name)} uses compression method ${method}, which spreadsheet programs do not write`);
  const wide = zip64Fields(b, p + 46 + nameLength, extraLength, {
    size: b.readUInt32LE(p + 24),
    compressedSize: b.readUInt32LE(p + 20),
    header: b.readUInt32LE(p + 42),
  });
  const entry: ZipEntry = {
    name,
    rawName,
    utf8: (flags & 0x800) !== 0,
    method,
    crc: b.readUInt32LE(p + 16),
    compressedSize: wide.compressedSize,
    size: wide.size,
    dosTime: b.readUInt16LE(p + 12),
    dosDate: b.readUInt16LE(p + 14),
    header: wide.header,
    dataStart: 0,
    end: 0,
  };
  if (method === 0 && entry.compressedSize !== entry.size) throw damaged(`its stored entry ${shown(name)} declares ${entry.compressedSize} bytes stored but ${entry.size} bytes of content`);
  readLocal(b, entry);
  return { entry, next };
}

/** Sizes and offset given as 0xFFFFFFFF are in the Zip64 extra field (0x0001), in this order. */
function zip64Fields<T extends Record<'size' | 'compressedSize' | 'header', number>>(b: Buffer, from: number, length: number, fields: T): T {
  const out = { ...fields };
  const wanted = (Object.keys(fields) as (keyof T)[]).filter((k) => fields[k] === MAX);
  if (wanted.length === 0) return out;
  for (let q = from; q + 4 <= from + length; q += 4 + b.readUInt16LE(q + 2)) {
    if (b.readUInt16LE(q) !== 0x0001) continue;
    const size = b.readUInt16LE(q + 2);
    wanted.forEach((k, i) => {
      if (8 * (i + 1) > size) throw damaged('a Zip64 size field is missing');
      (out as Record<keyof T, number>)[k] = safeNumber(b.readBigUInt64LE(q + 4 + 8 * i));
    });
    return out;
  }
  throw damaged('a Zip64 size field is missing');
}

/**
 * The local header must agree with the directory entry: same name, method and sizes. Whether a data
 * descriptor follows the data is read from the local header, as streaming readers read it.
 */
function readLocal(b: Buffer, e: ZipEntry): void {
  const h = e.header;
  if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL) throw damaged(`the record of ${shown(e.name)} is not where the directory says`);
  const nameLength = b.readUInt16LE(h + 26);
  const extraLength = b.readUInt16LE(h + 28);
  e.dataStart = h + 30 + nameLength + extraLength;
  if (e.dataStart + e.compressedSize > b.length) throw damaged(`the record of ${shown(e.name)} runs past the end of the file`);
  const localName = b.subarray(h + 30, h + 30 + nameLength);
  if (!localName.equals(e.rawName)) throw damaged(`the record at the place of ${shown(e.name)} holds another name`);
  if (b.readUInt16LE(h + 8) !== e.method) throw damaged(`the record of ${shown(e.name)} disagrees with the directory about its compression`);
  const localFlags = b.readUInt16LE(h + 6);
  if (localFlags & 0x41) throw damaged(`the record of ${shown(e.name)} is encrypted`);
  const descriptor = (localFlags & 0x8) !== 0;
  const declared = { crc: b.readUInt32LE(h + 14), compressedSize: b.readUInt32LE(h + 18), size: b.readUInt32LE(h + 22) };
  e.end = e.dataStart + e.compressedSize;
  if (descriptor) {
    readDescriptor(b, e);
    // With a descriptor, the local header may leave the sizes as zero.
    if (declared.crc === 0 && declared.compressedSize === 0 && declared.size === 0) return;
  }
  const local = zip64Fields(b, h + 30 + nameLength, extraLength, { size: declared.size, compressedSize: declared.compressedSize, header: 0 });
  if (declared.crc !== e.crc || local.compressedSize !== e.compressedSize || local.size !== e.size) {
    throw damaged(`the record of ${shown(e.name)} declares other sizes than the directory`);
  }
}

/** A data descriptor after the data (signature optional, sizes of 4 or 8 bytes) must repeat the directory's values. */
function readDescriptor(b: Buffer, e: ZipEntry): void {
  let d = e.end;
  if (d + 4 <= b.length && b.readUInt32LE(d) === DESCRIPTOR) d += 4;
  const fits = (width: 4 | 8) => d + 4 + 2 * width <= b.length;
  const read = (at: number, width: 4 | 8) => (width === 4 ? b.readUInt32LE(at) : safeNumber(b.readBigUInt64LE(at)));
  for (const width of [4, 8] as const) {
    if (fits(width) && b.readUInt32LE(d) === e.crc && read(d + 4, width) === e.compressedSize && read(d + 4 + width, width) === e.size) {
      e.end = d + 4 + 2 * width;
      return;
    }
  }
  throw damaged(`the data descriptor of ${shown(e.name)} disagrees with the directory`);
}

/** Two entries with one name (compared as OPC compares part names) would be read differently by different programs. */
function checkNames(entries: ZipEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const key = nameKey(e.name);
    if (seen.has(key)) throw damaged(`it holds two entries named ${shown(e.name)}`);
    seen.add(key);
  }
}

/**
 * Records in file order may neither overlap (a record inside another's declared data, or two entries
 * sharing one record) nor leave a gap that holds a record the directory does not list.
 */
function checkTiling(b: Buffer, entries: ZipEntry[], cdStart: number): void {
  const order = [...entries].sort((x, y) => x.header - y.header);
  let pos = 0;
  for (const e of order) {
    if (e.header < pos) throw damaged(`the record of ${shown(e.name)} lies inside another record`);
    checkGap(b, pos, e.header);
    pos = e.end;
  }
  if (pos > cdStart) throw damaged('a record runs into the directory');
  checkGap(b, pos, cdStart);
}

function checkGap(b: Buffer, from: number, to: number): void {
  if (to <= from) return;
  const at = b.subarray(from, to).indexOf(LOCAL_SIGNATURE);
  if (at >= 0) throw damaged(`it holds a record at byte ${from + at} that its directory does not list`);
}

const LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const shown = (name: string) => `"${name.length > 80 ? `${name.slice(0, 80)}…` : name}"`;
