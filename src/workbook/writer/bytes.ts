// A growing UTF-8 buffer for parts qmap writes from scratch. A large part built as one string is a tree of
// thousands of small concatenations that must be flattened and then encoded; writing each cell's text
// straight into bytes does both at once, while the text is small and fresh.
const encoder = new TextEncoder();

export class ByteSink {
  private buffer: Uint8Array;
  private length = 0;

  /** `capacity`: a good guess of the final size saves copying (and zero-filling) the buffer as it grows. */
  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  push(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.buffer.length - this.length < text.length * 3) this.grow(text.length * 3);
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  pushBytes(bytes: Uint8Array): void {
    if (this.buffer.length - this.length < bytes.length) this.grow(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
