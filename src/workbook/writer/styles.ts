// New cell formats for written cells, appended to styles.xml. Existing entries are never changed or
// reordered (cells everywhere refer to them by index); each new <xf> is a copy of the cell's own
// format, so its font, border and number format stay, with wrapping and, for cells to review, a fill.
import { getAttr, removeAttr, setAttr } from '../package/xml.js';
import type { Font } from './fit.js';

export interface Look {
  /** Wrap long text within the cell. */
  wrap: boolean;
  /** The review highlight fill. */
  highlight: boolean;
  /** Keep text starting with = + - @ as text when someone edits the cell in Excel. */
  quotePrefix: boolean;
}

/**
 * Text Excel would take for a formula if someone edits the cell: starting with = + - @ (or their
 * full-width forms, which Japanese input turns into them), perhaps after tabs or line breaks. Such a cell
 * gets quotePrefix, so it stays text.
 */
export function formulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

const FORMULA_START = /^[\t\r\n]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Excel's "Neutral" yellow: visible, and dark text stays readable on it. */
export const HIGHLIGHT_RGB = 'FFFFEB9C';

const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Collection {
  /** Existing child elements, as text. */
  items: string[];
  added: string[];
}

export class Styles {
  private readonly prefix: string;
  private readonly collections = new Map<string, Collection>();
  private readonly cache = new Map<number | string, number>();
  private readonly fonts = new Map<number, Font>();
  private readonly fontOfXf = new Map<number, Font>();
  private highlightFill: number | null = null;
  private readonly sources = new Map<number, number[]>();

  constructor(private readonly xml: string) {
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
  }

  /** Index of a format that looks like `base` plus `look`; `base` itself when nothing needs to change. */
  cellStyle(base: number, look: Look): number {
    const flags = +look.wrap * 4 + +look.highlight * 2 + +look.quotePrefix;
    // Asked for every written cell: a number is the cheap key (an odd index from the file gets a text one).
    const key = Number.isInteger(base) && base >= 0 ? base * 8 + flags : `${base}|${flags}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xfs = this.collection('cellXfs');
    // The base may be one of the customer's formats or one added here (the review sheet's).
    const known = xfs.items[base] ?? xfs.added[base - xfs.items.length];
    const original = known ?? this.withPrefix(DEFAULT_XF);
    let xf = original;
    if (look.wrap) xf = withWrap(xf, this.prefix);
    if (look.highlight) xf = setOpenAttr(setOpenAttr(xf, 'fillId', String(this.highlight())), 'applyFill', '1');
    if (look.quotePrefix) xf = setOpenAttr(xf, 'quotePrefix', '1');
    const index = xf === original && known !== undefined ? base : this.add('cellXfs', xf);
    this.cache.set(key, index);
    return index;
  }

  /**
   * For a format carrying qmap's review highlight (a cell qmap flagged in an earlier download): the customer's
   * formats it may have been copied from, the same but for the fill (and perhaps the wrapping qmap adds),
   * plus, last, a new copy with no fill for when none is listed. Null for any other format.
   */
  highlightSources(index: number): number[] | null {
    const xfs = this.collection('cellXfs').items;
    const xf = xfs[index];
    if (!xf || !this.highlighted(xf)) return null;
    let sources = this.sources.get(index);
    if (!sources) {
      // qmap's copy also wraps the text: the customer's format may be the one without wrapping.
      const target = unfilled(xf);
      sources = xfs.flatMap((x, i) => (!this.highlighted(x) && (unfilled(x) === target || unfilled(withWrap(x, this.prefix)) === target) ? [i] : []));
      if (sources.length === 0) sources.push(this.add('cellXfs', setOpenAttr(unfilled(xf), 'fillId', '0')));
      this.sources.set(index, sources);
    }
    return sources;
  }

  private highlighted(xf: string): boolean {
    const fill = this.collection('fills').items[Number(getAttr(/^<[^>]*>/.exec(xf)![0], 'fillId') ?? 0)] ?? '';
    return /patternType="solid"/.test(fill) && new RegExp(`rgb="${HIGHLIGHT_RGB}"`, 'i').test(fill);
  }

  /** The font a cell format shows text in (size and name); the default font when the format does not say. */
  fontOf(xfIndex: number): Font {
    let font = this.fontOfXf.get(xfIndex);
    if (font) return font;
    const xfs = this.collection('cellXfs');
    const xf = xfs.items[xfIndex] ?? xfs.added[xfIndex - xfs.items.length];
    const fontId = xf ? Number(getAttr(/^<[^>]*>/.exec(xf)![0], 'fontId') ?? 0) : 0;
    font = this.font(Number.isInteger(fontId) ? fontId : 0);
    this.fontOfXf.set(xfIndex, font);
    return font;
  }

  /** The workbook's default font: the first, in whose digits Excel counts column widths. */
  defaultFont(): Font {
    return this.font(0);
  }

  private font(index: number): Font {
    let font = this.fonts.get(index);
    if (font) return font;
    const fonts = this.collection('fonts');
    const el = fonts.items[index] ?? fonts.added[index - fonts.items.length] ?? fonts.items[0] ?? '';
    const p = this.prefix;
    const size = Number(getAttr(new RegExp(`<${p}sz\\b[^>]*>`).exec(el)?.[0] ?? '', 'val') ?? NaN);
    const name = getAttr(new RegExp(`<${p}name\\b[^>]*>`).exec(el)?.[0] ?? '', 'val') ?? '';
    font = { size: Number.isFinite(size) && size > 0 ? size : 11, name };
    this.fonts.set(index, font);
    return font;
  }

  /** Append a font copied from the default font with extra children (e.g. `<b/>`) and an optional colour; returns its index. */
  addFont(extra: string, rgb?: string): number {
    const p = this.prefix;
    let font = this.collection('fonts').items[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    font = font.replace(/\/>$/, `></${p}font>`);
    if (rgb) font = font.replace(new RegExp(`<${p}color\\b[^>]*/>`), '');
    const children = `${extra}${rgb ? `<${p}color rgb="${rgb}"/>` : ''}`;
    return this.add('fonts', font.replace(/^(<[^>]*>)/, `$1${children}`));
  }

  /** Append a solid fill; returns its index. */
  addFill(rgb: string): number {
    const p = this.prefix;
    return this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /** Append a cell format from attributes, its text wrapped and/or at the top of the cell; returns its index. */
  addXf(attrs: Record<string, number | string>, align: { wrap?: boolean; top?: boolean } = {}): number {
    const p = this.prefix;
    const a = Object.entries({ numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0, ...attrs }).map(([k, v]) => ` ${k}="${v}"`).join('');
    const alignment = `${align.top ? ' vertical="top"' : ''}${align.wrap ? ' wrapText="1"' : ''}`;
    return this.add('cellXfs', alignment ? `<${p}xf${a} applyAlignment="1"><${p}alignment${alignment}/></${p}xf>` : `<${p}xf${a}/>`);
  }

  private highlight(): number {
    this.highlightFill ??= this.addFill(HIGHLIGHT_RGB);
    return this.highlightFill;
  }

  private withPrefix(xf: string): string {
    return xf.replace(/^<xf/, `<${this.prefix}xf`);
  }

  private collection(name: string): Collection {
    let c = this.collections.get(name);
    if (!c) {
      c = { items: this.childrenOf(name), added: [] };
      this.collections.set(name, c);
    }
    return c;
  }

  private add(name: string, element: string): number {
    const c = this.collection(name);
    c.added.push(element);
    return c.items.length + c.added.length - 1;
  }

  private childrenOf(name: string): string[] {
    const block = this.block(name);
    if (!block) return [];
    const child = { cellXfs: 'xf', fonts: 'font', fills: 'fill' }[name] ?? name;
    const p = this.prefix;
    const re = new RegExp(`<${p}${child}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g');
    return block.inner.match(re) ?? [];
  }

  private block(name: string): { start: number; openEnd: number; inner: string; end: number } | null {
    const p = this.prefix;
    const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(this.xml);
    if (!open) return null;
    const openEnd = open.index + open[0].length;
    if (open[1] === '/') return { start: open.index, openEnd, inner: '', end: openEnd };
    const close = this.xml.indexOf(`</${p}${name}>`, openEnd);
    return { start: open.index, openEnd, inner: this.xml.slice(openEnd, close), end: close };
  }

  /** styles.xml with the appended entries, or null when nothing was added. */
  result(): string | null {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const [name, c] of this.collections) {
      if (c.added.length === 0) continue;
      const p = this.prefix;
      const count = c.items.length + c.added.length;
      const b = this.block(name);
      if (!b) {
        edits.push({ ...this.insertionPoint(name), text: `<${p}${name} count="${count}">${c.added.join('')}</${p}${name}>` });
        continue;
      }
      const openTag = this.xml.slice(b.start, b.openEnd);
      const selfClosing = openTag.endsWith('/>');
      const newOpen = setAttr(selfClosing ? `${openTag.slice(0, -2).trimEnd()}>` : openTag, 'count', String(count));
      edits.push({ start: b.start, end: b.openEnd, text: newOpen });
      edits.push({ start: b.end, end: b.end, text: c.added.join('') + (selfClosing ? `</${p}${name}>` : '') });
    }
    if (edits.length === 0) return null;
    edits.sort((x, y) => x.start - y.start);
    const pieces: string[] = [];
    let pos = 0;
    for (const e of edits) {
      pieces.push(this.xml.slice(pos, e.start), e.text);
      pos = e.end;
    }
    pieces.push(this.xml.slice(pos));
    return pieces.join('');
  }

  /** Where a missing collection belongs, following the schema's order of styleSheet children. */
  private insertionPoint(name: string): { start: number; end: number } {
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    for (const later of order.slice(order.indexOf(name) + 1)) {
      const m = new RegExp(`<${this.prefix}${later}\\b`).exec(this.xml);
      if (m) return { start: m.index, end: m.index };
    }
    const end = this.xml.lastIndexOf('</');
    return { start: end, end };
  }
}

/** The xf with wrapping on, keeping any alignment it already has. */
function withWrap(xf: string, p: string): string {
  const alignRe = new RegExp(`<${p}alignment\\b[^>]*?/?>`);
  const open = /^<[^>]*>/.exec(xf)![0];
  let out: string;
  if (alignRe.test(xf)) {
    const tag = alignRe.exec(xf)![0];
    if (getAttr(tag, 'wrapText') === '1' || getAttr(tag, 'wrapText') === 'true') return xf;
    out = xf.replace(alignRe, setAttr(tag, 'wrapText', '1'));
  } else if (open.endsWith('/>')) {
    out = `${open.slice(0, -2).trimEnd()}><${p}alignment wrapText="1"/></${p}xf>`;
  } else {
    out = `${open}<${p}alignment wrapText="1"/>${xf.slice(open.length)}`;
  }
  return setOpenAttr(out, 'applyAlignment', '1');
}

/** The xf without its fill attributes. */
function unfilled(xf: string): string {
  const open = /^<[^>]*>/.exec(xf)![0];
  return removeAttr(removeAttr(open, 'fillId'), 'applyFill') + xf.slice(open.length);
}

/** Set an attribute on an element's start tag (not on its children). */
function setOpenAttr(element: string, name: string, value: string): string {
  const open = /^<[^>]*>/.exec(element)![0];
  return setAttr(open, name, value) + element.slice(open.length);
}
