// The workbook package as named parts, in the original's entry order. Parts qmap does not touch are
// copied through compressed, byte for byte (no inflate, no deflate); parts it edits or adds are
// deflated with Node's native zlib. fflate writes the container.
import { strFromU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import * as zlib from 'node:zlib';
import { QmapError } from '../../errors.js';
import type { Source } from './splice.js';

// Fixed entry timestamps make the output a pure function of the inputs (fflate reads local time, so
// a local Date gives the same DOS timestamp in every time zone).
const MTIME = new Date(1980, 0, 1, 0, 0, 0);
// Already-compressed media gain nothing from deflate.
const STORE = /\.(png|jpe?g|gif|tiff?|wdp|jfif)$/i;

interface Entry {
  /** Deflated (8) or stored (0), with the original's CRC and size, for copying through untouched. */
  raw?: { method: number; crc: number; size: number; data: Uint8Array };
  /** Uncompressed bytes, once needed. */
  bytes?: Uint8Array;
}

export class Package {
  private readonly order: string[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly texts = new Map<string, string>();
  private readonly dirty = new Set<string>();

  static read(zip: Uint8Array): Package {
    const pkg = new Package();
    const listed = centralDirectory(zip);
    if (listed) {
      for (const e of listed) {
        pkg.order.push(e.name);
        pkg.entries.set(e.name, { raw: e });
      }
      return pkg;
    }
    // Zip64 or otherwise unusual archives: let fflate read everything, and write it all anew.
    let files;
    try {
      files = unzipSync(zip);
    } catch (e) {
      throw new QmapError('unreadable', 'The workbook could not be opened as a zip package.', { cause: String(e) });
    }
    for (const [name, bytes] of Object.entries(files)) {
      pkg.order.push(name);
      pkg.entries.set(name, { bytes });
    }
    return pkg;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): readonly string[] {
    return this.order;
  }

  /** A part decoded as UTF-8 (cached, so each part is inflated and decoded once); null when absent. */
  text(name: string): string | null {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    if (!bytes) return null;
    const text = strFromU8(bytes);
    this.texts.set(name, text);
    return text;
  }

  /** A part's UTF-8 bytes with the same bytes read one character each (see Source); null when absent. */
  source(name: string): Source | null {
    const text = this.dirty.has(name) ? this.texts.get(name) : undefined;
    const bytes = text !== undefined ? Buffer.from(text, 'utf8') : this.bytes(name);
    if (!bytes) return null;
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bytes };
  }

  /** Replace or add a part; new parts go after the existing ones. */
  setText(name: string, text: string): void {
    this.touch(name);
    this.texts.set(name, text);
  }

  /** Replace or add a part given as UTF-8 bytes (a large part qmap writes whole, such as the review sheet). */
  setBytes(name: string, bytes: Uint8Array): void {
    this.touch(name);
    this.texts.delete(name);
    this.entries.get(name)!.bytes = bytes;
  }

  private touch(name: string): void {
    if (!this.entries.has(name)) {
      this.order.push(name);
      this.entries.set(name, {});
    }
    this.dirty.add(name);
  }

  write(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const name of this.order) {
      const entry = this.entries.get(name)!;
      const raw = this.dirty.has(name) || !entry.raw ? this.compress(name) : entry.raw;
      const file: ZipInputFile = { filename: name, size: raw.size, crc: raw.crc, compression: raw.method, mtime: MTIME };
      zip.add(file);
      file.ondata!(null, raw.data as Uint8Array<ArrayBuffer>, true);
    }
    zip.end();
    return concat(chunks);
  }

  private bytes(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (!entry.bytes && entry.raw) entry.bytes = entry.raw.method === 0 ? entry.raw.data : inflate(entry.raw.data, name);
    return entry.bytes ?? null;
  }

  private compress(name: string): { method: number; crc: number; size: number; data: Uint8Array } {
    const text = this.dirty.has(name) ? this.texts.get(name) : undefined;
    const data = text !== undefined ? Buffer.from(text, 'utf8') : this.bytes(name)!;
    const crc = crc32(data);
    if (STORE.test(name)) return { method: 0, crc, size: data.length, data };
    // Level 2 deflates the parts qmap writes (up to 20 MB of XML) about 2.5 times faster than the default 6
    // for ~20% more bytes (~4% more than level 3, and ~15% faster); small parts cost nothing either way.
    const level = data.length > 1 << 16 ? 2 : 6;
    return { method: 8, crc, size: data.length, data: zlib.deflateRawSync(data, { level }) };
  }
}

function inflate(data: Uint8Array, name: string): Uint8Array {
  try {
    return zlib.inflateRawSync(data);
  } catch (e) {
    throw new QmapError('unreadable', `The workbook part ${name} could not be decompressed.`, { cause: String(e) });
  }
}

interface Listed {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** Entries from the zip's central directory; null when the archive needs a full reader (Zip64, encryption, other methods). */
function centralDirectory(zip: Uint8Array): Listed[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) return null;
  const entries: Listed[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const csize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLen);
    if (flags & 1 || (method !== 0 && method !== 8) || csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    const name = flags & 0x800 ? strFromU8(nameBytes) : strFromU8(nameBytes, true);
    if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + csize > zip.length || seen.has(name)) return null;
    seen.add(name);
    entries.push({ name, method, crc, size, data: zip.subarray(start, start + csize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of the part; Node's native one where it exists (Node ≥ 20.15). */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
