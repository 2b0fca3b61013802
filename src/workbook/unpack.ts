// Unpacking an uploaded package before SheetJS sees it: every part is inflated once (capped at its
// declared size and checked, so what is inflated is what the directory promised, and together no more
// than the limit), its XML parts are checked for a DOCTYPE, and what its sheets will expand to is held
// to the limits. What SheetJS reads is a stored copy of the XML parts, made here: it inflates nothing.
import { QmapError } from '../errors.js';
import { checkXlsxRows, odsExpansion } from './expansion.js';
import { checkSheetCount } from './inspect.js';
import { Package, unpacksTooLarge } from './package/package.js';
import { readBySheetJS } from './package/sheetjs.js';
import { readWorkbook } from './package/workbook.js';
import { doctypeOf } from './package/xml.js';
import type { FileKind, Limits } from './types.js';

/** The stored copy of the parts SheetJS reads, once every part has passed. */
export function unpack(pkg: Package, kind: FileKind, limits: Limits): Uint8Array {
  checkSheetCount(pkg, limits);
  let inflated = 0;
  for (const name of pkg.names()) {
    inflated += pkg.size(name);
    if (!readBySheetJS(name)) pkg.check(name);
  }
  const forSheetJS = pkg.names().filter(readBySheetJS);
  const copy = pkg.storedCopy(forSheetJS);
  for (const name of forSheetJS) refuseDoctype(name, pkg.bytes(name)!, kind);
  if (kind === 'ods') {
    const content = pkg.bytes('content.xml');
    const text = content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8') : '';
    const expanded = inflated + odsExpansion(text, limits);
    if (expanded > limits.uncompressedBytes) throw unpacksTooLarge(expanded, limits.uncompressedBytes);
  } else {
    for (const sheet of readWorkbook(pkg).sheets) {
      const part = sheet.isWorksheet && sheet.part ? pkg.bytes(sheet.part) : null;
      if (part) checkXlsxRows(part, sheet.name, limits);
    }
  }
  return copy;
}

/**
 * OPC forbids a DOCTYPE in any part of an Office package; an OpenDocument file may name one (old
 * OpenOffice did) but has no use for declaring entities in it. Entities are never expanded either way;
 * this says no in plain words.
 */
function refuseDoctype(name: string, bytes: Uint8Array, kind: FileKind): void {
  const doctype = doctypeOf(bytes);
  if (!doctype || (kind === 'ods' && !doctype.internalSubset)) return;
  throw new QmapError(
    'unreadable',
    `The workbook's part ${name.slice(0, 100)} declares a document type (<!DOCTYPE …>), which ${kind === 'ods' ? 'a spreadsheet has no use for' : 'Office files may not contain'}; spreadsheet programs never write one, so another program made or changed this file. Open it in Excel or LibreOffice, save it again, and upload the new file.`,
    { part: name.slice(0, 200) },
  );
}
