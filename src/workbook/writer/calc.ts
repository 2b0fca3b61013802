// Formulas that read the cells qmap wrote (a score =IF(C5="はい",1,0), a total =SUM(E2:E16)) keep the
// values cached when the customer last saved. The workbook is marked to be recalculated when it is opened
// (calcPr fullCalcOnLoad, as Excel and ExcelJS write it), so Excel shows values that agree with the answers;
// LibreOffice follows its own "recalculation on file load" setting instead. Only a workbook with formulas
// that read its own cells is marked: Excel asks to save a recalculated workbook on closing, which is noise
// when nothing could change, and a full recalculation would also refresh DDE links (which start programs)
// and references to other workbooks, which qmap must never set off.
import type { Package } from '../package/package.js';
import { relsOfType, relType } from '../package/rels.js';
import type { WorkbookInfo } from '../package/workbook.js';
import { getAttr, rootPrefix, setAttr } from '../package/xml.js';

export function recalculateOnOpen(pkg: Package, wb: WorkbookInfo): void {
  if (!worthRecalculating(pkg, wb)) return;
  const xml = pkg.text(wb.part)!;
  const p = rootPrefix(xml);
  const calcPr = new RegExp(`<${p}calcPr\\b[^>]*>`).exec(xml);
  if (calcPr) {
    const tag = calcPr[0];
    if (/^(1|true)$/.test(getAttr(tag, 'fullCalcOnLoad') ?? '')) return;
    pkg.setText(wb.part, xml.slice(0, calcPr.index) + setAttr(tag, 'fullCalcOnLoad', '1') + xml.slice(calcPr.index + tag.length));
    return;
  }
  // calcPr follows these in the workbook's schema order; Excel refuses a workbook whose elements are out of order.
  for (const before of ['definedNames', 'externalReferences', 'functionGroups', 'sheets']) {
    const close = `</${p}${before}>`;
    const at = xml.indexOf(close);
    if (at >= 0) {
      const cut = at + close.length;
      pkg.setText(wb.part, `${xml.slice(0, cut)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(cut)}`);
      return;
    }
  }
}

// A formula element with text (shared-formula copies are empty and repeat their master's).
const FORMULA = /<(?:[\w.-]+:)?f\b[^>]*>([^<]+)</g;
// A reference to another workbook: [1]Sheet1!A1, '[2]My sheet'!B2 or [1]!Name (not a table's Table1[2019]).
const EXTERNAL = /(?:^|[^\w\]])(?:'|&apos;)?\[\d+\]/;

/** A formula reads this workbook's own cells, and none is a DDE link (program|topic!item, or a DDE link part). */
function worthRecalculating(pkg: Package, wb: WorkbookInfo): boolean {
  if (hasDdeLinks(pkg, wb)) return false;
  let internal = false;
  for (const sheet of wb.sheets) {
    if (!sheet.isWorksheet || !sheet.part) continue;
    // Read as bytes (source), not decoded text: a sheet's text would be cached and then written from it.
    for (const m of (pkg.source(sheet.part)?.text ?? '').matchAll(FORMULA)) {
      if (m[1].includes('|')) return false;
      internal ||= !EXTERNAL.test(m[1]);
    }
  }
  return internal;
}

function hasDdeLinks(pkg: Package, wb: WorkbookInfo): boolean {
  return relsOfType(wb.rels, relType.externalLink).some((r) => !r.external && /<(?:[\w.-]+:)?(ddeLink|oleLink)\b/.test(pkg.text(r.target) ?? ''));
}
