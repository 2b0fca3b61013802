// Writing cells into a worksheet part's <sheetData> with one linear scan. Rows and cells that
// take no answer are copied through as they are; only the written cells' bytes change.
import { formatAddress } from './a1.js';
import { escapeCellText, getAttr, needsPreserve, removeAttr, setAttr } from './xml.js';

export interface CellEdit {
  row: number;
  col: number;
  /** The text to write, or '' to leave the cell empty and only restyle it. */
  text: string;
  /** Given the style index the cell shows today, the style index to give it. */
  style: (current: number) => number;
}

export interface PatchResult<E extends CellEdit> {
  xml: string;
  /** Edits not made because the cell already holds a value or a formula. */
  filled: E[];
}

export interface SheetLayout {
  /** Style index a column (1-based) gives its empty cells, from <cols>. */
  colStyle(col: number): number | undefined;
}

/** Apply edits (any order, at most one per cell) to the sheet XML. */
export function patchCells<E extends CellEdit>(xml: string, edits: E[], layout: SheetLayout): PatchResult<E> {
  const filled: E[] = [];
  if (edits.length === 0) return { xml, filled };
  const sorted = [...edits].sort((a, b) => a.row - b.row || a.col - b.col);

  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { xml, filled: sorted };
  const p = open[1] ?? '';
  const pieces: string[] = [];
  let contentStart = open.index + open[0].length;
  let contentEnd: number;
  let tail: string;
  if (open[2] === '/') {
    // <sheetData/>: open it up.
    pieces.push(xml.slice(0, open.index), `<${p}sheetData>`);
    contentEnd = contentStart;
    tail = `</${p}sheetData>`;
  } else {
    pieces.push(xml.slice(0, contentStart));
    contentEnd = xml.indexOf(`</${p}sheetData>`, contentStart);
    tail = '';
  }

  const rowRe = new RegExp(`<${escapeRe(p)}row(?=[\\s>/])[^>]*>`, 'g');
  rowRe.lastIndex = contentStart;
  let pos = contentStart;
  let next = 0;
  let prevRow = 0;
  for (let m; next < sorted.length && (m = rowRe.exec(xml)) && m.index < contentEnd; ) {
    const rowTag = m[0];
    const rowNum = Number(getAttr(rowTag, 'r') ?? prevRow + 1);
    prevRow = rowNum;
    const selfClosing = rowTag.endsWith('/>');
    const innerStart = m.index + rowTag.length;
    const closeTag = `</${p}row>`;
    const innerEnd = selfClosing ? innerStart : xml.indexOf(closeTag, innerStart);
    const rowEnd = selfClosing ? innerStart : innerEnd + closeTag.length;
    rowRe.lastIndex = rowEnd;

    if (sorted[next].row < rowNum) {
      pieces.push(xml.slice(pos, m.index));
      next = emitNewRows(pieces, sorted, next, rowNum, p, layout);
      pos = m.index;
    }
    if (next < sorted.length && sorted[next].row === rowNum) {
      const end = takeRow(sorted, next);
      const rowStyle = getAttr(rowTag, 'customFormat') === '1' ? Number(getAttr(rowTag, 's') ?? 0) : null;
      pieces.push(xml.slice(pos, m.index));
      const openTag = coverInSpans(selfClosing ? `${rowTag.slice(0, -2).trimEnd()}>` : rowTag, sorted.slice(next, end));
      pieces.push(openTag, patchRow(xml.slice(innerStart, innerEnd), sorted.slice(next, end), p, rowStyle, layout, filled), closeTag);
      pos = rowEnd;
      next = end;
    }
  }
  pieces.push(xml.slice(pos, contentEnd));
  emitNewRows(pieces, sorted, next, Infinity, p, layout);
  pieces.push(tail, xml.slice(contentEnd));
  return { xml: pieces.join(''), filled };
}

/**
 * A row's `spans` (an optional hint of its first:last column) widened to the written columns:
 * Excel reports a problem with the file when cells fall outside the spans it declares.
 */
function coverInSpans(rowTag: string, edits: CellEdit[]): string {
  const spans = getAttr(rowTag, 'spans');
  if (spans === null) return rowTag;
  const ranges = spans.trim().split(/\s+/).map((r) => r.split(':').map(Number));
  const outside = edits.filter((e) => !ranges.some(([a, b]) => e.col >= a && e.col <= b));
  if (outside.length === 0) return rowTag;
  if (ranges.length !== 1 || ranges[0].some((n) => !Number.isFinite(n))) return removeAttr(rowTag, 'spans');
  const lo = Math.min(ranges[0][0], ...outside.map((e) => e.col));
  const hi = Math.max(ranges[0][1], ...outside.map((e) => e.col));
  return setAttr(rowTag, 'spans', `${lo}:${hi}`);
}

/** The column number of an A1 reference, read from its leading letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

function takeRow(sorted: CellEdit[], from: number): number {
  let end = from;
  while (end < sorted.length && sorted[end].row === sorted[from].row) end++;
  return end;
}

/** New <row> elements for the edits before row `before`; returns the index of the first edit left. */
function emitNewRows(pieces: string[], sorted: CellEdit[], from: number, before: number, p: string, layout: SheetLayout): number {
  let i = from;
  while (i < sorted.length && sorted[i].row < before) {
    const end = takeRow(sorted, i);
    pieces.push(`<${p}row r="${sorted[i].row}">`);
    for (const e of sorted.slice(i, end)) pieces.push(newCell(e, p, e.style(layout.colStyle(e.col) ?? 0)));
    pieces.push(`</${p}row>`);
    i = end;
  }
  return i;
}

function patchRow<E extends CellEdit>(inner: string, edits: E[], p: string, rowStyle: number | null, layout: SheetLayout, filled: E[]): string {
  const pieces: string[] = [];
  const cellRe = patterns(p).cell;
  cellRe.lastIndex = 0;
  const closeTag = `</${p}c>`;
  const baseStyle = (col: number) => rowStyle ?? layout.colStyle(col) ?? 0;
  let pos = 0;
  let next = 0;
  let prevCol = 0;
  for (let m; next < edits.length && (m = cellRe.exec(inner)); ) {
    const tag = m[0];
    const ref = getAttr(tag, 'r');
    const col = ref ? columnOf(ref) : prevCol + 1;
    prevCol = col;
    const selfClosing = tag.endsWith('/>');
    const contentStart = m.index + tag.length;
    const cellEnd = selfClosing ? contentStart : inner.indexOf(closeTag, contentStart) + closeTag.length;
    cellRe.lastIndex = cellEnd;

    while (next < edits.length && edits[next].col < col) {
      pieces.push(inner.slice(pos, m.index), newCell(edits[next], p, edits[next].style(baseStyle(edits[next].col))));
      pos = m.index;
      next++;
    }
    if (next < edits.length && edits[next].col === col) {
      const edit = edits[next++];
      const content = selfClosing ? '' : inner.slice(contentStart, cellEnd - closeTag.length);
      if (hasValue(content, p)) {
        filled.push(edit);
        continue;
      }
      const style = edit.style(Number(getAttr(tag, 's') ?? 0));
      pieces.push(inner.slice(pos, m.index), rewriteCell(tag, edit, p, style));
      pos = cellEnd;
    }
  }
  pieces.push(inner.slice(pos));
  for (; next < edits.length; next++) pieces.push(newCell(edits[next], p, edits[next].style(baseStyle(edits[next].col))));
  return pieces.join('');
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
const compiled = new Map<string, { cell: RegExp; formula: RegExp; value: RegExp; text: RegExp }>();
function patterns(p: string) {
  let c = compiled.get(p);
  if (!c) {
    const q = escapeRe(p);
    c = {
      cell: new RegExp(`<${q}c(?=[\\s>/])[^>]*>`, 'g'),
      formula: new RegExp(`<${q}f[\\s>/]`),
      value: new RegExp(`<${q}v(?:\\s[^>]*)?>([\\s\\S]*?)</${q}v>`),
      text: new RegExp(`<${q}t(?:\\s[^>]*)?>([\\s\\S]*?)</${q}t>`, 'g'),
    };
    compiled.set(p, c);
  }
  return c;
}

function newCell(edit: CellEdit, p: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  return edit.text === ''
    ? `<${p}c r="${formatAddress(edit)}"${s}/>`
    : `<${p}c r="${formatAddress(edit)}"${s} t="inlineStr">${inlineString(edit.text, p)}</${p}c>`;
}

function rewriteCell(tag: string, edit: CellEdit, p: string, style: number): string {
  let t = tag.endsWith('/>') ? `${tag.slice(0, -2).trimEnd()}>` : tag;
  // Keep the customer's attributes; drop only those that describe the old (empty) value.
  for (const name of ['cm', 'vm', 't']) if (t.includes(`${name}=`)) t = removeAttr(t, name);
  t = style ? setAttr(t, 's', String(style)) : removeAttr(t, 's');
  if (edit.text === '') return `${t.slice(0, -1)}/>`;
  return `${setAttr(t, 't', 'inlineStr')}${inlineString(edit.text, p)}</${p}c>`;
}

function inlineString(text: string, p: string): string {
  // xml:space="preserve" only where it matters: leading or trailing spaces, tabs or line breaks.
  const preserve = needsPreserve(text) ? ' xml:space="preserve"' : '';
  return `<${p}is><${p}t${preserve}>${escapeCellText(text)}</${p}t></${p}is>`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
