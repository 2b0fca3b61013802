// The package's plumbing: relationships, content types and the workbook's sheet list.
// Additions are inserted just before the closing tag, so the original text stays a prefix and suffix.
import { QmapError } from '../../errors.js';
import type { Package } from './zip.js';
import { escapeXml, getAttr, localName, prefixFor, rootEndTag, rootPrefix } from './xml.js';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_BASE = `${REL_NS}/`;
export const relType = {
  worksheet: `${REL_BASE}worksheet`,
  styles: `${REL_BASE}styles`,
  comments: `${REL_BASE}comments`,
  vmlDrawing: `${REL_BASE}vmlDrawing`,
};

export interface Rel {
  id: string;
  type: string;
  /** Package part name the relationship points to (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the part that owns the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${fromPart.slice(0, fromPart.lastIndexOf('/') + 1)}${target}`;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(path).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function readRels(pkg: Package, part: string): Rel[] {
  const xml = pkg.text(relsPathOf(part));
  if (!xml) return [];
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const external = getAttr(m[0], 'TargetMode') === 'External';
    const target = getAttr(m[0], 'Target') ?? '';
    rels.push({ id: getAttr(m[0], 'Id') ?? '', type: getAttr(m[0], 'Type') ?? '', target: external ? target : resolveTarget(part, target), external });
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
  const path = relsPathOf(part);
  const xml = pkg.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${'http://schemas.openxmlformats.org/package/2006/relationships'}"></Relationships>`;
  const taken = new Set(readRels(pkg, part).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const p = rootPrefix(xml);
  const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
  pkg.setText(path, insertBeforeRootEnd(xml, rel));
  return id;
}

/** Target of `to` written relative to the folder of `from`, as Excel writes them. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].map(encodeURIComponentPath).join('/');
}

function encodeURIComponentPath(seg: string): string {
  return seg === '..' ? seg : encodeURI(seg).replace(/[?#]/g, encodeURIComponent);
}

export function insertBeforeRootEnd(xml: string, insert: string): string {
  const [head, tail] = splitBeforeRootEnd(xml);
  return head + insert + tail;
}

/** The text before and after the place where content goes at the end of the document element. */
export function splitBeforeRootEnd(xml: string): [string, string] {
  const end = rootEndTag(xml);
  // A self-closing document element (`<Relationships/>`) has no end tag: open it.
  const selfClosing = /<([\w.:-]+)([^>]*)\/>\s*$/.exec(xml);
  if (selfClosing && (end < 0 || end < selfClosing.index)) {
    return [`${xml.slice(0, selfClosing.index)}<${selfClosing[1]}${selfClosing[2]}>`, `</${selfClosing[1]}>${xml.slice(selfClosing.index + selfClosing[0].length)}`];
  }
  return [xml.slice(0, end), xml.slice(end)];
}

const CT = '[Content_Types].xml';

/** Declare the content type of a new part (Override) or of an extension (Default), unless already declared. */
export function addContentType(pkg: Package, kind: 'Default' | 'Override', key: string, type: string): void {
  const xml = pkg.text(CT);
  if (xml === null) throw new QmapError('unreadable', 'The workbook package has no [Content_Types].xml.');
  const attr = kind === 'Default' ? 'Extension' : 'PartName';
  const re = new RegExp(`<(?:[\\w.-]+:)?${kind}\\b[^>]*>`, 'g');
  for (const m of xml.matchAll(re)) if ((getAttr(m[0], attr) ?? '').toLowerCase() === key.toLowerCase()) return;
  const p = rootPrefix(xml);
  pkg.setText(CT, insertBeforeRootEnd(xml, `<${p}${kind} ${attr}="${escapeXml(key)}" ContentType="${type}"/>`));
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Part name of the sheet, or null when the relationship is missing. */
  part: string | null;
  /** Only worksheets take answers (not chart sheets or dialog sheets). */
  isWorksheet: boolean;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  rels: Rel[];
}

export function readWorkbook(pkg: Package): WorkbookInfo {
  const officeDoc = readRels(pkg, '').find((r) => r.type.endsWith('/officeDocument'));
  const part = officeDoc?.target ?? 'xl/workbook.xml';
  const xml = pkg.text(part);
  if (xml === null) throw new QmapError('unreadable', 'The workbook package has no workbook part.');
  const rels = readRels(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const m of xml.matchAll(/<([\w.-]+:)?sheet\b[^>]*>/g)) {
    if (localName(m[0].slice(1).split(/[\s/>]/)[0]) !== 'sheet') continue;
    const relId = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
    const rel = byId.get(relId);
    sheets.push({
      name: getAttr(m[0], 'name') ?? '',
      sheetId: Number(getAttr(m[0], 'sheetId') ?? 0),
      relId,
      part: rel && !rel.external ? rel.target : null,
      isWorksheet: !!rel && rel.type.endsWith('/worksheet'),
    });
  }
  return { part, sheets, rels };
}

/** The prefix bound to the relationships namespace in a part's document element, or null. */
export function relPrefix(xml: string): string | null {
  return prefixFor(xml, REL_NS) ?? prefixFor(xml, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
}

export const REL_NAMESPACE = REL_NS;
