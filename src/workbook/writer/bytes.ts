// A growing UTF-8 buffer for parts qmap writes from scratch. A large part built as one string is a tree of
// thousands of small concatenations that must be flattened and then encoded; writing each cell's text
// straight into bytes does both at once, while the text is small and fresh.
export class ByteSink {
  private buffer: Buffer;
  private size = 0;

  /** `capacity`: a good guess of the final size saves copying (and zero-filling) the buffer as it grows. */
  constructor(capacity = 1 << 16) {
    this.buffer = take(capacity);
  }

  push(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.buffer.length - this.size < text.length * 3) this.grow(text.length * 3);
    // Buffer#write with an explicit encoding is the quickest way in (no view or result object per call).
    this.size += this.buffer.write(text, this.size, 'utf8');
  }

  pushBytes(bytes: Uint8Array): void {
    if (this.buffer.length - this.size < bytes.length) this.grow(bytes.length);
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
  }

  get length(): number {
    return this.size;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }

  private grow(needed: number): void {
    const next = take(Math.max(this.buffer.length * 2, this.size + needed));
    next.set(this.buffer.subarray(0, this.size));
    this.buffer = next;
  }
}

// Writing into memory the process has not touched before costs far more than the writing itself where page
// faults are dear (in this VM ~3 ms a megabyte, against ~0.6 ms to encode it): the 10 MB review sheet took
// 35 ms into a new buffer and 5 ms into one written before. So, inside reusingBuffers(), large sinks borrow
// buffers kept from earlier writes, and give them back when the work is done; whatever the work returns must
// not point into them (a written workbook is a copy: the zip's own bytes).
const LARGE = 1 << 20;
const KEEP_BYTES = 64 << 20;
let kept: Buffer[] = [];
let lent: Buffer[] | null = null;

export function reusingBuffers<T>(work: () => T): T {
  if (lent) return work();
  lent = [];
  try {
    return work();
  } finally {
    // Largest first, as much as fits in KEEP_BYTES: a later write of the same size finds them all again.
    const all = [...kept, ...lent].sort((a, b) => b.length - a.length);
    let total = 0;
    kept = all.filter((b) => (total += b.length) <= KEEP_BYTES);
    lent = null;
  }
}

function take(size: number): Buffer {
  if (!lent || size < LARGE) return Buffer.allocUnsafe(size);
  // The smallest kept buffer that is large enough.
  let best = -1;
  for (let i = 0; i < kept.length; i++) if (kept[i].length >= size && (best < 0 || kept[i].length < kept[best].length)) best = i;
  const buffer = best >= 0 ? kept.splice(best, 1)[0] : Buffer.allocUnsafeSlow(size);
  lent.push(buffer);
  return buffer;
}
