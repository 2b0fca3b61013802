// Inflates a plain xlsx/xlsm/ods package once, with node:zlib, into the container SheetJS parses
// (XLSX.parse_zip), so the zip-bomb check and SheetJS share one native inflate instead of two in
// JavaScript. Each part is inflated with the size its directory entry declares as the cap, and the
// declared sizes together are held to the limit first, so no lie about sizes can make this hold more
// than the limit. Anything a plain package does not do (a part inflating past its declared size,
// encryption, zip64, other compression methods, local headers that disagree with the directory,
// damaged data) returns null: the caller then streams the zip to count its real size and lets
// SheetJS read it as before, so such files get exactly the answers they got before.
import { inflateRawSync } from 'node:zlib';
import { CFB } from 'xlsx';

/** SheetJS's zip container (CFB.utils.cfb_new), as XLSX.parse_zip reads it. */
export interface ZipContainer {
  FileIndex: unknown[];
  FullPaths: string[];
}

interface Entry {
  name: string;
  offset: number;
  compressed: number;
  size: number;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Encrypted, strong encryption, masked headers: SheetJS refuses these; leave them to it. */
const ENCRYPTED = 0x2041;
const HAS_DESCRIPTOR = 0x8;

/** The package's parts inflated, in directory order, in SheetJS's container; null to take the slow path. */
export function inflatePackage(bytes: Uint8Array, maxBytes: number): ZipContainer | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = directory(b);
  if (!entries) return null;
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > maxBytes) return null;
  const zip = CFB.utils.cfb_new() as ZipContainer;
  for (const e of entries) {
    const data = part(b, e);
    if (!data) return null;
    // What SheetJS's own zip reader does with each part it reads.
    CFB.utils.cfb_add(zip, e.name, data, { unsafe: true });
  }
  return zip;
}

/** The central directory, found and walked as SheetJS walks it; null when it has anything unusual. */
function directory(b: Buffer): Entry[] | null {
  let end = b.length - 4;
  while (end >= 0 && b.readUInt32LE(end) !== END) --end;
  if (end < 0 || end + 20 > b.length) return null;
  const count = b.readUInt16LE(end + 8);
  let p = b.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const commentLength = b.readUInt16LE(p + 32);
    const extra = p + 46 + nameLength;
    if (extra + extraLength > b.length || hasZip64(b, extra, extraLength)) return null;
    entries.push({
      name: b.toString('latin1', p + 46, extra),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      offset: b.readUInt32LE(p + 42),
    });
    p = extra + extraLength + commentLength;
  }
  return entries;
}

function hasZip64(b: Buffer, from: number, length: number): boolean {
  for (let p = from; p + 4 <= from + length; p += 4 + b.readUInt16LE(p + 2)) if (b.readUInt16LE(p) === 0x0001) return true;
  return false;
}

/** One part's bytes, when its local header agrees with the directory and it inflates to what it declares. */
function part(b: Buffer, e: Entry): Buffer | null {
  const h = e.offset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL) return null;
  const flags = b.readUInt16LE(h + 6);
  const method = b.readUInt16LE(h + 8);
  const nameLength = b.readUInt16LE(h + 26);
  const extraLength = b.readUInt16LE(h + 28);
  const start = h + 30 + nameLength + extraLength;
  if (flags & ENCRYPTED || start > b.length || b.toString('latin1', h + 30, h + 30 + nameLength) !== e.name) return null;
  if (hasZip64(b, h + 30 + nameLength, extraLength)) return null;
  const descriptor = (flags & HAS_DESCRIPTOR) !== 0;
  if (!descriptor && (b.readUInt32LE(h + 18) !== e.compressed || b.readUInt32LE(h + 22) !== e.size)) return null;

  if (method === 0) {
    if (descriptor || e.compressed !== e.size || start + e.size > b.length) return null;
    return b.subarray(start, start + e.size);
  }
  if (method !== 8) return null;
  let out: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    // Capped at the declared size: a part that inflates further lies, and the slow path counts it.
    // One output chunk a byte bigger than the part, so zlib neither grows nor concatenates buffers.
    out = inflateRawSync(b.subarray(start), { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, e.size + 1), info: true }) as unknown as typeof out;
  } catch {
    return null;
  }
  if (out.buffer.length !== e.size || out.engine.bytesWritten !== e.compressed) return null;
  if (descriptor) {
    let d = start + e.compressed;
    if (d + 4 <= b.length && b.readUInt32LE(d) === DESCRIPTOR) d += 4;
    if (d + 12 > b.length || b.readUInt32LE(d + 4) !== e.compressed || b.readUInt32LE(d + 8) !== e.size) return null;
  }
  return out.buffer;
}
