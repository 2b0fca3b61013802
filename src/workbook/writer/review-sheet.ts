// The 「qmap確認」 sheet: one line per question, so a reviewer can walk the whole questionnaire,
// jump to each answer cell and filter by status. Added as the workbook's last sheet.
import type { ReviewLine } from '../types.js';
import { columnLetters, parseAddress, quoteSheetName } from '../package/a1.js';
import { addContentType } from '../package/content-types.js';
import type { Package } from '../package/package.js';
import { addRel, REL_NAMESPACE, relPrefix, relType } from '../package/rels.js';
import type { WorkbookInfo } from '../package/workbook.js';
import { escapeXml, insertBeforeRootEnd, rootPrefix } from '../package/xml.js';
import { formulaLike, type Styles } from './styles.js';
import { ByteSink } from './bytes.js';
import { inlineTail } from './inline.js';
import { freeName } from './comments.js';
import { REVIEW_SHEET } from '../vocabulary.js';

const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const STATUS_LABEL: Record<ReviewLine['status'], string> = {
  auto: '自動',
  review: '要確認',
  unmatched: '該当項目なし',
  confirmed: '確認済み',
};

const COLUMNS: { title: string; width: number; wrap?: boolean }[] = [
  { title: 'シート', width: 16 },
  { title: 'セル', width: 8 },
  { title: '質問', width: 60, wrap: true },
  { title: '項目No.', width: 9 },
  { title: '項目名', width: 30, wrap: true },
  { title: 'スコア', width: 8 },
  { title: '状態', width: 12 },
  { title: '候補', width: 40, wrap: true },
  { title: '記入した回答', width: 60, wrap: true },
];

/** Add the review sheet to the package; returns the name it got. */
export function addReviewSheet(pkg: Package, wb: WorkbookInfo, styles: Styles, lines: ReviewLine[], limit: (s: string) => string): string {
  const name = uniqueName(wb.sheets.map((s) => s.name));
  const part = freeName(pkg, 'xl/worksheets/sheet', '.xml');
  const look = {
    header: styles.addXf({ fontId: styles.addFont('<b/>'), fillId: styles.addFill('FFD9D9D9'), applyFont: 1, applyFill: 1 }, { wrap: true }),
    wrap: styles.addXf({}, { wrap: true }),
    link: styles.addXf({ fontId: styles.addFont('<u/>', 'FF0563C1'), applyFont: 1 }),
    score: styles.addXf({ numFmtId: 2, applyNumberFormat: 1 }),
  };
  // A question or answer that Excel could take for a formula stays text when someone edits it.
  const quoted = (s: number) => styles.cellStyle(s, { wrap: false, highlight: false, quotePrefix: true });
  pkg.setBytes(part, sheetXml(lines, look, limit, quoted));
  addContentType(pkg, 'Override', `/${part}`, WORKSHEET_CT);
  const relId = addRel(pkg, wb.part, relType.worksheet, part);
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  const xml = pkg.text(wb.part)!;
  const p = rootPrefix(xml);
  const r = relPrefix(xml);
  const rid = r ? `${r}id="${relId}"` : `xmlns:qr="${REL_NAMESPACE}" qr:id="${relId}"`;
  const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rid}/>`;
  const close = xml.indexOf(`</${p}sheets>`);
  pkg.setText(wb.part, close >= 0 ? xml.slice(0, close) + entry + xml.slice(close) : insertBeforeRootEnd(xml, `<${p}sheets>${entry}</${p}sheets>`));
  return name;
}

const attrS = (s: number) => (s ? ` s="${s}"` : '');

function uniqueName(existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = REVIEW_SHEET;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${REVIEW_SHEET} (${n})`;
  return name;
}

interface Looks {
  header: number;
  wrap: number;
  link: number;
  score: number;
}

/**
 * The sheet's XML, written straight into UTF-8 a row at a time (see ByteSink): it holds every question
 * and answer. Texts that repeat down the sheet (sheet names, items, statuses, answers) are escaped once.
 */
function sheetXml(lines: ReviewLine[], look: Looks, limit: (s: string) => string, quoted: (style: number) => number): Uint8Array {
  // Room for every text as 3-byte UTF-8 plus each row's markup: the buffer then never grows.
  let chars = 0;
  for (const l of lines) chars += l.sheet.length + l.question.length + l.alternatives.length + l.answer.length + l.itemTitles.join('\n').length;
  const out = new ByteSink(3 * chars + 600 * (lines.length + 1) + 4096);
  const last = `${columnLetters(COLUMNS.length)}${lines.length + 1}`;
  const cols = COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NAMESPACE}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${last}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols}</cols>` +
      '<sheetData>',
  );
  const styleOf = (value: string, s: number) => (formulaLike(value) ? quoted(s) : s);
  const cell = (ref: string, value: string, s = 0) => (value === '' ? '' : `<c r="${ref}"${attrS(styleOf(value, s))}${inlineTail('', value, limit)}`);
  const num = (ref: string, value: number | null, s = 0) => (value === null || !Number.isFinite(value) ? '' : `<c r="${ref}"${attrS(s)}><v>${value}</v></c>`);
  out.push(`<row r="1">${COLUMNS.map((c, i) => cell(`${columnLetters(i + 1)}1`, c.title, look.header)).join('')}</row>`);
  const links = new ByteSink(120 * lines.length + 64);
  const locations = new Map<string, string>();
  // Texts that repeat down a column (one cache per column, as each has its own style) are escaped once.
  const tails = Array.from({ length: COLUMNS.length }, () => new Map<string, string>());
  const cached = (col: number, ref: string, value: string, s: number) => {
    if (value === '') return '';
    let tail = tails[col].get(value);
    if (tail === undefined) tails[col].set(value, (tail = `${attrS(styleOf(value, s))}${inlineTail('', value, limit)}`));
    return `<c r="${ref}"${tail}`;
  };
  const wrap = (col: number) => (COLUMNS[col].wrap ? look.wrap : 0);
  const [titleStyle, alternativeStyle, answerStyle, questionStyle] = [wrap(4), wrap(7), wrap(8), wrap(2)];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const r = i + 2;
    const target = line.cell && parseAddress(line.cell) ? line.cell.replace(/\$/g, '').toUpperCase() : null;
    if (target) {
      let sheet = locations.get(line.sheet);
      if (sheet === undefined) locations.set(line.sheet, (sheet = escapeXml(quoteSheetName(line.sheet))));
      links.push(`<hyperlink ref="B${r}" location="${sheet}!${escapeXml(target)}" display="${target}"/>`);
    }
    out.push(
      `<row r="${r}">` +
        cached(0, `A${r}`, line.sheet, 0) +
        cell(`B${r}`, target ?? '', look.link) +
        cell(`C${r}`, line.question, questionStyle) +
        (line.itemNos.length === 1 ? num(`D${r}`, line.itemNos[0]) : cell(`D${r}`, line.itemNos.join(', '))) +
        cached(4, `E${r}`, line.itemTitles.join('\n'), titleStyle) +
        num(`F${r}`, line.score, look.score) +
        cached(6, `G${r}`, STATUS_LABEL[line.status], 0) +
        cell(`H${r}`, line.alternatives, alternativeStyle) +
        cached(8, `I${r}`, line.answer, answerStyle) +
        '</row>',
    );
  }
  out.push('</sheetData>' + `<autoFilter ref="A1:${last}"/>`);
  if (links.length > 0) {
    out.push('<hyperlinks>');
    out.pushBytes(links.bytes());
    out.push('</hyperlinks>');
  }
  out.push(
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>' +
      '</worksheet>',
  );
  return out.bytes();
}

