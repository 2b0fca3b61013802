// Taking a sheet out of a package: its entry in the workbook, the names and views that point at it, its
// relationship, content type, title in docProps/app.xml and the part itself. Used for qmap's own review sheet
// in a review copy uploaded again, which qmap wrote and so may take back; every other part stays as it is.
import { removeContentType } from './content-types.js';
import type { Package } from './package.js';
import { readRels, relsOfType, removeRel } from './rels.js';
import type { SheetEntry, WorkbookInfo } from './workbook.js';
import { escapeXml, getAttr, setAttr } from './xml.js';
import { relsPathOf } from './names.js';

export function removeSheet(pkg: Package, wb: WorkbookInfo, sheet: SheetEntry): void {
  const index = wb.sheets.indexOf(sheet);
  const xml = pkg.text(wb.part)!;
  pkg.setText(wb.part, withViewsShifted(withoutNamesOf(withoutEntry(xml, sheet), sheet.name, index), index));
  removeRel(pkg, wb.part, sheet.relId);
  if (sheet.part) {
    removeContentType(pkg, sheet.part);
    pkg.remove(relsPathOf(sheet.part));
    pkg.remove(sheet.part);
  }
  withoutTitle(pkg, sheet.name);
  wb.sheets.splice(index, 1);
}

function withoutEntry(xml: string, sheet: SheetEntry): string {
  return xml.replace(/<(?:[\w.-]+:)?sheet\b[^>]*>/g, (tag) => (/\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] === sheet.relId ? '' : tag));
}

/** Names local to the sheet or referring to it go (Excel's _FilterDatabase for its filter, say); later sheets' local names shift down. */
function withoutNamesOf(xml: string, name: string, index: number): string {
  const refs = [`'${name.replace(/'/g, "''")}'!`, `${name}!`].map(escapeXml);
  const names = /<((?:[\w.-]+:)?)definedName\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1definedName>)/g;
  const left = xml.replace(names, (el: string, _p: string, body = '') => {
    const open = /^<[^>]*>/.exec(el)![0];
    const local = getAttr(open, 'localSheetId');
    if (local === String(index) || refs.some((r) => body.includes(r))) return '';
    return local !== null && Number(local) > index ? setAttr(open, 'localSheetId', String(Number(local) - 1)) + el.slice(open.length) : el;
  });
  // An empty <definedNames> is not allowed.
  return left.replace(/<((?:[\w.-]+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>|<(?:[\w.-]+:)?definedNames\s*\/>/g, '');
}

/** The active and first visible tab keep pointing at the same sheets (the first one when it was the sheet removed). */
function withViewsShifted(xml: string, index: number): string {
  return xml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (tag) => {
    let out = tag;
    for (const attr of ['activeTab', 'firstSheet']) {
      const at = Number(getAttr(out, attr) ?? NaN);
      if (at === index) out = setAttr(out, attr, '0');
      else if (at > index) out = setAttr(out, attr, String(at - 1));
    }
    return out;
  });
}

/** docProps/app.xml lists sheet titles in groups (Worksheets, Named Ranges, …) counted in HeadingPairs: the title goes and its group's count drops. */
function withoutTitle(pkg: Package, name: string): void {
  const part = relsOfType(readRels(pkg, ''), '/extended-properties')[0]?.target;
  const xml = part ? pkg.text(part) : null;
  if (!part || !xml) return;
  const titles = /(<(?:[\w.-]+:)?TitlesOfParts\b[^>]*>\s*<((?:[\w.-]+:)?)vector\b[^>]*>)([\s\S]*?)(<\/\2vector>)/.exec(xml);
  if (!titles) return;
  const items = [...titles[3].matchAll(/<(?:[\w.-]+:)?lpstr>([\s\S]*?)<\/(?:[\w.-]+:)?lpstr>/g)];
  const at = items.findIndex((m) => m[1] === escapeXml(name) || m[1] === name);
  if (at < 0) return;
  const inner = items.filter((_, i) => i !== at).map((m) => m[0]).join('');
  const vector = setAttr(/<[^>]*>$/.exec(titles[1])![0], 'size', String(items.length - 1));
  let out = xml.slice(0, titles.index) + titles[1].replace(/<[^>]*>$/, vector) + inner + titles[4] + xml.slice(titles.index + titles[0].length);
  out = withGroupCountDropped(out, at);
  pkg.setText(part, out);
}

function withGroupCountDropped(xml: string, title: number): string {
  const pairs = /<(?:[\w.-]+:)?HeadingPairs\b[\s\S]*?<\/(?:[\w.-]+:)?HeadingPairs>/.exec(xml);
  if (!pairs) return xml;
  let seen = 0;
  let done = false;
  const counted = pairs[0].replace(/(<(?:[\w.-]+:)?i4>)(\d+)(<\/(?:[\w.-]+:)?i4>)/g, (el, open: string, n: string, close: string) => {
    if (done) return el;
    seen += Number(n);
    if (title >= seen) return el;
    done = true;
    return `${open}${Number(n) - 1}${close}`;
  });
  return xml.slice(0, pairs.index) + counted + xml.slice(pairs.index + pairs[0].length);
}
