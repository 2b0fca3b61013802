// What a sheet will expand to, checked before SheetJS expands it. A few bytes can stand for a million rows:
// an .ods row or cell "repeated" N times becomes N rows or cells in SheetJS, and an .xlsx row numbered
// 1,000,000 makes a sheet that long. So the row limit is held against the rows the XML really fills, and
// repeats count against the uncompressed-size limit as if each repeated cell were written out. A sheet's
// <dimension> is only a claim and is not trusted either way (SheetJS reads it with nodim).
import { QmapError } from '../errors.js';
import type { Limits } from './types.js';

export function tooManyRows(sheet: string, limits: Limits): QmapError {
  return new QmapError('too_large', `Sheet "${sheet.slice(0, 100)}" has more than ${limits.rows} rows, the limit for one sheet. Delete the unused rows below the table and upload it again.`, {
    limit: 'rows',
    max: limits.rows,
    sheet: sheet.slice(0, 100),
  });
}

const TAG = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])[^>]*>/g;

/**
 * The bytes an .ods content.xml stands for beyond its own length once its repeats are expanded the way
 * SheetJS expands them (with empty cells kept, as qmap reads .ods); QmapError 'too_large' as soon as a
 * sheet reaches past the row limit. SheetJS expands a cell element with content by its row's and its own
 * repeat counts, and a covered (merged-away) cell by its own; self-closing cells are not expanded.
 */
export function odsExpansion(content: string, limits: Limits): number {
  let extra = 0;
  let sheet = '';
  let row = -1;
  let rowRepeat = 1;
  let cellStart = -1;
  let cellCopies = 1;
  TAG.lastIndex = 0;
  for (let m; (m = TAG.exec(content)); ) {
    const [tag, close, name] = m;
    const selfClosing = tag.endsWith('/>');
    if (name === 'table') {
      if (!close) [sheet, row] = [attr(tag, 'name') ?? '', -1];
    } else if (name === 'table-row') {
      if (close) [row, rowRepeat] = [row + rowRepeat, 1];
      else {
        if (row === -1) row = 0;
        rowRepeat = Math.max(1, Number(attr(tag, 'number-rows-repeated')) || 1);
      }
    } else if (name === 'covered-table-cell') {
      if (!close) extra += tag.length * (repeat(tag) - 1);
    } else if (close) {
      if (cellStart >= 0) extra += (m.index + tag.length - cellStart) * (cellCopies - 1);
      cellStart = -1;
    } else if (!selfClosing) {
      if (row + rowRepeat > limits.rows) throw tooManyRows(sheet, limits);
      cellStart = m.index;
      cellCopies = rowRepeat * repeat(tag);
    }
  }
  return extra;
}

const repeat = (tag: string) => Math.max(1, parseInt(attr(tag, 'number-columns-repeated') ?? '1', 10) || 1);

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`[\\s:]${name}\\s*=\\s*["']([^"']*)`).exec(tag)?.[1];
}

/**
 * Refuses an .xlsx sheet with a value in a row past the row limit. SheetJS skips such rows (it reads
 * `limits.rows + 1` at most), so they are looked for here: the last row first, which settles almost
 * every sheet, then, only when it lies past the limit, the rows after the last one allowed.
 */
export function checkXlsxRows(part: Uint8Array, sheet: string, limits: Limits): void {
  const b = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const open = /<([\w.-]+:)?sheetData[\s>/]/.exec(b.toString('latin1', 0, Math.min(b.length, sheetDataSearch(b))));
  if (!open) return;
  const p = open[1] ?? '';
  const from = open.index;
  const to = b.lastIndexOf(`</${p}sheetData>`);
  const end = to < 0 ? b.length : to;
  const rowTag = `<${p}row`;
  const last = lastTag(b, rowTag, from, end);
  if (last < 0) return;
  const lastRow = rowNumber(b, last);
  if (lastRow !== null && lastRow <= limits.rows) return;
  // Walk the rows in order (rows without a number follow the one before) to the first one past the limit.
  let r = 0;
  for (let at = nextTag(b, rowTag, from, end); at >= 0; at = nextTag(b, rowTag, at + 1, end)) {
    r = rowNumber(b, at) ?? r + 1;
    if (r <= limits.rows) continue;
    const rest = b.subarray(at, end);
    if ([`<${p}v>`, `<${p}v `, `<${p}is>`, `<${p}f>`, `<${p}f `].some((needle) => rest.includes(needle))) throw tooManyRows(sheet, limits);
    return;
  }
}

/** Where <sheetData> can start: after the sheet's header elements, which are small; the rows follow it. */
function sheetDataSearch(b: Buffer): number {
  const at = b.indexOf('sheetData');
  return at < 0 ? 0 : at + 16;
}

const isTagEnd = (c: number) => c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

function nextTag(b: Buffer, tag: string, from: number, end: number): number {
  for (let i = b.indexOf(tag, from); i >= 0 && i < end; i = b.indexOf(tag, i + 1)) if (isTagEnd(b[i + tag.length])) return i;
  return -1;
}

function lastTag(b: Buffer, tag: string, from: number, end: number): number {
  for (let i = b.lastIndexOf(tag, end); i >= from; i = b.lastIndexOf(tag, i - 1)) if (isTagEnd(b[i + tag.length])) return i;
  return -1;
}

/** The r attribute of the row tag at `at`, or null when it has none. */
function rowNumber(b: Buffer, at: number): number | null {
  const close = b.indexOf('>', at);
  const tag = b.toString('latin1', at, close < 0 ? Math.min(b.length, at + 200) : close);
  const r = /\sr\s*=\s*["']\s*(\d+)/.exec(tag);
  return r ? Number(r[1]) : null;
}
