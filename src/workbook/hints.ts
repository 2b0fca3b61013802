// Hints for detection that SheetJS's community build does not give from an xlsx, read straight from the package
// parts the package layer inflated: hidden rows and columns, list data validations, struck-out cells.
// Each part is searched with native byte search; only small slices are decoded to text.
import { decodeRange, decodeCell } from './address.js';
import { unescapeXml } from './package/xml.js';
import type { Range } from './types.js';

export interface SheetExtras {
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  /** List validations with their formula as written (a quoted list, a range or a defined name). */
  validations: { range: Range; formula: string }[];
  struck: Set<string>;
}

const utf8 = new TextDecoder();
const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

const attrPatterns = new Map<string, RegExp>();
const attr = (tag: string, name: string): string | undefined => {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
};
const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** cellXfs indices whose font is struck through. */
export function strikeStyles(stylesXml: string): Set<number> {
  const out = new Set<number>();
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(stylesXml)?.[1] ?? '';
  const struckFonts = new Set<number>();
  let i = 0;
  for (const m of fonts.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)) {
    const body = m[1] ?? '';
    const s = /<strike\b([^>]*)\/?>/.exec(body);
    if (s && (attr(s[1], 'val') === undefined || truthy(attr(s[1], 'val')))) struckFonts.add(i);
    i++;
  }
  if (struckFonts.size === 0) return out;
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    if (struckFonts.has(Number(attr(m[0], 'fontId') ?? 0))) out.add(i);
    i++;
  }
  return out;
}

export function sheetExtras(part: Uint8Array, struckXfs: Set<number>): SheetExtras {
  const buf = asBuffer(part);
  const dataStart = buf.indexOf('<sheetData');
  const dataEnd = buf.lastIndexOf('</sheetData>');
  const headEnd = dataStart < 0 ? buf.length : dataStart;
  const tailStart = dataEnd < 0 ? headEnd : dataEnd;
  const head = utf8.decode(part.subarray(0, headEnd));
  const tail = utf8.decode(part.subarray(tailStart));
  return {
    hiddenCols: hiddenColumns(head),
    hiddenRows: hiddenRows(buf, headEnd, tailStart),
    validations: listValidations(tail),
    struck: struckXfs.size ? struckCells(utf8.decode(part.subarray(headEnd, tailStart)), struckXfs) : new Set(),
  };
}

function hiddenColumns(head: string): Set<number> {
  const out = new Set<number>();
  for (const m of head.matchAll(/<col\b[^>]*>/g)) {
    if (!truthy(attr(m[0], 'hidden'))) continue;
    const min = Number(attr(m[0], 'min'));
    const max = Math.min(Number(attr(m[0], 'max')), min + 16384);
    for (let c = min; c <= max; c++) out.add(c - 1);
  }
  return out;
}

// Hidden rows are rare, so look for the attribute and only then at the tag that holds it.
function hiddenRows(buf: Buffer, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (const needle of ['hidden="1"', 'hidden="true"']) {
    for (let i = buf.indexOf(needle, from); i >= 0 && i < to; i = buf.indexOf(needle, i + needle.length)) {
      const open = buf.lastIndexOf('<', i);
      if (open < 0 || buf.indexOf('>', open) < i) continue;
      const tag = buf.toString('utf8', open, i + needle.length);
      if (!tag.startsWith('<row')) continue;
      const r = Number(attr(tag, 'r'));
      if (r > 0) out.add(r - 1);
    }
  }
  return out;
}

function listValidations(tail: string): { range: Range; formula: string }[] {
  const out: { range: Range; formula: string }[] = [];
  const add = (sqref: string, formula: string) => {
    for (const ref of sqref.trim().split(/\s+/)) {
      const range = decodeRange(ref);
      if (range && formula) out.push({ range, formula: unescapeXml(formula).trim() });
    }
  };
  for (const m of tail.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    if (attr(m[1], 'type') !== 'list') continue;
    add(attr(m[1], 'sqref') ?? '', /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? '');
  }
  // Excel 2010+ writes validations that point at another sheet into the extension list.
  for (const m of tail.matchAll(/<x14:dataValidation\b([^>]*)>([\s\S]*?)<\/x14:dataValidation>/g)) {
    if (attr(m[1], 'type') !== 'list') continue;
    const f = /<xm:f>([\s\S]*?)<\/xm:f>/.exec(m[2])?.[1] ?? '';
    add(/<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(m[2])?.[1] ?? '', f);
  }
  return out;
}

function struckCells(sheetData: string, struckXfs: Set<number>): Set<string> {
  const out = new Set<string>();
  for (const m of sheetData.matchAll(/<c\b([^>]*)>/g)) {
    const s = attr(m[1], 's');
    if (s === undefined || !struckXfs.has(Number(s))) continue;
    const at = decodeCell(attr(m[1], 'r') ?? '');
    if (at) out.add(`${at.r},${at.c}`);
  }
  return out;
}
