// Writing cells into a worksheet part's <sheetData> with one linear scan. Rows and cells that
// take no answer are copied through as they are; only the written cells' bytes change.
import { columnAt, columnLetters, formatAddress } from '../package/a1.js';
import { InlineTails, inlineTail } from './inline.js';
import { textOf } from '../package/package.js';
import type { Splices } from './splice.js';
import { getAttr, removeAttr, setAttr } from '../package/xml.js';

export interface CellEdit {
  row: number;
  col: number;
  /** The text to write, or '' to leave the cell empty and only restyle it. */
  text: string;
  /** Write over what the cell holds (a pre-printed □ that the mark replaces): the caller read what it is. */
  overwrite?: boolean;
}

/** Given the style index a cell shows today, the style index to give it for this edit. */
export type StyleOf<E> = (current: number, edit: E) => number;

/** A row's start tag as it must be once its edits are made (e.g. taller); asked after their styles are chosen. */
export type RowTagOf<E> = (tag: string, row: number, edits: E[]) => string;

export interface PatchResult<E extends CellEdit> {
  /** Edits not made because the cell already holds a value or a formula. */
  filled: E[];
}

export interface SheetLayout {
  /** Style index a column (1-based) gives its empty cells, from <cols>. */
  colStyle(col: number): number | undefined;
}

/**
 * Apply edits (any order, at most one per cell) to the sheet XML (a Source's text), as replacements
 * added to `out`: only the written cells (and a row's tag when its spans widen) are replaced.
 */
export function patchCells<E extends CellEdit>(
  xml: string,
  edits: E[],
  layout: SheetLayout,
  styleOf: StyleOf<E>,
  out: Splices,
  rowTagOf: RowTagOf<E> = (tag) => tag,
): PatchResult<E> {
  if (edits.length === 0) return { filled: [] };
  const sorted = [...edits].sort((a, b) => a.row - b.row || a.col - b.col);
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { filled: sorted };
  return new Patcher(xml, textOf(open[1] ?? ''), layout, styleOf, out, rowTagOf).run(sorted, open.index, open[0]);
}

class Patcher<E extends CellEdit> {
  readonly filled: E[] = [];
  private readonly tails: InlineTails;
  private readonly rowOpen: string;
  private readonly rowHead: string;
  private readonly rowClose: string;
  private readonly cellOpen: string;
  private readonly cellHead: string;
  private readonly cellClose: string;
  private readonly fastTag: RegExp;

  constructor(
    private readonly xml: string,
    private readonly p: string,
    private readonly layout: SheetLayout,
    private readonly styleOf: StyleOf<E>,
    private readonly out: Splices,
    private readonly rowTagOf: RowTagOf<E>,
  ) {
    this.tails = new InlineTails(p);
    this.rowOpen = `<${p}row`;
    this.rowHead = `<${p}row r="`;
    this.rowClose = `</${p}row>`;
    this.cellOpen = `<${p}c`;
    this.cellHead = `<${p}c r="`;
    this.cellClose = `</${p}c>`;
    // The usual empty cell, `<c r="E6" s="3"/>`: rewritten without taking its attributes apart.
    this.fastTag = new RegExp(`^(<${escapeRe(p)}c r="[A-Za-z0-9$]*")(?: s="\\d+")?/?>$`);
  }

  run(sorted: E[], openAt: number, openTag: string): PatchResult<E> {
    const { xml, p, out } = this;
    const contentStart = openAt + openTag.length;
    if (openTag.endsWith('/>')) {
      // <sheetData/>: open it up.
      out.replace(openAt, contentStart, `<${p}sheetData>`);
      this.newRows(sorted, 0, Infinity, contentStart);
      out.insert(contentStart, `</${p}sheetData>`);
      return { filled: this.filled };
    }
    const contentEnd = xml.indexOf(`</${p}sheetData>`, contentStart);
    if (contentEnd < 0) {
      // No end tag (a broken part): the rows go before its last character, as they always have.
      this.newRows(sorted, 0, Infinity, Math.max(xml.length - 1, contentStart));
      return { filled: this.filled };
    }

    let next = 0;
    let prevRow = 0;
    for (let pos = contentStart; next < sorted.length; ) {
      const at = findTag(xml, this.rowOpen, pos, contentEnd);
      if (at < 0) break;
      const innerStart = xml.indexOf('>', at) + 1;
      if (innerStart === 0) break;
      const rowTag = textOf(xml.slice(at, innerStart));
      const r = leadingAttr(rowTag, this.rowHead, 'r');
      const rowNum = Number(r ?? prevRow + 1);
      prevRow = rowNum;
      const selfClosing = rowTag.endsWith('/>');
      const innerEnd = selfClosing ? innerStart : xml.indexOf(this.rowClose, innerStart);
      pos = selfClosing ? innerStart : innerEnd + this.rowClose.length;

      if (sorted[next].row < rowNum) next = this.newRows(sorted, next, rowNum, at);
      if (next < sorted.length && sorted[next].row === rowNum) {
        const end = takeRow(sorted, next);
        const here = sorted.slice(next, end);
        const rowStyle = rowTag.includes('customFormat') && getAttr(rowTag, 'customFormat') === '1' ? Number(getAttr(rowTag, 's') ?? 0) : null;
        if (selfClosing) {
          // <row …/>: opened up, with the new cells inside.
          for (const e of here) this.newCell(innerStart, e, rowStyle);
          out.insert(innerStart, this.rowClose);
          out.replace(at, innerStart, this.rowTagOf(coverInSpans(`${rowTag.slice(0, -2).trimEnd()}>`, here), rowNum, here));
        } else {
          this.patchRow(innerStart, innerEnd, here, rowStyle);
          const tag = this.rowTagOf(coverInSpans(rowTag, here), rowNum, here);
          if (tag !== rowTag) out.replace(at, innerStart, tag);
        }
        next = end;
      }
    }
    this.newRows(sorted, next, Infinity, contentEnd);
    return { filled: this.filled };
  }

  /** The edits of one row, made in the row's content xml[from, to). */
  private patchRow(from: number, to: number, edits: E[], rowStyle: number | null): void {
    const { xml, out } = this;
    let next = 0;
    let prevCol = 0;
    for (let pos = from; next < edits.length; ) {
      const at = findTag(xml, this.cellOpen, pos, to);
      if (at < 0) break;
      const contentStart = xml.indexOf('>', at) + 1;
      if (contentStart === 0) break;
      const col = this.columnAt(at, contentStart, prevCol);
      prevCol = col;
      const selfClosing = xml.charCodeAt(contentStart - 2) === 47; // '/'
      const cellEnd = selfClosing ? contentStart : xml.indexOf(this.cellClose, contentStart) + this.cellClose.length;
      pos = cellEnd;

      while (next < edits.length && edits[next].col < col) this.newCell(at, edits[next++], rowStyle);
      if (next < edits.length && edits[next].col === col) {
        const edit = edits[next++];
        if (!edit.overwrite && !selfClosing && hasValue(textOf(xml.slice(contentStart, cellEnd - this.cellClose.length)), this.p)) {
          this.filled.push(edit);
          continue;
        }
        const tag = textOf(xml.slice(at, contentStart));
        this.rewriteCell(at, cellEnd, tag, edit, this.styleOf(Number(getAttr(tag, 's') ?? 0), edit));
      }
    }
    for (; next < edits.length; next++) this.newCell(to, edits[next], rowStyle);
  }

  /** The column of the cell whose tag is xml[at, end): read in place when the tag starts `<c r="E6"`. */
  private columnAt(at: number, end: number, prevCol: number): number {
    const xml = this.xml;
    if (xml.startsWith(this.cellHead, at)) {
      const from = at + this.cellHead.length;
      const col = columnAt(xml, from);
      // An escaped character right after the letters would change them: read the attribute properly then.
      if (col > 0 && xml.charCodeAt(from + columnLetters(col).length) !== 38) return col;
    }
    const ref = getAttr(textOf(xml.slice(at, end)), 'r');
    return ref ? columnAt(ref, ref.startsWith('$') ? 1 : 0) : prevCol + 1;
  }

  /** New <row> elements at `at` for the edits before row `before`; returns the index of the first edit left. */
  private newRows(sorted: E[], from: number, before: number, at: number): number {
    let i = from;
    while (i < sorted.length && sorted[i].row < before) {
      const end = takeRow(sorted, i);
      const here = sorted.slice(i, end);
      // The cells' styles are chosen before the row's tag is asked for, which goes before them.
      const cells = here.map((e) => this.cellPieces(e, null));
      this.out.insert(at, this.rowTagOf(`<${this.p}row r="${sorted[i].row}">`, sorted[i].row, here));
      for (const piece of cells.flat()) this.out.insert(at, piece);
      this.out.insert(at, this.rowClose);
      i = end;
    }
    return i;
  }

  /** A new cell at `at`, styled from its row (when the row has a format) or column. */
  private newCell(at: number, edit: E, rowStyle: number | null): void {
    for (const piece of this.cellPieces(edit, rowStyle)) this.out.insert(at, piece);
  }

  private cellPieces(edit: E, rowStyle: number | null): (string | Uint8Array)[] {
    const style = this.styleOf(rowStyle ?? this.layout.colStyle(edit.col) ?? 0, edit);
    const head = `<${this.p}c r="${formatAddress(edit)}"${style ? ` s="${style}"` : ''}`;
    return edit.text === '' ? [`${head}/>`] : [head, this.tails.bytes(edit.text)];
  }

  /** Replace the empty cell xml[at, end), whose start tag is `tag`, with the written one. */
  private rewriteCell(at: number, end: number, tag: string, edit: E, style: number): void {
    const fast = this.fastTag.exec(tag);
    let head: string;
    if (fast) head = `${fast[1]}${style ? ` s="${style}"` : ''}`;
    else {
      let t = tag.endsWith('/>') ? `${tag.slice(0, -2).trimEnd()}>` : tag;
      // Keep the customer's attributes; drop only those that describe the old (empty) value.
      for (const name of ['cm', 'vm', 't']) if (t.includes(`${name}=`)) t = removeAttr(t, name);
      t = style ? setAttr(t, 's', String(style)) : removeAttr(t, 's');
      if (edit.text !== '' && getAttr(t, 't') !== null) {
        // A second type attribute (not valid XML, but kept as it always was): set in place.
        this.out.replace(at, end, `${setAttr(t, 't', 'inlineStr')}${inlineTail(this.p, edit.text).slice(' t="inlineStr">'.length)}`);
        return;
      }
      head = t.slice(0, -1);
    }
    if (edit.text === '') this.out.replace(at, end, `${head}/>`);
    else {
      this.out.replace(at, end, head);
      this.out.insert(end, this.tails.bytes(edit.text));
    }
  }
}

/** Where the next element `open` (e.g. `<row`, not `<rowBreaks`) starts in xml[from, to), or -1. */
function findTag(xml: string, open: string, from: number, to: number): number {
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    const c = xml.charCodeAt(i + open.length);
    // What `(?=[\s>/])` accepts after the name in the start tag.
    if (c === 32 || c === 62 || c === 47 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return i;
  }
  return -1;
}

/** Attribute `name` of a start tag, read directly when it is the first one (`<row r="5"`, the way Excel writes it). */
function leadingAttr(tag: string, head: string, name: string): string | null {
  if (tag.startsWith(head)) {
    const end = tag.indexOf('"', head.length);
    if (end > 0) {
      const value = tag.slice(head.length, end);
      if (!value.includes('&')) return value;
    }
  }
  return getAttr(tag, name);
}

/**
 * A row's `spans` (an optional hint of its first:last column) widened to the written columns:
 * Excel reports a problem with the file when cells fall outside the spans it declares.
 */
function coverInSpans(rowTag: string, edits: CellEdit[]): string {
  if (!rowTag.includes('spans')) return rowTag;
  const spans = getAttr(rowTag, 'spans');
  if (spans === null) return rowTag;
  // The usual single range, "1:6", read without splitting it.
  const colon = spans.indexOf(':');
  if (colon > 0 && !/[\s:]/.test(spans.slice(colon + 1)) && !/\s/.test(spans.slice(0, colon))) {
    const a = Number(spans.slice(0, colon));
    const b = Number(spans.slice(colon + 1));
    if (edits.every((e) => e.col >= a && e.col <= b)) return rowTag;
  }
  const ranges = spans.trim().split(/\s+/).map((r) => r.split(':').map(Number));
  const outside = edits.filter((e) => !ranges.some(([a, b]) => e.col >= a && e.col <= b));
  if (outside.length === 0) return rowTag;
  if (ranges.length !== 1 || ranges[0].some((n) => !Number.isFinite(n))) return removeAttr(rowTag, 'spans');
  const lo = Math.min(ranges[0][0], ...outside.map((e) => e.col));
  const hi = Math.max(ranges[0][1], ...outside.map((e) => e.col));
  return setAttr(rowTag, 'spans', `${lo}:${hi}`);
}

function takeRow(sorted: CellEdit[], from: number): number {
  let end = from;
  while (end < sorted.length && sorted[end].row === sorted[from].row) end++;
  return end;
}

/** The cell holds something the customer typed or computed: a value, a formula or inline text. */
function hasValue(content: string, p: string): boolean {
  if (content === '') return false;
  const re = patterns(p);
  if (re.formula.test(content)) return true;
  const v = re.value.exec(content);
  if (v && v[1] !== '') return true;
  const texts = content.match(re.text);
  return !!texts && texts.some((t) => t.replace(/<[^>]*>/g, '').trim() !== '');
}

// Compiled once per namespace prefix ('' or 'x:'), not once per row or cell.
const compiled = new Map<string, { formula: RegExp; value: RegExp; text: RegExp }>();
function patterns(p: string) {
  let c = compiled.get(p);
  if (!c) {
    const q = escapeRe(p);
    c = {
      formula: new RegExp(`<${q}f[\\s>/]`),
      value: new RegExp(`<${q}v(?:\\s[^>]*)?>([\\s\\S]*?)</${q}v>`),
      text: new RegExp(`<${q}t(?:\\s[^>]*)?>([\\s\\S]*?)</${q}t>`, 'g'),
    };
    compiled.set(p, c);
  }
  return c;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
