// The workbook part and its sheet list: each sheet's name and part. Reading and writing both find sheets
// here, so a name read from an upload is the name its answers are written to.
import { QmapError } from '../../errors.js';
import type { Package } from './package.js';
import { readRels, relType, type Rel } from './rels.js';
import { badCharacterReference, decodeXstring, getAttr, localName } from './xml.js';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Part name of the sheet, or null when the relationship is missing. */
  part: string | null;
  /** Only worksheets take answers (not chart sheets or dialog sheets). */
  isWorksheet: boolean;
  /** Hidden or very hidden. */
  hidden: boolean;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  rels: Rel[];
}

export function readWorkbook(pkg: Package): WorkbookInfo {
  const officeDoc = readRels(pkg, '').find((r) => r.type === relType.officeDocument || r.type.endsWith('/officeDocument'));
  const part = officeDoc?.target ?? pkg.find('xl/workbook.xml') ?? 'xl/workbook.xml';
  const xml = pkg.text(part);
  if (xml === null) throw new QmapError('unreadable', 'The workbook package has no workbook part.');
  const rels = readRels(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const m of xml.matchAll(/<([\w.-]+:)?sheet\b[^>]*>/g)) {
    if (localName(m[0].slice(1).split(/[\s/>]/)[0]) !== 'sheet') continue;
    const relId = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
    const rel = byId.get(relId);
    const state = getAttr(m[0], 'state');
    sheets.push({
      name: decodeXstring(getAttr(m[0], 'name') ?? ''),
      sheetId: Number(getAttr(m[0], 'sheetId') ?? 0),
      relId,
      part: rel && !rel.external ? rel.target : null,
      isWorksheet: !!rel && rel.type.endsWith('/worksheet'),
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  return { part, sheets, rels };
}

/**
 * The sheet names as an upload must have them: refers to no character XML forbids (a name Excel could not
 * have written, and one that would read differently in different programs).
 */
export function checkSheetNameCharacters(pkg: Package, wb: WorkbookInfo): void {
  for (const m of (pkg.text(wb.part) ?? '').matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const bad = badCharacterReference(m[0]);
    if (bad) {
      throw new QmapError('unreadable', `A sheet name in the workbook refers to the character ${bad}, which XML does not allow, so the file is damaged. Rename the sheet in the program that made the file, save it, and upload it again.`);
    }
  }
}
