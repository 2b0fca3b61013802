// A growing UTF-8 buffer for parts qmap writes from scratch. A large part built as one string is a tree of
// thousands of small concatenations that must be flattened and then encoded; writing each cell's text
// straight into bytes does both at once, while the text is small and fresh.
export class ByteSink {
  private buffer: Buffer;
  private size = 0;

  /** `capacity`: a good guess of the final size saves copying (and zero-filling) the buffer as it grows. */
  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(capacity);
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
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.size + needed));
    next.set(this.buffer.subarray(0, this.size));
    this.buffer = next;
  }
}
