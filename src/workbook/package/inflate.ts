// Inflating one zip entry, the only way qmap inflates anything: capped at the size the directory declares,
// and checked to give exactly that many bytes, from exactly its compressed bytes, with the declared CRC.
// With the declared sizes held to the limit first (Package.open), nothing can inflate past the limit, in
// the JS heap or outside it.
import * as zlib from 'node:zlib';
import { damaged, type ZipEntry } from './zip.js';

export function inflateEntry(zip: Uint8Array, e: ZipEntry): Uint8Array {
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else {
    let result: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      // One output chunk a byte bigger than the part: zlib neither grows nor concatenates buffers.
      result = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, e.size + 1), info: true }) as unknown as typeof result;
    } catch (err) {
      const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw damaged(tooLarge ? `the entry "${e.name}" unpacks to more than the ${e.size} bytes its directory declares` : `the entry "${e.name}" cannot be decompressed`);
    }
    if (result.engine.bytesWritten !== e.compressedSize) throw damaged(`the compressed data of "${e.name}" ends before its declared size (something is hidden after it)`);
    out = result.buffer;
  }
  if (out.length !== e.size) throw damaged(`the entry "${e.name}" unpacks to ${out.length} bytes, not the ${e.size} its directory declares`);
  if (crc32(out) !== e.crc) throw damaged(`the entry "${e.name}" fails its checksum`);
  return out;
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

/** CRC-32 as zip records it; Node's native one where it exists (Node ≥ 20.15). */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
