// Writing a zip the way every reader can open it, streaming or not: each local header carries the entry's
// CRC and sizes (they are known: the bytes are in memory), never a data descriptor, and no extra fields.
import { QmapError } from '../../errors.js';
import { MAX_ENTRIES } from './zip.js';

export interface ZipRecord {
  rawName: Uint8Array;
  utf8: boolean;
  method: 0 | 8;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The length of the entry's data as stored. */
  compressedSize: number;
  /**
   * The entry's data as stored: deflated (method 8) or as is (method 0); or a function giving it when it is
   * written, so a part inflated only to be copied is held no longer than that.
   */
  data: Uint8Array | (() => Uint8Array);
  dosTime: number;
  dosDate: number;
}

/** 1980-01-01 00:00, the earliest DOS date: a fixed time makes the output a pure function of the input. */
export const DOS_EPOCH = { dosTime: 0, dosDate: (0 << 9) | (1 << 5) | 1 };

const encoder = new TextEncoder();

/** A name as a new entry carries it: UTF-8, flagged so when it is not plain ASCII. */
export function encodeName(name: string): { rawName: Uint8Array; utf8: boolean } {
  const rawName = encoder.encode(name);
  return { rawName, utf8: rawName.length !== name.length };
}

/** The archive, and where each record's data starts in it. */
export function writeZip(records: ZipRecord[]): { bytes: Uint8Array; dataAt: number[] } {
  let total = 22;
  for (const r of records) total += 30 + 46 + 2 * r.rawName.length + r.compressedSize;
  if (records.length > MAX_ENTRIES || total > 0xffffffff) {
    throw new QmapError('too_large', 'The workbook would be larger than a zip without Zip64 can hold (4 GB or 65,535 parts).');
  }
  const out = Buffer.allocUnsafe(total);
  const dataAt: number[] = [];
  let p = 0;
  for (const r of records) {
    header(out, p, 0x04034b50, r);
    out.writeUInt16LE(0, p + 28); // no extra field
    out.set(r.rawName, p + 30);
    dataAt.push(p + 30 + r.rawName.length);
    const data = typeof r.data === 'function' ? r.data() : r.data;
    if (data.length !== r.compressedSize) throw new Error(`a zip record's data is ${data.length} bytes, not the ${r.compressedSize} declared`);
    out.set(data, p + 30 + r.rawName.length);
    p += 30 + r.rawName.length + r.compressedSize;
  }
  const cdStart = p;
  let offset = 0;
  for (const r of records) {
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE(20, p + 4); // made by: MS-DOS, zip 2.0
    header(out, p + 2, 0, r); // the same fields, two bytes further on
    out.writeUInt16LE(0, p + 30); // extra
    out.writeUInt16LE(0, p + 32); // comment
    out.writeUInt16LE(0, p + 34); // disk
    out.writeUInt16LE(0, p + 36); // internal attributes
    out.writeUInt32LE(0, p + 38); // external attributes
    out.writeUInt32LE(offset, p + 42);
    out.set(r.rawName, p + 46);
    offset += 30 + r.rawName.length + r.compressedSize;
    p += 46 + r.rawName.length;
  }
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt32LE(0, p + 4); // disks
  out.writeUInt16LE(records.length, p + 8);
  out.writeUInt16LE(records.length, p + 10);
  out.writeUInt32LE(p - cdStart, p + 12);
  out.writeUInt32LE(cdStart, p + 16);
  out.writeUInt16LE(0, p + 20); // comment
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), dataAt };
}

/**
 * The fields a local header and a directory entry share, from `version needed` to `name length`
 * (at `p` + 4 … 28 of a local header; a directory entry has them two bytes later). `signature` 0 leaves
 * the signature to the caller.
 */
function header(out: Buffer, p: number, signature: number, r: ZipRecord): void {
  if (signature) out.writeUInt32LE(signature, p);
  out.writeUInt16LE(r.method === 8 ? 20 : 10, p + 4);
  out.writeUInt16LE(r.utf8 ? 0x800 : 0, p + 6);
  out.writeUInt16LE(r.method, p + 8);
  out.writeUInt16LE(r.dosTime, p + 10);
  out.writeUInt16LE(r.dosDate, p + 12);
  out.writeUInt32LE(r.crc >>> 0, p + 14);
  out.writeUInt32LE(r.compressedSize, p + 18);
  out.writeUInt32LE(r.size, p + 22);
  out.writeUInt16LE(r.rawName.length, p + 26);
}
