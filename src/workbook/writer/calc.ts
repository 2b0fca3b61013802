// Formulas that read the cells qmap wrote (a score =IF(C5="はい",1,0), a total =SUM(E2:E16)) keep the
// values cached when the customer last saved. The workbook is marked to be recalculated when it is opened
// (calcPr fullCalcOnLoad, as Excel and ExcelJS write it), so Excel shows values that agree with the answers;
// LibreOffice follows its own "recalculation on file load" setting instead. Only a workbook with formulas is
// marked: Excel asks to save a recalculated workbook on closing, which is noise when nothing could change.
import type { WorkbookInfo } from './opc.js';
import type { Package } from './zip.js';
import { getAttr, rootPrefix, setAttr } from './xml.js';

const FORMULA = /<(?:[\w.-]+:)?f[\s>/]/;

export function recalculateOnOpen(pkg: Package, wb: WorkbookInfo): void {
  // Read as bytes (source), not decoded text: a sheet's text would be cached and then written from it.
  const hasFormulas = wb.sheets.some((s) => s.isWorksheet && s.part && FORMULA.test(pkg.source(s.part)?.text ?? ''));
  if (!hasFormulas) return;
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
