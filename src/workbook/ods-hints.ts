// Hints for detection that SheetJS does not give from an OpenDocument spreadsheet, read from its content.xml:
// list validations (the drop-downs a vendor picks from) and which cells are shaded or bordered. Cells are found by
// walking the tags of each table, counting repeated rows and columns; the text inside cells is skipped.
import type { SheetExtras } from './hints.js';
import type { Package } from './package/package.js';
import { unescapeXml } from './package/xml.js';
import { cellKey, type Look, type Range } from './types.js';

/** Rows and columns a repeated row or cell is followed through; sheets repeat their last empty row to the end. */
const MAX_ROWS = 100_000;
const MAX_COLS = 16_384;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Per table of content.xml, in sheet order, its hints; [] when the package has no content.xml. */
export function odsExtras(pkg: Package): SheetExtras[] {
  const content = pkg.text('content.xml');
  return content === null ? [] : contentExtras(content);
}

export function contentExtras(xml: string): SheetExtras[] {
  const lists = listValidations(xml);
  const looks = cellLooks(xml);
  const widths = columnWidths(xml);
  const out: SheetExtras[] = [];
  let sheet: SheetExtras | null = null;
  let row = -1;
  let nextRow = 0;
  let rowsRepeated = 1;
  let col = 0;
  let column = 0;
  const tags = /<(\/?)table:(table-row|table-cell|covered-table-cell|table-column|table)(?=[\s/>])([^>]*?)\/?>/g;
  for (const m of xml.matchAll(tags)) {
    const [, close, name, attrs] = m;
    if (name === 'table') {
      if (!close) {
        sheet = { hiddenCols: new Set(), hiddenRows: new Set(), validations: [], struck: new Set(), colWidths: new Map(), looks: new Map() };
        out.push(sheet);
        [row, nextRow, column] = [-1, 0, 0];
      }
      continue;
    }
    if (name === 'table-column') {
      const repeated = Math.min(Number(attr(attrs, 'table:number-columns-repeated') ?? 1), 256);
      const width = widths.get(attr(attrs, 'table:style-name') ?? '');
      for (let i = 0; i < repeated && sheet; i++, column++) if (width !== undefined) sheet.colWidths.set(column, width);
      continue;
    }
    if (!sheet || close) continue;
    if (name === 'table-row') {
      rowsRepeated = Number(attr(attrs, 'table:number-rows-repeated') ?? 1);
      [row, nextRow, col] = [nextRow, nextRow + rowsRepeated, 0];
      continue;
    }
    const cols = Number(attr(attrs, 'table:number-columns-repeated') ?? 1);
    if (row >= 0 && row < MAX_ROWS && col < MAX_COLS) {
      const range: Range = { s: { r: row, c: col }, e: { r: Math.min(row + rowsRepeated, MAX_ROWS) - 1, c: Math.min(col + cols, MAX_COLS) - 1 } };
      const formula = lists.get(attr(attrs, 'table:content-validation-name') ?? '');
      if (formula) sheet.validations.push({ range, formula });
      const look = looks.get(attr(attrs, 'table:style-name') ?? '');
      // A style repeated over the sheet's trailing empty rows says nothing detection reads: follow a little of it.
      if (look) for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + 200); r++) for (let c = range.s.c; c <= Math.min(range.e.c, range.s.c + 50); c++) sheet.looks.set(cellKey(r, c), look);
    }
    col += cols;
  }
  return out;
}

/** Validation names whose condition is a list, with the list as an xlsx formula ("a,b,c" or 'Sheet'!$A$1:$A$4). */
function listValidations(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<table:content-validation\b([^>]*)>/g)) {
    const name = attr(m[1], 'table:name');
    const condition = unescapeXml(attr(m[1], 'table:condition') ?? '');
    const list = /cell-content-is-in-list\((.*)\)\s*$/.exec(condition)?.[1];
    if (!name || list === undefined) continue;
    const range = /^\[?\$?'?([^'.]*?)'?\.\$?([A-Z]+)\$?(\d+):\.?\$?([A-Z]+)\$?(\d+)\]?$/.exec(list.trim());
    if (range) out.set(name, `'${range[1].replace(/'/g, "''")}'!$${range[2]}$${range[3]}:$${range[4]}$${range[5]}`);
    else out.set(name, `"${[...list.matchAll(/"((?:[^"]|"")*)"/g)].map((v) => v[1].replace(/""/g, '"')).join(',')}"`);
  }
  return out;
}

/** Column style names with their width in characters (Excel's unit: about 7 pixels at 96 pixels an inch). */
function columnWidths(xml: string): Map<string, number> {
  const perInch: Record<string, number> = { in: 1, cm: 1 / 2.54, mm: 1 / 25.4, pt: 1 / 72, pc: 1 / 6 };
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>\s*<style:table-column-properties\b([^>]*)/g)) {
    const width = /^([\d.]+)(in|cm|mm|pt|pc)$/.exec(attr(m[2], 'style:column-width') ?? '');
    const name = attr(m[1], 'style:name');
    if (name && width) out.set(name, Math.round(((Number(width[1]) * perInch[width[2]] * 96) / 7) * 10) / 10);
  }
  return out;
}

/** Cell style names whose cells are shaded (a background colour other than white) or bordered. */
function cellLooks(xml: string): Map<string, Look> {
  const out = new Map<string, Look>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    if (attr(m[1], 'style:family') !== 'table-cell') continue;
    const props = /<style:table-cell-properties\b([^>]*)/.exec(m[2])?.[1] ?? '';
    const background = attr(props, 'fo:background-color');
    const fill = background && /^#[0-9a-f]{6}$/i.test(background) && background.toLowerCase() !== '#ffffff' ? `rgb:${background.slice(1).toUpperCase()}` : null;
    const border = ['fo:border', 'fo:border-left', 'fo:border-right', 'fo:border-top', 'fo:border-bottom'].some((a) => {
      const v = attr(props, a);
      return v !== undefined && v !== 'none';
    });
    const name = attr(m[1], 'style:name');
    if (name && (fill || border)) out.set(name, { fill, border });
  }
  return out;
}
