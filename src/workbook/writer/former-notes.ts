// The notes qmap wrote into an earlier download (author "qmap", see comments.ts), taken back from a sheet of a
// review copy uploaded again: the customer's own notes stay, qmap's go, with their note boxes; parts left with
// nothing in them go too. The new review copy then adds its notes afresh, and the final copy has none of qmap's.
import { formatAddress } from '../package/a1.js';
import { removeContentType } from '../package/content-types.js';
import type { Package } from '../package/package.js';
import { readRels, relsOfType, relType, removeRel, type Rel } from '../package/rels.js';
import { getAttr, unescapeXml } from '../package/xml.js';
import { AUTHOR } from './comments.js';
import type { Splices } from './splice.js';

/**
 * Removes qmap's notes from the sheet `sheetPart`, whose text (a Source's, read only when needed) is `sheetXml()`;
 * edits to the sheet go into `sheetEdits`. A note is qmap's by its author, or, as LibreOffice saves notes without
 * their author, when it is on a cell qmap's review sheet says qmap flagged (`flagged`) and starts with "qmap:".
 */
export function removeQmapNotes(pkg: Package, sheetPart: string, sheetXml: () => string, sheetEdits: Splices, flagged = new Set<string>()): void {
  const rels = readRels(pkg, sheetPart);
  const commentsRel = relsOfType(rels, relType.comments)[0];
  const xml = commentsRel && !commentsRel.external ? pkg.text(commentsRel.target) : null;
  if (!commentsRel || !xml) return;
  const authors = [...xml.matchAll(/<((?:[\w.-]+:)?)author>([\s\S]*?)<\/\1author>/g)].map((m) => m[2]);
  const qmap = authors.indexOf(AUTHOR);
  if (qmap < 0 && flagged.size === 0) return;
  const { left, removed } = withoutQmapNotes(xml, qmap, flagged);
  if (removed.size === 0) return;
  if (/<(?:[\w.-]+:)?comment\b/.test(left)) pkg.setText(commentsRel.target, left);
  else removePart(pkg, sheetPart, commentsRel);
  removeNoteBoxes(pkg, sheetPart, rels, sheetXml(), removed, sheetEdits);
}

/** The comments part without qmap's comments, nor its author's name (later authors' ids shift down). */
function withoutQmapNotes(xml: string, qmap: number, flagged: Set<string>): { left: string; removed: Set<string> } {
  const removed = new Set<string>();
  let left = xml.replace(/<((?:[\w.-]+:)?)comment\b[^>]*?(?:\/>|>[\s\S]*?<\/\1comment>)/g, (el) => {
    const open = /^<[^>]*>/.exec(el)![0];
    const author = Number(getAttr(open, 'authorId'));
    const ref = (getAttr(open, 'ref') ?? '').toUpperCase();
    if (author === qmap || (flagged.has(ref) && /^\s*qmap:/.test(unescapeXml(el.replace(/<[^>]*>/g, ''))))) {
      removed.add(ref);
      return '';
    }
    return qmap >= 0 && author > qmap ? el.replace(/authorId="\d+"/, `authorId="${author - 1}"`) : el;
  });
  let n = 0;
  if (qmap >= 0) left = left.replace(/<((?:[\w.-]+:)?)author>[\s\S]*?<\/\1author>/g, (el) => (n++ === qmap ? '' : el));
  return { left, removed };
}

/** The note boxes (VML shapes) of the removed notes; the drawing and its <legacyDrawing> go when no shape is left. */
function removeNoteBoxes(pkg: Package, sheetPart: string, rels: Rel[], sheetXml: string, refs: Set<string>, sheetEdits: Splices): void {
  const legacy = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*\s[\w.-]+:id\s*=\s*"([^"]*)"[^>]*>/.exec(sheetXml);
  const vmlRel = rels.find((r) => r.id === legacy?.[1]) ?? relsOfType(rels, relType.vmlDrawing)[0];
  const vml = vmlRel && !vmlRel.external ? pkg.text(vmlRel.target) : null;
  if (!vmlRel || vml === null) return;
  const left = vml.replace(/<((?:[\w.-]+:)?)shape\b[^>]*>[\s\S]*?<\/\1shape>/g, (el) => (refs.has(noteCell(el) ?? '') ? '' : el));
  if (/<(?:[\w.-]+:)?shape\b/.test(left)) {
    pkg.setText(vmlRel.target, left);
    return;
  }
  removePart(pkg, sheetPart, vmlRel);
  if (legacy && legacy[1] === vmlRel.id) sheetEdits.replace(legacy.index, legacy.index + legacy[0].length, '');
}

/** The cell a note box belongs to (A1), from its zero-based x:Row and x:Column. */
function noteCell(shape: string): string | null {
  if (!/ObjectType="Note"/.test(shape)) return null;
  const row = /<(?:[\w.-]+:)?Row>(\d+)</.exec(shape)?.[1];
  const col = /<(?:[\w.-]+:)?Column>(\d+)</.exec(shape)?.[1];
  if (row === undefined || col === undefined) return null;
  return formatAddress({ row: Number(row) + 1, col: Number(col) + 1 });
}

function removePart(pkg: Package, from: string, rel: Rel): void {
  removeRel(pkg, from, rel.id);
  removeContentType(pkg, rel.target);
  pkg.remove(rel.target);
}
