// CSV text decoding: UTF-8 (with or without BOM) or Shift_JIS, which Japanese Excel writes by default, and UTF-16
// with a byte-order mark (Excel's "Unicode text", tab-separated).
import { QmapError } from '../errors.js';

export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/** The CSV's text and the encoding it was written in; QmapError('unreadable') when it is neither. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  }
  // Valid UTF-8 is almost never valid-looking Shift_JIS by accident, so try it first.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('shift_jis', bytes), encoding: 'shift_jis' };
  }
}

function decode(encoding: CsvEncoding, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new QmapError(
      'unreadable',
      'The CSV file is neither valid UTF-8 nor valid Shift_JIS text. Save it from Excel as "CSV UTF-8 (comma delimited)" and upload it again.',
      { encoding },
    );
  }
}
