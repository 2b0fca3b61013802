// Relationships: which part points at which, read from and added to a part's .rels.
import type { Package } from './package.js';
import { relativeTarget, relsPathOf, resolveTarget } from './names.js';
import { escapeXml, getAttr, insertBeforeRootEnd, prefixFor, rootPrefix } from './xml.js';

export const REL_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NAMESPACE = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const relType = {
  officeDocument: `${REL_NAMESPACE}/officeDocument`,
  worksheet: `${REL_NAMESPACE}/worksheet`,
  styles: `${REL_NAMESPACE}/styles`,
  comments: `${REL_NAMESPACE}/comments`,
  vmlDrawing: `${REL_NAMESPACE}/vmlDrawing`,
  externalLink: `${REL_NAMESPACE}/externalLink`,
};

export interface Rel {
  id: string;
  type: string;
  /** Part name the relationship points to (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

/** The relationships of `part` ('' for the package's own). */
export function readRels(pkg: Package, part: string): Rel[] {
  const xml = pkg.text(relsPathOf(part));
  if (!xml) return [];
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const external = getAttr(m[0], 'TargetMode') === 'External';
    const target = getAttr(m[0], 'Target') ?? '';
    const resolved = external ? target : resolveTarget(part, target);
    rels.push({ id: getAttr(m[0], 'Id') ?? '', type: getAttr(m[0], 'Type') ?? '', target: external ? target : (pkg.find(resolved) ?? resolved), external });
  }
  return rels;
}

/** Relationships whose type ends with the given name (matches transitional and strict URIs alike). */
export function relsOfType(rels: Rel[], type: string): Rel[] {
  const name = type.slice(type.lastIndexOf('/'));
  return rels.filter((r) => r.type.endsWith(name));
}

/** Add a relationship from `part` to `targetPart`; returns its new id. Creates the .rels part when needed. */
export function addRel(pkg: Package, part: string, type: string, targetPart: string): string {
  const path = pkg.find(relsPathOf(part)) ?? relsPathOf(part);
  const xml = pkg.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}"></Relationships>`;
  const taken = new Set(readRels(pkg, part).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<${rootPrefix(xml)}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
  pkg.setText(path, insertBeforeRootEnd(xml, rel));
  return id;
}

/** The prefix bound to the relationships namespace in a part's document element, or null. */
export function relPrefix(xml: string): string | null {
  return prefixFor(xml, REL_NAMESPACE) ?? prefixFor(xml, STRICT_REL_NAMESPACE);
}

/** Remove the relationship `id` of `part`; a .rels part left with none goes. */
export function removeRel(pkg: Package, part: string, id: string): void {
  const path = pkg.find(relsPathOf(part));
  const xml = path && pkg.text(path);
  if (!path || !xml) return;
  const left = xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Relationship>)?/g, (tag) => (getAttr(tag, 'Id') === id ? '' : tag));
  if (left === xml) return;
  if (/<(?:[\w.-]+:)?Relationship\b/.test(left)) pkg.setText(path, left);
  else pkg.remove(path);
}
