// The review sheet (「qmap確認」, or "qmap review" for an English questionnaire): one line per question, so a
// reviewer can walk the whole questionnaire, jump to each answer cell and filter by status. Added as the
// workbook's last sheet, in the questionnaire's language, with columns wide enough and rows tall enough to read.
import type { Language } from '../../domain.js';
import { messageText } from '../../messages.js';
import type { ReviewLine } from '../types.js';
import { columnLetters, parseAddress, quoteSheetName } from '../package/a1.js';
import { addContentType } from '../package/content-types.js';
import type { Package } from '../package/package.js';
import { addRel, REL_NAMESPACE, relPrefix, relType } from '../package/rels.js';
import type { WorkbookInfo } from '../package/workbook.js';
import { escapeXml, insertBeforeRootEnd, rootPrefix } from '../package/xml.js';
import { formulaLike, type Styles } from './styles.js';
import { ByteSink } from './bytes.js';
import { defaultRowHeightOf, grownRowTag, heightFor, type Measures } from './fit.js';
import { inlineTail } from './inline.js';
import { freeName } from './comments.js';
import { REVIEW_SHEET } from '../vocabulary.js';
import { formatPicks, PICKS_COLUMN } from '../review-copy.js';

const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The columns, by message code of their header; `wrap`: long text that wraps (and sets the row's height). */
const COLUMNS: { code: string; width: number; wrap?: boolean }[] = [
  { code: 'sheet', width: 16, wrap: true },
  { code: 'cell', width: 8 },
  { code: 'question', width: 60, wrap: true },
  { code: 'itemNo', width: 9 },
  { code: 'item', width: 30, wrap: true },
  { code: 'score', width: 8 },
  { code: 'status', width: 16, wrap: true },
  { code: 'candidates', width: 40, wrap: true },
  { code: 'answer', width: 60, wrap: true },
  { code: PICKS_COLUMN, width: 16, wrap: true },
];

/** A status as the review sheet names it, in the questionnaire's language. */
export const statusLabel = (status: ReviewLine['status'], language: Language) => messageText({ code: `review.status.${status}` }, language);

/** Add the review sheet to the package; returns the name it got. */
export function addReviewSheet(pkg: Package, wb: WorkbookInfo, styles: Styles, lines: ReviewLine[], language: Language, limit: (s: string) => string): string {
  const name = uniqueName(wb.sheets.map((s) => s.name), REVIEW_SHEET[language]);
  const part = freeName(pkg, 'xl/worksheets/sheet', '.xml');
  // Lines of a row start at its top, so a reader sees where each long text begins.
  const look = {
    header: styles.addXf({ fontId: styles.addFont('<b/>'), fillId: styles.addFill('FFD9D9D9'), applyFont: 1, applyFill: 1 }, { wrap: true }),
    wrap: styles.addXf({}, { wrap: true, top: true }),
    plain: styles.addXf({}, { top: true }),
    link: styles.addXf({ fontId: styles.addFont('<u/>', 'FF0563C1'), applyFont: 1 }, { top: true }),
    score: styles.addXf({ numFmtId: 2, applyNumberFormat: 1 }, { top: true }),
  };
  // A question or answer that Excel could take for a formula stays text when someone edits it.
  const quoted = (s: number) => styles.cellStyle(s, { wrap: false, highlight: false, quotePrefix: true });
  const font = styles.defaultFont();
  const measures: Measures = { defaultFont: font, defaultRowHeight: defaultRowHeightOf(font.size) };
  const words = { headers: COLUMNS.map((c) => messageText({ code: `review.column.${c.code}` }, language)), status: (s: ReviewLine['status']) => statusLabel(s, language) };
  pkg.setBytes(part, sheetXml(lines, look, limit, quoted, measures, words));
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

function uniqueName(existing: string[], base: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}

interface Looks {
  header: number;
  wrap: number;
  plain: number;
  link: number;
  score: number;
}

interface Words {
  headers: string[];
  status: (s: ReviewLine['status']) => string;
}

/**
 * The sheet's XML, written straight into UTF-8 a row at a time (see ByteSink): it holds every question
 * and answer. Texts that repeat down the sheet (sheet names, items, statuses, answers) are escaped and measured once.
 */
function sheetXml(lines: ReviewLine[], look: Looks, limit: (s: string) => string, quoted: (style: number) => number, measures: Measures, words: Words): Uint8Array {
  // Room for every text as 3-byte UTF-8 plus each row's markup: the buffer then never grows.
  let chars = 0;
  for (const l of lines) chars += l.sheet.length + l.question.length + l.alternatives.length + l.answer.length + l.itemTitles.join('\n').length + 40 * (l.picks?.length ?? 0);
  const out = new ByteSink(3 * chars + 600 * (lines.length + 1) + 4096);
  const last = `${columnLetters(COLUMNS.length)}${lines.length + 1}`;
  const cols = COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NAMESPACE}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${last}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="${measures.defaultRowHeight}"/>` +
      `<cols>${cols}</cols>` +
      '<sheetData>',
  );
  const styleOf = (value: string, s: number) => (formulaLike(value) ? quoted(s) : s);
  const cell = (ref: string, value: string, s = 0) => (value === '' ? '' : `<c r="${ref}"${attrS(styleOf(value, s))}${inlineTail('', value, limit)}`);
  const num = (ref: string, value: number | null, s = 0) => (value === null || !Number.isFinite(value) ? '' : `<c r="${ref}"${attrS(s)}><v>${value}</v></c>`);
  // Texts that repeat down a column (one cache per column, as each has its own style) are escaped and measured once.
  const heights = Array.from({ length: COLUMNS.length }, () => new Map<string, number>());
  const heightOf = (col: number, value: string) => {
    let h = heights[col].get(value);
    if (h === undefined) heights[col].set(value, (h = heightFor(limit(value), COLUMNS[col].width, measures.defaultFont, measures)));
    return h;
  };
  const rowTag = (r: number, texts: string[]) => {
    let needed = 0;
    for (let i = 0; i < COLUMNS.length; i++) if (COLUMNS[i].wrap && texts[i]) needed = Math.max(needed, heightOf(i, texts[i]));
    return grownRowTag(`<row r="${r}">`, needed, measures);
  };
  out.push(`${rowTag(1, words.headers)}${COLUMNS.map((_, i) => cell(`${columnLetters(i + 1)}1`, words.headers[i], look.header)).join('')}</row>`);
  const links = new ByteSink(120 * lines.length + 64);
  const locations = new Map<string, string>();
  const tails = Array.from({ length: COLUMNS.length }, () => new Map<string, string>());
  const cached = (col: number, ref: string, value: string, s: number) => {
    if (value === '') return '';
    let tail = tails[col].get(value);
    if (tail === undefined) tails[col].set(value, (tail = `${attrS(styleOf(value, s))}${inlineTail('', value, limit)}`));
    return `<c r="${ref}"${tail}`;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const r = i + 2;
    const target = line.cell && parseAddress(line.cell) ? line.cell.replace(/\$/g, '').toUpperCase() : null;
    if (target) {
      let sheet = locations.get(line.sheet);
      if (sheet === undefined) locations.set(line.sheet, (sheet = escapeXml(quoteSheetName(line.sheet))));
      links.push(`<hyperlink ref="B${r}" location="${sheet}!${escapeXml(target)}" display="${target}"/>`);
    }
    const titles = line.itemTitles.join('\n');
    const status = words.status(line.status);
    const picks = formatPicks(line.picks);
    out.push(
      rowTag(r, [line.sheet, '', line.question, '', titles, '', status, line.alternatives, line.answer, picks]) +
        cached(0, `A${r}`, line.sheet, look.wrap) +
        cell(`B${r}`, target ?? '', look.link) +
        cell(`C${r}`, line.question, look.wrap) +
        (line.itemNos.length === 1 ? num(`D${r}`, line.itemNos[0], look.plain) : cell(`D${r}`, line.itemNos.join(', '), look.plain)) +
        cached(4, `E${r}`, titles, look.wrap) +
        num(`F${r}`, line.score, look.score) +
        cached(6, `G${r}`, status, look.wrap) +
        cell(`H${r}`, line.alternatives, look.wrap) +
        cached(8, `I${r}`, line.answer, look.wrap) +
        cell(`J${r}`, picks, look.wrap) +
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
