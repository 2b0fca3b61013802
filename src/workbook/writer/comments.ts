// Cell comments (notes) for cells to review: a comments part for the text and a legacy VML drawing for
// the note boxes, which is what Excel and LibreOffice both read. A sheet's existing notes are kept and
// qmap's are appended to the same parts.
import { formatAddress, type Address } from '../package/a1.js';
import { addContentType } from '../package/content-types.js';
import { textOf, type Package } from '../package/package.js';
import { addRel, readRels, relPrefix, relsOfType, relType, REL_NAMESPACE } from '../package/rels.js';
import { escapeContent, escapeXml, getAttr, rootPrefix, splitBeforeRootEnd, topLevelChildren } from '../package/xml.js';
import { ByteSink } from './bytes.js';
import type { Splices } from './splice.js';

export const AUTHOR = 'qmap';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_CT = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

export interface Note extends Address {
  text: string;
}

/**
 * Attach notes to cells of the worksheet `sheetPart`, whose XML is `sheetXml` (a Source's text); a <legacyDrawing> is added
 * to `sheetEdits` when the sheet had none. The comments and VML parts are written as UTF-8 bytes.
 * Returns the cells that already carried a note of the customer's, which are left alone.
 */
export function addNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: Note[], sheetEdits: Splices): { kept: Note[] } {
  if (notes.length === 0) return { kept: [] };
  const rels = readRels(pkg, sheetPart);
  const commentsRel = relsOfType(rels, relType.comments)[0];
  // <legacyDrawing> follows <sheetData>: looked for there, not through every row.
  const sheetDataEnd = afterSheetData(sheetXml);
  const legacy = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*\s[\w.-]+:id\s*=\s*"([^"]*)"/g;
  legacy.lastIndex = sheetDataEnd;
  const legacyId = legacy.exec(sheetXml)?.[1];
  const vmlRel = rels.find((r) => r.id === legacyId) ?? relsOfType(rels, relType.vmlDrawing)[0];

  let commentsPart = commentsRel?.target;
  const existing = commentsPart ? pkg.text(commentsPart) : null;
  const taken = new Set<string>();
  if (existing) for (const m of existing.matchAll(/<(?:[\w.-]+:)?comment\b[^>]*>/g)) taken.add(getAttr(m[0], 'ref') ?? '');
  const kept = taken.size ? notes.filter((n) => taken.has(formatAddress(n))) : [];
  const fresh = taken.size ? notes.filter((n) => !taken.has(formatAddress(n))) : notes;
  if (fresh.length === 0) return { kept };

  if (existing && commentsPart) pkg.setBytes(commentsPart, appendComments(existing, fresh));
  else {
    commentsPart = freeName(pkg, 'xl/comments', '.xml');
    pkg.setBytes(commentsPart, appendComments(emptyComments(), fresh));
    addRel(pkg, sheetPart, relType.comments, commentsPart);
    addContentType(pkg, 'Override', `/${commentsPart}`, COMMENTS_CT);
  }

  const vml = vmlRel && !vmlRel.external ? pkg.text(vmlRel.target) : null;
  if (vmlRel && vml !== null) pkg.setBytes(vmlRel.target, appendShapes(vml, fresh, nextShapeId(vml)));
  else {
    const vmlPart = freeName(pkg, 'xl/drawings/vmlDrawing', '.vml');
    const block = nextIdBlock(pkg);
    pkg.setBytes(vmlPart, appendShapes(emptyVml(block, fresh.length), fresh, block * 1024 + 1));
    const id = addRel(pkg, sheetPart, relType.vmlDrawing, vmlPart);
    addContentType(pkg, 'Default', 'vml', VML_CT);
    addLegacyDrawing(sheetXml, sheetDataEnd, id, sheetEdits);
  }
  return { kept };
}

function emptyComments(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
}

function appendComments(xml: string, notes: Note[]): Uint8Array {
  const p = rootPrefix(xml);
  const authors = [...xml.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>`, 'g'))].map((m) => m[1]);
  let withAuthor = xml;
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    withAuthor = openAndAppend(withAuthor, `${p}authors`, `<${p}author>${AUTHOR}</${p}author>`);
  }
  const [head, tail] = splitForAppend(withAuthor, `${p}commentList`);
  let chars = head.length + tail.length;
  for (const n of notes) chars += n.text.length + 120;
  const out = new ByteSink(3 * chars);
  out.push(head);
  const open = `"><${p}text><${p}t xml:space="preserve">`;
  const close = `</${p}t></${p}text></${p}comment>`;
  for (const n of notes) out.push(`<${p}comment ref="${formatAddress(n)}" authorId="${authorId}${open}${escapeContent(n.text)}${close}`);
  out.push(tail);
  return out.bytes();
}

/** Append content at the end of element `qname`, turning `<qname/>` into `<qname>…</qname>`. */
function openAndAppend(xml: string, qname: string, content: string): string {
  const [head, tail] = splitForAppend(xml, qname);
  return head + content + tail;
}

/** The text before and after the place where content goes at the end of element `qname` (created when missing). */
function splitForAppend(xml: string, qname: string): [string, string] {
  const close = xml.indexOf(`</${qname}>`);
  if (close >= 0) return [xml.slice(0, close), xml.slice(close)];
  const empty = new RegExp(`<${qname}\\s*/>`).exec(xml);
  if (empty) return [`${xml.slice(0, empty.index)}<${qname}>`, `</${qname}>${xml.slice(empty.index + empty[0].length)}`];
  const [head, tail] = splitBeforeRootEnd(xml);
  return [`${head}<${qname}>`, `</${qname}>${tail}`];
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function emptyVml(block: number, count: number): string {
  const blocks = Array.from({ length: Math.floor(count / 1024) + 1 }, (_, i) => block + i).join(',');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

function appendShapes(vml: string, notes: Note[], firstId: number): Uint8Array {
  const end = vml.lastIndexOf('</xml>');
  const typeDef = vml.includes('_x0000_t202"') ? '' : SHAPETYPE;
  const out = new ByteSink(3 * vml.length + typeDef.length + 640 * notes.length);
  out.push(vml.slice(0, end) + typeDef);
  for (let i = 0; i < notes.length; i++) shape(out, notes[i], firstId + i);
  out.push(vml.slice(end));
  return out.bytes();
}

// The part of every note box that does not depend on its cell, encoded once.
const SHAPE_MIDDLE = new TextEncoder().encode(
  '" fillcolor="#ffffe1" o:insetmode="auto">' +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>',
);

/** A hidden note box anchored to the right of the cell, as Excel draws new notes. */
function shape(out: ByteSink, n: Note, id: number): void {
  const r = n.row - 1;
  const c = n.col - 1;
  const anchor = `${c + 1}, 15, ${Math.max(r - 1, 0)}, 10, ${c + 4}, 15, ${Math.max(r - 1, 0) + 6}, 4`;
  out.push(`<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${id};visibility:hidden`);
  out.pushBytes(SHAPE_MIDDLE);
  out.push(`${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`);
}

function nextShapeId(vml: string): number {
  let max = 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** A VML shape-id block no other drawing in the workbook uses. */
function nextIdBlock(pkg: Package): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    const data = /<o:idmap\b[^>]*\sdata="([^"]*)"/.exec(pkg.text(name) ?? '')?.[1] ?? '';
    for (const n of data.split(/[\s,]+/)) if (n) max = Math.max(max, Number(n) || 0);
    for (const m of (pkg.text(name) ?? '').matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max + 1;
}

export function freeName(pkg: Package, stem: string, ext: string): string {
  const lower = new Set(pkg.names().map((n) => n.toLowerCase()));
  let n = 1;
  while (lower.has(`${stem}${n}${ext}`.toLowerCase())) n++;
  return `${stem}${n}${ext}`;
}

// Children of <worksheet> that must come after <legacyDrawing>, in schema order.
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

function addLegacyDrawing(xml: string, sheetDataEnd: number, relId: string, out: Splices): void {
  const p = textOf(rootPrefix(xml));
  const rp = relPrefix(xml);
  const r = rp === null ? null : textOf(rp);
  const element = r === null || r === '' ? `<${p}legacyDrawing xmlns:qr="${REL_NAMESPACE}" qr:id="${escapeXml(relId)}"/>` : `<${p}legacyDrawing ${r}id="${escapeXml(relId)}"/>`;
  const before = topLevelChildren(xml, sheetDataEnd).find((s) => AFTER_LEGACY.has(s.name));
  out.insert(before ? before.start : xml.lastIndexOf('</'), element);
}

/** Where what follows <sheetData> starts; its end tag is read from the end of the sheet, not through every row. */
function afterSheetData(xml: string): number {
  const last = xml.lastIndexOf('sheetData>');
  if (last >= 0) {
    const from = Math.max(0, last - 64);
    const close = /<\/(?:[\w.-]+:)?sheetData>$/.exec(xml.slice(from, last + 'sheetData>'.length));
    if (close) return last + 'sheetData>'.length;
  }
  const selfClosing = /<(?:[\w.-]+:)?sheetData\b[^>]*\/>/.exec(xml);
  const close = /<\/(?:[\w.-]+:)?sheetData>/.exec(xml);
  const m = close ?? selfClosing;
  return m ? m.index + m[0].length : 0;
}
