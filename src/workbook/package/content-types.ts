// [Content_Types].xml: what each part is, and so whether the package is a macro-enabled workbook.
import { QmapError } from '../../errors.js';
import type { Package } from './package.js';
import { escapeXml, getAttr, insertBeforeRootEnd, rootPrefix } from './xml.js';

const CONTENT_TYPES = '[Content_Types].xml';

/** Declare the content type of a new part (Override) or of an extension (Default), unless already declared. */
export function addContentType(pkg: Package, kind: 'Default' | 'Override', key: string, type: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  if (xml === null) throw new QmapError('unreadable', 'The workbook package has no [Content_Types].xml.');
  const attr = kind === 'Default' ? 'Extension' : 'PartName';
  const re = new RegExp(`<(?:[\\w.-]+:)?${kind}\\b[^>]*>`, 'g');
  for (const m of xml.matchAll(re)) if ((getAttr(m[0], attr) ?? '').toLowerCase() === key.toLowerCase()) return;
  pkg.setText(CONTENT_TYPES, insertBeforeRootEnd(xml, `<${rootPrefix(xml)}${kind} ${attr}="${escapeXml(key)}" ContentType="${type}"/>`));
}

/** Remove the Override of a part that is gone. */
export function removeContentType(pkg: Package, partName: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  if (xml === null) return;
  const key = `/${partName}`.toLowerCase();
  const left = xml.replace(/<(?:[\w.-]+:)?Override\b[^>]*>/g, (tag) => ((getAttr(tag, 'PartName') ?? '').toLowerCase() === key ? '' : tag));
  if (left !== xml) pkg.setText(CONTENT_TYPES, left);
}

/**
 * Whether the package declares itself a macro-enabled workbook (its workbook part's content type says
 * macroEnabled), which is what makes it an .xlsm for Excel: a VBA part alone does not.
 */
export function isMacroEnabled(pkg: Package): boolean {
  const xml = pkg.text(CONTENT_TYPES) ?? '';
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const type = getAttr(m[0], 'ContentType') ?? '';
    if (/^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i.test(type)) return true;
  }
  return false;
}
