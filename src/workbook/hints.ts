// Hints for detection that SheetJS's community build does not give from an xlsx, read straight from the package
// parts the package layer inflated: hidden rows and columns, list data validations, struck-out cells, column widths,
// and which cells are shaded or bordered (input boxes, the table's extent).
// Each part is searched with native byte search; only small slices are decoded to text.
import { decodeRange } from './address.js';
import { unescapeXml } from './package/xml.js';
import { cellKey, type Look, type Range } from './types.js';

export interface SheetExtras {
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  /** List validations with their formula as written (a quoted list, a range or a defined name). */
  validations: { range: Range; formula: string }[];
  struck: Set<string>;
  /** Widths in characters of the columns the sheet sizes. */
  colWidths: Map<number, number>;
  /** Shaded or bordered cells, by cellKey(r, c). */
  looks: Map<number, Look>;
  /** Formulas stored without a value (never calculated), by cellKey(r, c): SheetJS leaves such cells out. */
  formulas?: Map<number, string>;
}

/** What the cell formats (styles.xml cellXfs) say, by format index. */
export interface CellFormats {
  struck: Set<number>;
  looks: (Look | undefined)[];
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


/** Which cell formats strike their text through, and which shade or border the cell. */
export function cellFormats(stylesXml: string): CellFormats {
  const part = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(stylesXml)?.[1] ?? '';
  const struckFonts = new Set<number>();
  let i = 0;
  for (const m of part('fonts').matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)) {
    const s = /<strike\b([^>]*)\/?>/.exec(m[1] ?? '');
    if (s && (attr(s[1], 'val') === undefined || truthy(attr(s[1], 'val')))) struckFonts.add(i);
    i++;
  }
  const fills = [...part('fills').matchAll(/<fill\b[^>]*?(?:\/>|>([\s\S]*?)<\/fill>)/g)].map((m) => fillColour(m[1] ?? ''));
  const borders = [...part('borders').matchAll(/<border\b[^>]*?(?:\/>|>([\s\S]*?)<\/border>)/g)].map((m) =>
    /<(?:left|right|top|bottom)\b[^>]*\sstyle="(?!none")[^"]+"/.test(m[1] ?? ''),
  );
  const out: CellFormats = { struck: new Set(), looks: [] };
  i = 0;
  for (const m of part('cellXfs').matchAll(/<xf\b[^>]*>/g)) {
    if (struckFonts.has(Number(attr(m[0], 'fontId') ?? 0))) out.struck.add(i);
    const fill = fills[Number(attr(m[0], 'fillId') ?? 0)] ?? null;
    const border = borders[Number(attr(m[0], 'borderId') ?? 0)] ?? false;
    if (fill !== null || border) out.looks[i] = { fill, border };
    i++;
  }
  return out;
}

/** A fill's colour as a key (rgb:FFFFFF00, theme:4:0.8, indexed:13, pattern); null for no fill or plain white. */
function fillColour(fill: string): string | null {
  if (/<gradientFill\b/.test(fill)) return 'gradient';
  const pattern = /<patternFill\b([^>]*)/.exec(fill);
  const type = pattern ? attr(pattern[1], 'patternType') : undefined;
  if (!pattern || type === undefined || type === 'none' || type === 'gray125') return null;
  const fg = /<fgColor\b([^>]*)/.exec(fill)?.[1] ?? '';
  const rgb = attr(fg, 'rgb');
  const theme = attr(fg, 'theme');
  const indexed = attr(fg, 'indexed');
  const key = rgb ? `rgb:${rgb.toUpperCase().replace(/^FF(?=[0-9A-F]{6}$)/, '')}` : theme ? `theme:${theme}:${attr(fg, 'tint') ?? 0}` : indexed ? `indexed:${indexed}` : type;
  // White is no shading: Excel's "no colour" written out, or a white background.
  return /^(rgb:FFFFFF|theme:0:0|indexed:(9|1|64))$/.test(key) && type === 'solid' ? null : key;
}

export function sheetExtras(part: Uint8Array, formats: CellFormats): SheetExtras {
  const buf = asBuffer(part);
  const dataStart = buf.indexOf('<sheetData');
  const dataEnd = buf.lastIndexOf('</sheetData>');
  const headEnd = dataStart < 0 ? buf.length : dataStart;
  const tailStart = dataEnd < 0 ? headEnd : dataEnd;
  const head = utf8.decode(part.subarray(0, headEnd));
  const tail = utf8.decode(part.subarray(tailStart));
  const styled = formats.struck.size || formats.looks.length ? styledCells(utf8.decode(part.subarray(headEnd, tailStart)), formats) : null;
  return {
    hiddenCols: hiddenColumns(head),
    hiddenRows: hiddenRows(buf, headEnd, tailStart),
    validations: listValidations(tail),
    struck: styled?.struck ?? new Set(),
    colWidths: columnWidths(head),
    looks: styled?.looks ?? new Map(),
    formulas: valuelessFormulas(buf, headEnd, tailStart),
  };
}

/**
 * Formulas whose cell stores no value (a workbook written by a program that does not calculate, such as openpyxl),
 * by cellKey. A shared formula's copies (`<f t="shared" si="0"/>`) are given their first cell's formula as written.
 */
function valuelessFormulas(buf: Buffer, from: number, to: number): Map<number, string> {
  const out = new Map<number, string>();
  const shared = new Map<string, string>();
  for (let i = buf.indexOf('<f', from); i >= 0 && i < to; i = buf.indexOf('<f', i + 2)) {
    const next = buf[i + 2];
    if (next !== 0x3e && next !== 0x20 && next !== 0x2f) continue; // '>', ' ', '/': not <fill or another element
    const cellStart = buf.lastIndexOf('<c ', i);
    const cellEnd = buf.indexOf('</c>', i);
    if (cellStart < from || cellEnd < 0) continue;
    const cell = buf.toString('utf8', cellStart, cellEnd);
    const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(cell);
    if (!f) continue;
    const si = attr(f[1], 'si');
    const text = unescapeXml(f[2] ?? '');
    if (si !== undefined && text) shared.set(si, text);
    if (/<v>[^<]/.test(cell) || /<is>/.test(cell)) continue;
    const at = cellRef(cell, 0, cell.indexOf('>'));
    const formula = text || (si === undefined ? '' : (shared.get(si) ?? ''));
    if (at && formula) out.set(cellKey(at.r, at.c), formula);
  }
  return out;
}

function columnWidths(head: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of head.matchAll(/<col\b[^>]*>/g)) {
    const width = Number(attr(m[0], 'width'));
    if (!(width >= 0)) continue;
    const min = Number(attr(m[0], 'min'));
    const max = Math.min(Number(attr(m[0], 'max')), min + 256);
    for (let c = min; c <= max; c++) out.set(c - 1, width);
  }
  return out;
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

function styledCells(sheetData: string, formats: CellFormats): { struck: Set<string>; looks: Map<number, Look> } {
  const struck = new Set<string>();
  const looks = new Map<number, Look>();
  // Every cell of a formatted sheet has a style: scan the tags with indexOf rather than a regex per attribute.
  for (let i = sheetData.indexOf('<c '); i >= 0; i = sheetData.indexOf('<c ', i + 3)) {
    const end = sheetData.indexOf('>', i);
    const xf = numberAttr(sheetData, ' s="', i, end);
    if (xf < 0) continue;
    const look = formats.looks[xf];
    const strike = formats.struck.has(xf);
    if (!look && !strike) continue;
    const at = cellRef(sheetData, i, end);
    if (!at) continue;
    if (strike) struck.add(`${at.r},${at.c}`);
    if (look) looks.set(cellKey(at.r, at.c), look);
  }
  return { struck, looks };
}

/** The r="C5" reference of a cell tag, 0-based, read in place; null if absent or malformed. */
function cellRef(xml: string, from: number, end: number): { r: number; c: number } | null {
  const at = xml.indexOf(' r="', from);
  if (at < 0 || at > end) return null;
  let i = at + 4;
  let c = 0;
  for (let ch = xml.charCodeAt(i); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++i)) c = c * 26 + ch - 64;
  let r = 0;
  const digits = i;
  for (let d = xml.charCodeAt(i); d >= 48 && d <= 57; d = xml.charCodeAt(++i)) r = r * 10 + d - 48;
  return c > 0 && i > digits && xml.charCodeAt(i) === 34 ? { r: r - 1, c: c - 1 } : null;
}

/** The non-negative integer value of an attribute (needle is ` name="`) inside a tag ending at `end`; -1 if absent. */
function numberAttr(xml: string, needle: string, from: number, end: number): number {
  const at = xml.indexOf(needle, from);
  if (at < 0 || at > end) return -1;
  let n = 0;
  let i = at + needle.length;
  for (let d = xml.charCodeAt(i); d >= 48 && d <= 57; d = xml.charCodeAt(++i)) n = n * 10 + d - 48;
  return i > at + needle.length ? n : -1;
}
