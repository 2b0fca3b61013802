// The workbook package as named parts, in the original's entry order. Untouched parts keep their
// exact bytes; only parts qmap edits or adds are re-encoded.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { QmapError } from '../../errors.js';

// Fixed entry timestamps make the output a pure function of the inputs (fflate reads local time, so
// a local Date gives the same DOS timestamp in every time zone).
const MTIME = new Date(1980, 0, 1, 0, 0, 0);
// Already-compressed media gain nothing from deflate.
const STORE = /\.(png|jpe?g|gif|tiff?|wdp|jfif)$/i;

export class Package {
  private readonly order: string[] = [];
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  private readonly stored = new Set<string>();
  private readonly dirty = new Set<string>();

  static read(zip: Uint8Array): Package {
    const pkg = new Package();
    let files;
    try {
      files = unzipSync(zip, {
        filter: (f) => {
          if (f.compression === 0) pkg.stored.add(f.name);
          return true;
        },
      });
    } catch (e) {
      throw new QmapError('unreadable', 'The workbook could not be opened as a zip package.', { cause: String(e) });
    }
    for (const [name, data] of Object.entries(files)) {
      pkg.order.push(name);
      pkg.bytes.set(name, data);
    }
    return pkg;
  }

  has(name: string): boolean {
    return this.bytes.has(name) || this.dirty.has(name);
  }

  names(): readonly string[] {
    return this.order;
  }

  /** A part decoded as UTF-8 (cached, so each part is decoded once); null when absent. */
  text(name: string): string | null {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const data = this.bytes.get(name);
    if (!data) return null;
    const text = strFromU8(data);
    this.texts.set(name, text);
    return text;
  }

  /** Replace or add a part; new parts go after the existing ones. */
  setText(name: string, text: string): void {
    if (!this.has(name)) this.order.push(name);
    this.texts.set(name, text);
    this.dirty.add(name);
  }

  write(): Uint8Array {
    const files: Zippable = {};
    for (const name of this.order) {
      const level = this.stored.has(name) || STORE.test(name) ? 0 : 6;
      const data = this.dirty.has(name) ? strToU8(this.texts.get(name)!) : this.bytes.get(name)!;
      files[name] = [data, { level, mtime: MTIME }];
    }
    return zipSync(files);
  }
}
