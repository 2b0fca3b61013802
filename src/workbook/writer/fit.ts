// How tall a row must be for a wrapped answer to show in full. Excel and LibreOffice lay text out with the
// fonts they have, which qmap cannot see: it estimates, on the generous side, lines from the cell's width
// (Excel's unit: digits of the workbook's default font) and the text (full-width characters count double,
// Latin words wrap whole, line breaks start a line), and their height from the cell's font size.
// Neither program grows a row when it opens a file (LibreOffice not even one without a height), so the
// writer writes the height itself; a row it grows keeps the customer's customHeight as it was.
import { eastAsianWidth } from 'get-east-asian-width';
import { getAttr, setAttr } from '../package/xml.js';

export interface Font {
  /** Points. */
  size: number;
  name: string;
}

/** What a sheet says about the size of its text and rows. */
export interface Measures {
  /** The workbook's default font (the Normal style's), in whose digits column widths are counted. */
  defaultFont: Font;
  /** The height of a row that holds one line in the default font, in points. */
  defaultRowHeight: number;
}

/** The cell's padding and grid line, in digit widths: text has this much less room than the column is wide. */
const PADDING = 1;
/** Fonts differ: a line is taken as this much shorter than the digits would say. */
const SAFETY = 0.95;
/** The tallest row Excel allows, in points. */
export const MAX_ROW_HEIGHT = 409.5;

/** Lines `text` takes in a cell `width` digits wide, in a font `scale` times the default font's size. */
export function linesOf(text: string, width: number, scale = 1): number {
  const room = Math.max(1, ((width - PADDING) * SAFETY) / scale);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) lines += paragraphLines(paragraph, room);
  return lines;
}

const AMBIGUOUS_WIDE = { ambiguousAsWide: true };

/**
 * Digits a character takes: two for East Asian wide and full-width ones (and ambiguous ones, as Japanese fonts
 * draw them), else one. ASCII and the common CJK blocks are decided without the table: answers are long.
 */
function charWidth(cp: number): 1 | 2 {
  if (cp < 0xa1) return 1;
  if ((cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xac00 && cp <= 0xd7a3)) return 2;
  return eastAsianWidth(cp, AMBIGUOUS_WIDE);
}

/** The column width (digits) that shows every line of `text` unwrapped, by the same estimate as linesOf. */
export function widthFor(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const ch of line) width += charWidth(ch.codePointAt(0)!);
    widest = Math.max(widest, width);
  }
  return widest / SAFETY + PADDING;
}

/** Greedy wrapping: Latin words move to the next line whole (split only when longer than a line); CJK breaks anywhere. */
function paragraphLines(paragraph: string, room: number): number {
  let lines = 1;
  let used = 0;
  let word = 0;
  const place = (w: number) => {
    if (used + w <= room) used += w;
    else if (w <= room) {
      lines++;
      used = w;
    } else {
      // Longer than a line: broken where the line ends, as Excel and LibreOffice do.
      lines += Math.ceil((used + w) / room) - 1;
      used = (used + w) % room || room;
    }
  };
  for (let i = 0; i < paragraph.length; i++) {
    const cp = paragraph.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp === 32 || cp === 9) {
      place(word);
      word = 0;
      // A space where a line ends is not carried to the next one.
      if (used + 1 <= room) used += 1;
      continue;
    }
    const w = charWidth(cp);
    if (w === 2) {
      place(word);
      word = 0;
      place(2);
    } else word += w;
  }
  place(word);
  return lines;
}

/** The distance between lines of a font, in points: fonts with tall line spacing (游ゴシック, メイリオ) get more. */
export function lineHeight(font: Font, m: Measures): number {
  const tall = /游|yu ?gothic|yu ?mincho|meiryo|メイリオ/i.test(font.name) ? 1.75 : 1.5;
  const sheet = Math.min(1.8, m.defaultRowHeight / m.defaultFont.size);
  return font.size * Math.max(tall, sheet);
}

/** The height (points) a row needs to show `text` in a cell `width` digits wide in `font`; one line needs no more than the default row. */
export function heightFor(text: string, width: number, font: Font, m: Measures): number {
  const lines = linesOf(text, width, font.size / m.defaultFont.size);
  if (lines <= 1) return (m.defaultRowHeight * font.size) / m.defaultFont.size;
  return Math.min(MAX_ROW_HEIGHT, lines * lineHeight(font, m));
}

/** The height a row shows: its own, or the sheet's default. */
export function rowHeightOf(tag: string, m: Pick<Measures, 'defaultRowHeight'>): number {
  const ht = tag.includes('ht=') ? Number(getAttr(tag, 'ht')) : NaN;
  return Number.isFinite(ht) && ht >= 0 ? ht : m.defaultRowHeight;
}

/** A row the customer hid, or made no height at all (another way to hide it): it shows nothing and needs nothing. */
export const isHiddenRow = (tag: string) => (tag.includes('hidden') && /^(1|true)$/.test(getAttr(tag, 'hidden') ?? '')) || (tag.includes('ht=') && Number(getAttr(tag, 'ht')) === 0);

/** The row's start tag grown to `needed` points when it shows less (hidden rows are left alone). */
export function grownRowTag(tag: string, needed: number, m: Pick<Measures, 'defaultRowHeight'>): string {
  if (isHiddenRow(tag) || needed <= rowHeightOf(tag, m) + 0.01) return tag;
  // Whole pixels (0.75 pt), as Excel stores heights.
  const ht = Math.min(MAX_ROW_HEIGHT, Math.ceil(needed / 0.75 - 1e-9) * 0.75);
  return setAttr(tag, 'ht', String(Number(ht.toFixed(2))));
}

/** The height of a one-line row in a font of this size when the sheet does not say: 15 points for 11-point text, as Excel makes it. */
export const defaultRowHeightOf = (fontSize: number) => Math.round((fontSize * 15) / 11 / 0.75) * 0.75;

/** The height every row of a worksheet's XML shows (hidden rows 0), by 1-based row number; rows not listed show the default. */
export function rowHeightsIn(xml: string, m: Pick<Measures, 'defaultRowHeight'>): Map<number, number> {
  const heights = new Map<number, number>();
  let r = 0;
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*>/g)) {
    const tag = match[0];
    r = Number(getAttr(tag, 'r') ?? r + 1);
    heights.set(r, isHiddenRow(tag) ? 0 : rowHeightOf(tag, m));
  }
  return heights;
}
