// The fidelity check of the written workbook against the customer's original, independent of the
// writer's own code: every part byte-identical except those qmap must change; in those, only
// additions (styles appended, notes and relationships added) and, in answered sheets, only the
// written cells differ — cell by cell, row by row, and every other element of the sheet.
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parse XML into a small tree; throws on XML that is not well-formed or uses an undeclared prefix. */
export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(node.attributes)) attrs[k] = a.value;
    const el: El = { name: node.name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void (stack[stack.length - 1].text += t));
  parser.on('cdata', (t) => void (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root.children[0];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const canon = (el: El): string => JSON.stringify([local(el.name), el.attrs, el.text.trim() === '' ? '' : el.text, el.children.map(canon)]);
const sameAttrs = (a: Record<string, string>, b: Record<string, string>, ignore: string[] = []) =>
  JSON.stringify(Object.entries(a).filter(([k]) => !ignore.includes(k)).sort()) === JSON.stringify(Object.entries(b).filter(([k]) => !ignore.includes(k)).sort());

/**
 * `out` is `orig` with elements only added (anywhere, at any depth), `count` attributes updated and
 * nothing removed or changed. Returns the differences found.
 */
export function additions(orig: El, out: El, path = local(orig.name), ignoreAttrs = ['count']): string[] {
  if (orig.name !== out.name) return [`${path}: element ${orig.name} became ${out.name}`];
  const diffs: string[] = [];
  if (!sameAttrs(orig.attrs, out.attrs, ignoreAttrs)) diffs.push(`${path}: attributes ${JSON.stringify(orig.attrs)} became ${JSON.stringify(out.attrs)}`);
  if (orig.text.trim() !== out.text.trim()) diffs.push(`${path}: text changed`);
  let j = 0;
  for (const child of orig.children) {
    const key = canon(child);
    // The same child unchanged, further along (elements may have been inserted before it)…
    let k = j;
    while (k < out.children.length && canon(out.children[k]) !== key) k++;
    if (k < out.children.length) { j = k + 1; continue; }
    // …or the same element with additions inside.
    k = j;
    while (k < out.children.length && out.children[k].name !== child.name) k++;
    if (k === out.children.length) { diffs.push(`${path}/${local(child.name)}: missing`); continue; }
    diffs.push(...additions(child, out.children[k], `${path}/${local(child.name)}`, ignoreAttrs));
    j = k + 1;
  }
  return diffs;
}

/** styles.xml: the output equals the original with entries appended to its collections, never reordered. */
export function stylesAppendOnly(orig: El, out: El): string[] {
  const diffs = additions(orig, out, 'styleSheet');
  for (const block of orig.children) {
    const o = out.children.find((c) => c.name === block.name)!;
    if (!o) continue;
    block.children.forEach((c, i) => {
      if (!o.children[i] || canon(c) !== canon(o.children[i])) diffs.push(`styles ${local(block.name)}[${i}] changed or moved`);
    });
  }
  return diffs;
}

export interface Cell {
  ref: string;
  el: El;
}

/** The cells of a worksheet by address (rows and cells without `r` are numbered as Excel does). */
export function sheetCells(sheet: El): { cells: Map<string, El>; rows: Map<number, El> } {
  const data = sheet.children.find((c) => local(c.name) === 'sheetData');
  const cells = new Map<string, El>();
  const rows = new Map<number, El>();
  let r = 0;
  for (const row of data?.children ?? []) {
    r = row.attrs.r ? Number(row.attrs.r) : r + 1;
    rows.set(r, row);
    let c = 0;
    for (const cell of row.children) {
      if (local(cell.name) !== 'c') continue;
      c = cell.attrs.r ? colOf(cell.attrs.r) : c + 1;
      cells.set(`${letters(c)}${r}`, cell);
    }
  }
  return { cells, rows };
}

function colOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An answered sheet: every cell but the written ones identical, every row's attributes and every other element kept. */
export function sheetKept(orig: El, out: El, written: Set<string>): string[] {
  const diffs: string[] = [];
  const a = sheetCells(orig);
  const b = sheetCells(out);
  for (const [ref, cell] of a.cells) {
    if (written.has(ref)) continue;
    const o = b.cells.get(ref);
    if (!o) diffs.push(`cell ${ref} missing`);
    else if (canon(cell) !== canon(o)) diffs.push(`cell ${ref} changed: ${canon(cell)} → ${canon(o)}`);
  }
  for (const ref of b.cells.keys()) if (!a.cells.has(ref) && !written.has(ref)) diffs.push(`cell ${ref} added`);
  const writtenRows = new Set([...written].map((ref) => Number(/\d+$/.exec(ref)![0])));
  for (const [r, row] of a.rows) {
    const o = b.rows.get(r);
    // `spans` (first:last column) may widen to take a written cell, and the row grow (`ht`) to show it.
    if (!o) diffs.push(`row ${r} missing`);
    else if (!sameAttrs(row.attrs, o.attrs, writtenRows.has(r) ? ['spans', 'ht'] : [])) diffs.push(`row ${r} attributes changed`);
    else if (row.attrs.ht !== undefined && !(Number(o.attrs.ht) >= Number(row.attrs.ht))) diffs.push(`row ${r} lower: ${row.attrs.ht} → ${o.attrs.ht}`);
  }
  // Everything else in the sheet is exactly as it was; qmap may only add a <legacyDrawing> for its notes.
  const hadLegacy = orig.children.some((c) => local(c.name) === 'legacyDrawing');
  const rest = (el: El) =>
    el.children.filter((c) => !['sheetData', 'dimension'].includes(local(c.name)) && (hadLegacy || local(c.name) !== 'legacyDrawing')).map(canon);
  const [before, after] = [rest(orig), rest(out)];
  before.forEach((c, i) => c !== after[i] && diffs.push(`worksheet: ${c.slice(0, 80)} changed`));
  if (after.length !== before.length) diffs.push(`worksheet: ${after.length - before.length} elements added`);
  if (!sameAttrs(orig.attrs, out.attrs)) diffs.push('worksheet: root attributes changed');
  return diffs;
}

export interface Expected {
  /** Written cells by sheet part name, e.g. 'xl/worksheets/sheet1.xml' → {'E5'}. */
  written: Map<string, Set<string>>;
}

/** Parts qmap may add to, known by their document element (other programs name them otherwise): relationships, content types, the workbook, comments. */
const ADDED_TO = new Set(['Relationships', 'Types', 'workbook', 'comments']);

function rootName(bytes: Uint8Array): string {
  const m = /<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(strFromU8(bytes.subarray(0, 4096)).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m?.[1] ?? '';
}

/** Every difference between the original package and the written one that qmap is not allowed to make. */
export function packageDiffs(original: Uint8Array, output: Uint8Array, expected: Expected): string[] {
  const a = unzipSync(original);
  const b = unzipSync(output);
  const diffs: string[] = [];
  for (const [name, bytes] of Object.entries(a)) {
    const o = b[name];
    if (!o) { diffs.push(`${name}: missing`); continue; }
    if (Buffer.from(bytes).equals(Buffer.from(o))) continue;
    const written = expected.written.get(name);
    const tree = () => [parseXml(strFromU8(bytes)), parseXml(strFromU8(o))] as const;
    if (written) diffs.push(...sheetKept(...tree(), written).map((d) => `${name}: ${d}`));
    else if (/styles\.xml$/.test(name)) diffs.push(...stylesAppendOnly(...tree()).map((d) => `${name}: ${d}`));
    else if (/\.vml$/.test(name)) {
      const text = strFromU8(bytes);
      if (!strFromU8(o).startsWith(text.slice(0, text.lastIndexOf('</xml>')))) diffs.push(`${name}: existing shapes changed`);
    } else if (ADDED_TO.has(rootName(bytes))) {
      // A workbook with formulas is marked to recalculate on opening (calcPr fullCalcOnLoad): qmap's one change to an attribute.
      diffs.push(...additions(...tree(), undefined, ['count', 'fullCalcOnLoad']).map((d) => `${name}: ${d}`));
    }
    else diffs.push(`${name}: changed`);
  }
  for (const name of Object.keys(b)) {
    if (a[name]) continue;
    if (!/^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|styles\.xml)$/.test(name)) diffs.push(`${name}: unexpected new part`);
    else if (!name.endsWith('.vml')) parseXml(strFromU8(b[name]));
  }
  return diffs;
}

/** Sheet name → part name, read from the workbook (independently of the writer). */
export function sheetParts(pkg: Uint8Array): Map<string, string> {
  const files = unzipSync(pkg);
  const wb = parseXml(strFromU8(files['xl/workbook.xml']));
  const rels = parseXml(strFromU8(files['xl/_rels/workbook.xml.rels']));
  const target = new Map(rels.children.map((r) => [r.attrs.Id, r.attrs.Target.replace(/^\/?(xl\/)?/, 'xl/')]));
  const sheets = wb.children.find((c) => local(c.name) === 'sheets')!;
  return new Map(sheets.children.map((s) => [s.attrs.name, target.get(Object.entries(s.attrs).find(([k]) => local(k) === 'id')![1])!]));
}
