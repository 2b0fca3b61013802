// A workbook package (xlsx, xlsm or ods) as named parts, used by reading and writing alike. Opening it reads
// and checks the zip directory and holds the declared sizes to the limit; a part is inflated only when asked
// for, once, capped at its declared size. Writing copies every part qmap did not change as it came
// (compressed bytes, CRC and name untouched) and deflates the parts it changed or added.
import * as zlib from 'node:zlib';
import { QmapError } from '../../errors.js';
import { crc32, inflateEntry } from './inflate.js';
import { nameKey } from './names.js';
import { readZip, type ZipEntry } from './zip.js';
import { DOS_EPOCH, encodeName, writeZip, type ZipRecord } from './zip-write.js';

/**
 * A part's UTF-8 bytes, and the same bytes read as Latin-1: one character per byte, so positions in
 * `text` are byte offsets and decoding is a copy. Markup is ASCII and reads the same either way; text
 * taken from it to be written again or compared as text goes through textOf.
 */
export interface Source {
  text: string;
  bytes: Uint8Array;
}

/** The text a stretch of Source.text stands for (its bytes decoded as UTF-8). */
export function textOf(latin1: string): string {
  return /[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}

interface Part {
  name: string;
  /** The original entry, when the part came with the package. */
  entry?: ZipEntry;
  /** Uncompressed bytes, once read or written. */
  bytes?: Uint8Array;
  /** Changed or added by qmap: written anew. */
  dirty?: boolean;
}

export class Package {
  private readonly parts: Part[] = [];
  private readonly byKey = new Map<string, Part>();
  private readonly texts = new Map<string, string>();

  private constructor(private readonly zip: Uint8Array) {}

  /**
   * Opens a package without inflating anything: QmapError('unreadable') when its zip is damaged or
   * inconsistent, 'too_large' when its parts declare more than `maxBytes` together.
   */
  static open(zip: Uint8Array, maxBytes: number): Package {
    const pkg = new Package(zip);
    let declared = 0;
    for (const entry of readZip(zip)) {
      declared += entry.size;
      pkg.add({ name: entry.name, entry });
    }
    if (declared > maxBytes) throw unpacksTooLarge(declared, maxBytes);
    return pkg;
  }

  /** Part names in the package's order. */
  names(): string[] {
    return this.parts.map((p) => p.name);
  }

  /** The package's own spelling of a part name (names compare without ASCII case), or null. */
  find(name: string): string | null {
    return this.byKey.get(nameKey(name))?.name ?? null;
  }

  has(name: string): boolean {
    return this.byKey.has(nameKey(name));
  }

  /** A part's uncompressed size, as declared (or as written); 0 when absent. */
  size(name: string): number {
    const part = this.byKey.get(nameKey(name));
    return part?.bytes?.length ?? part?.entry?.size ?? 0;
  }

  /** The part's uncompressed bytes (inflated once); null when absent. */
  bytes(name: string): Uint8Array | null {
    const part = this.byKey.get(nameKey(name));
    if (!part) return null;
    part.bytes ??= inflateEntry(this.zip, part.entry!);
    return part.bytes;
  }

  /** Checks a part inflates as declared without keeping it (a part qmap has no use for). */
  check(name: string): void {
    const part = this.byKey.get(nameKey(name));
    if (part?.entry && !part.bytes) inflateEntry(this.zip, part.entry);
  }

  /** A part decoded as UTF-8 (cached, so each part is inflated and decoded once); null when absent. */
  text(name: string): string | null {
    const key = nameKey(name);
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    if (!bytes) return null;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    this.texts.set(key, text);
    return text;
  }

  /** A part's UTF-8 bytes with the same bytes read one character each (see Source); null when absent. */
  source(name: string): Source | null {
    const bytes = this.bytes(name);
    if (!bytes) return null;
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), bytes };
  }

  /** Replace or add a part; new parts go after the existing ones. */
  setText(name: string, text: string): void {
    this.setBytes(name, Buffer.from(text, 'utf8'));
    this.texts.set(nameKey(name), text);
  }

  /** Replace or add a part given as UTF-8 bytes. */
  setBytes(name: string, bytes: Uint8Array): void {
    const part = this.byKey.get(nameKey(name)) ?? this.add({ name });
    part.bytes = bytes;
    part.dirty = true;
    this.texts.delete(nameKey(name));
  }

  /** Drop a part (one qmap wrote into an earlier download, say): it is not written. */
  remove(name: string): void {
    const part = this.byKey.get(nameKey(name));
    if (!part) return;
    this.parts.splice(this.parts.indexOf(part), 1);
    this.byKey.delete(nameKey(name));
    this.texts.delete(nameKey(name));
  }

  /** The package as a zip: untouched parts copied as they came, changed and new ones deflated. */
  write(): Uint8Array {
    return writeZip(this.parts.map((p) => (p.dirty || !p.entry ? this.compress(p) : this.copy(p.entry)))).bytes;
  }

  /**
   * Only the named parts, stored (not compressed), in a zip: a copy of the package for a reader that need
   * not inflate. Each part is inflated (checked) straight into the copy, one at a time, and is read from the
   * copy afterwards, so the package's parts are held once.
   */
  storedCopy(names: string[]): Uint8Array {
    const parts = names.map((name) => this.byKey.get(nameKey(name))!);
    const records = parts.map((part): ZipRecord => {
      const size = this.size(part.name);
      const naming = part.entry ? { rawName: part.entry.rawName, utf8: part.entry.utf8 } : encodeName(part.name);
      const data = () => part.bytes ?? inflateEntry(this.zip, part.entry!);
      // A part qmap changed has no CRC yet; an inflated one was checked against the directory's.
      const crc = part.entry && !part.dirty ? part.entry.crc : crc32(data());
      return { ...naming, ...DOS_EPOCH, method: 0, crc, size, compressedSize: size, data };
    });
    const { bytes, dataAt } = writeZip(records);
    parts.forEach((part, i) => {
      if (!part.dirty) part.bytes = bytes.subarray(dataAt[i], dataAt[i] + records[i].size);
    });
    return bytes;
  }

  private add(part: Part): Part {
    this.parts.push(part);
    this.byKey.set(nameKey(part.name), part);
    return part;
  }

  private copy(e: ZipEntry): ZipRecord {
    const data = this.zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
    return { rawName: e.rawName, utf8: e.utf8, method: e.method, crc: e.crc, size: e.size, compressedSize: e.compressedSize, data, dosTime: e.dosTime, dosDate: e.dosDate };
  }

  private compress(p: Part): ZipRecord {
    const data = p.bytes ?? this.bytes(p.name)!;
    const naming = p.entry ? { rawName: p.entry.rawName, utf8: p.entry.utf8 } : encodeName(p.name);
    const time = p.entry ? { dosTime: p.entry.dosTime, dosDate: p.entry.dosDate } : DOS_EPOCH;
    const crc = crc32(data);
    // Level 2 deflates the parts qmap writes (up to 20 MB of XML) about 2.5 times faster than the default 6
    // for ~20% more bytes (~4% more than level 3, and ~15% faster); small parts cost nothing either way.
    const level = data.length > 1 << 16 ? 2 : 6;
    const deflated = zlib.deflateRawSync(data, { level });
    return { ...naming, ...time, method: 8, crc, size: data.length, compressedSize: deflated.length, data: deflated };
  }
}

export function unpacksTooLarge(bytes: number, maxBytes: number): QmapError {
  return new QmapError('too_large', `The workbook unpacks to ${mb(bytes)}, more than the ${mb(maxBytes)} limit. Remove unused sheets, images or formatting and upload it again.`, {
    limit: 'uncompressedBytes',
    max: maxBytes,
    actual: bytes,
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
