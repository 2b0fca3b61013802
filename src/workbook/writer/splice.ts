// Edits to a part's text collected as replacements and applied once, straight into UTF-8, when the part
// is written out: a 4 MB sheet with 20,000 written cells is then never rebuilt as a string and encoded
// again, and its untouched stretches are copied as bytes.
import type { Source } from '../package/package.js';
import { ByteSink } from './bytes.js';

interface Splice {
  start: number;
  end: number;
  content: string | Uint8Array;
}

export class Splices {
  private readonly list: Splice[] = [];

  /** Replace text[start, end) with `content` (UTF-8 bytes, or text to encode). */
  replace(start: number, end: number, content: string | Uint8Array): void {
    this.list.push({ start, end, content });
  }

  insert(at: number, content: string | Uint8Array): void {
    this.list.push({ start: at, end: at, content });
  }

  get size(): number {
    return this.list.length;
  }

  /**
   * The edited part as UTF-8. Replacements must not overlap; several at one position are applied
   * in the order they were added.
   */
  render({ bytes }: Source): Uint8Array {
    const list = this.list;
    // Stable: inserts at one position keep their order.
    if (!list.every((s, i) => i === 0 || list[i - 1].start <= s.start)) list.sort((a, b) => a.start - b.start);
    let capacity = bytes.length;
    for (const s of list) capacity += typeof s.content === 'string' ? 3 * s.content.length : s.content.length;
    const out = new ByteSink(capacity);
    let pos = 0;
    for (const s of list) {
      if (s.start > pos) out.pushBytes(bytes.subarray(pos, s.start));
      if (typeof s.content === 'string') out.push(s.content);
      else out.pushBytes(s.content);
      pos = s.end;
    }
    out.pushBytes(bytes.subarray(pos));
    return out.bytes();
  }
}
