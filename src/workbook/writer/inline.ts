// The end of an inline-string cell, from its type to its close (` t="inlineStr"><is><t>…</t></is></c>`),
// as UTF-8. Answers, item titles and statuses repeat over thousands of rows: each distinct text is
// escaped and encoded once.
import { escapeCellText, needsPreserve } from '../package/xml.js';

const encoder = new TextEncoder();

/** The end of a cell holding `text`; `limit` shortens what is shown (the check for edge spaces sees all of it). */
export function inlineTail(p: string, text: string, limit: (s: string) => string = same): string {
  // xml:space="preserve" only where it matters: leading or trailing spaces, tabs or line breaks.
  const preserve = needsPreserve(text) ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><${p}is><${p}t${preserve}>${escapeCellText(limit(text))}</${p}t></${p}is></${p}c>`;
}

export class InlineTails {
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly p: string,
    private readonly limit: (s: string) => string = same,
  ) {}

  /** inlineTail as UTF-8, encoded on first use. */
  bytes(text: string): Uint8Array {
    let bytes = this.cache.get(text);
    if (bytes === undefined) {
      bytes = encoder.encode(inlineTail(this.p, text, this.limit));
      this.cache.set(text, bytes);
    }
    return bytes;
  }
}

function same(s: string): string {
  return s;
}
