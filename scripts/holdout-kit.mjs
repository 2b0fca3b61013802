// holdout-kit.mjs — what the make-holdout*.mjs generators share: cell styles, row heights,
// workbook and label shapes, drop-downs, CSV text, and the read-back self-check with its summary.
// Each generator keeps its own content (questions, layouts, labels, what reads as a question).

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(cptable); // reading a Shift_JIS CSV back needs the code pages

// ---------------------------------------------------------------- styles and sizes
export const thin = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
export const fill = (argb) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A4, fitted to one page wide. */
export const printA4 = (orientation) => ({ paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

export const columnLetter = (n) => XLSX.utils.encode_col(n - 1);

/** Display width of a text in half-width units: CJK and other wide characters count twice. */
function units(s) {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0) < 0x1100 ? 1 : 2;
  return n;
}

/** How many lines a wrapped text takes in a column `width` characters wide. */
function lines(text, width) {
  return String(text)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(units(part) / Math.max(1, width - 2))), 0);
}

/** Sets row `r`'s height to show `text` wrapped in a column `width` characters wide, `per` points a line. */
export function fitRow(ws, r, text, width, { minLines = 1, per = 14 } = {}) {
  ws.getRow(r).height = Math.max(20, Math.round(Math.max(lines(text, width), minLines) * per + 6));
}

export function styleRange(ws, r1, c1, r2, c2, style) {
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const cell = ws.getCell(r, c);
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.border) cell.border = style.border;
      if (style.alignment) cell.alignment = style.alignment;
    }
  }
}
export const styleRow = (ws, r, c1, c2, style) => styleRange(ws, r, c1, r, c2, style);

/** A table body row: bordered cells A..`lastColumn`, text in `font`, top-aligned and wrapping. */
export const bodyRow = (ws, r, lastColumn, font) => styleRow(ws, r, 1, lastColumn, { font, border: BORDER, alignment: { vertical: 'top', wrapText: true } });

/** Gives the cells of row `r` in `columns` the fill `f` (the answer cells, the customer's own columns). */
export function fillCells(ws, r, columns, f) {
  for (const c of columns) ws.getCell(r, c).fill = f;
}

/** Merges `range` ('A1:F1') and writes `value` with `style` into its first cell (a title, a note line). */
export function mergedText(ws, range, value, style = {}) {
  ws.mergeCells(range);
  const cell = ws.getCell(range.split(':')[0]);
  cell.value = value;
  if (style.font) cell.font = style.font;
  if (style.alignment) cell.alignment = style.alignment;
}

/** A section heading inside a table: `text` in column A, merged and styled across columns A..`lastColumn`. */
export function sectionRow(ws, r, lastColumn, text, style) {
  ws.mergeCells(r, 1, r, lastColumn);
  ws.getCell(r, 1).value = text;
  styleRow(ws, r, 1, lastColumn, style);
}

/** A table's header row: `headers` from column A on, all styled alike. */
export function headerRow(ws, r, headers, style) {
  headers.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  styleRow(ws, r, 1, headers.length, style);
}

/**
 * An Excel drop-down of `values` that refuses other input with the message `error`;
 * `prompt` also shows as a hint when the cell is selected.
 */
export function dropDown(cell, values, { error, errorTitle, errorStyle, prompt }) {
  cell.dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    ...(errorStyle && { errorStyle }),
    ...(errorTitle && { errorTitle }),
    error,
    ...(prompt && { showInputMessage: true, prompt }),
  };
}

/** A workbook whose document properties do not change between runs. */
export function newBook(creator, date, { lastModifiedBy = creator } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  if (lastModifiedBy) wb.lastModifiedBy = lastModifiedBy;
  wb.created = date;
  wb.modified = date;
  return wb;
}

// ---------------------------------------------------------------- labels (the dev set's format)
export const label = (qq, row) => ({ row, text: qq.text, items: qq.items, also: qq.also, note: qq.note });
export const noQuestions = (name) => ({ name, headerRow: null, questionColumn: null, answerColumn: null, choiceColumn: null, choices: null, questions: [] });

/** Writes the workbook and returns its entry in labels.json. */
export async function saveBook(wb, dir, file, { layout, sheets }) {
  await wb.xlsx.writeFile(path.join(dir, file));
  return { file, layout, sheets };
}

export function writeLabels(dir, workbooks) {
  fs.writeFileSync(path.join(dir, 'labels.json'), JSON.stringify({ version: 1, workbooks }, null, 2) + '\n', 'utf8');
}

// ---------------------------------------------------------------- CSV
// Hand-written on purpose: SheetJS's CSV writer does not quote a field holding a bare "\n" when
// records end in "\r\n", and these exports must keep such fields in one record.
function csvField(v) {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvText = (records, eol) => records.map((r) => r.map(csvField).join(',')).join(eol) + eol;

// ---------------------------------------------------------------- self-check
function readBook(dir, file, csvCodepage) {
  const buf = fs.readFileSync(path.join(dir, file));
  if (!file.endsWith('.csv')) return XLSX.read(buf, { type: 'buffer' });
  if (csvCodepage) return XLSX.read(buf, { type: 'buffer', codepage: csvCodepage, raw: true });
  return XLSX.read(buf.toString('utf8'), { type: 'string', raw: true });
}
const text = (cell) => (cell == null || cell.v == null ? '' : String(cell.v));

function checkQuestion(where, s, ws, qq, problems) {
  const addr = `${s.questionColumn}${qq.row}`;
  const got = text(ws[addr]);
  if (got !== qq.text) problems.push(`${where}!${addr}: cell text differs from the label\n   label: ${JSON.stringify(qq.text)}\n   cell:  ${JSON.stringify(got)}`);
  if (qq.row <= s.headerRow) problems.push(`${where} row ${qq.row}: question not below the header`);
  if (text(ws[`${s.answerColumn}${qq.row}`])) problems.push(`${where}!${s.answerColumn}${qq.row}: answer cell not empty`);
  if (s.choiceColumn && text(ws[`${s.choiceColumn}${qq.row}`])) problems.push(`${where}!${s.choiceColumn}${qq.row}: choice cell not empty`);
  for (const n of [...qq.items, ...qq.also]) if (!(Number.isInteger(n) && n >= 1 && n <= 49)) problems.push(`${where} row ${qq.row}: bad item ${n}`);
  if (qq.items.some((n) => qq.also.includes(n))) problems.push(`${where} row ${qq.row}: item both in items and also`);
}

/** Outside the labelled question cells, nothing may read like a question, nor sit in the question column below the header. */
function checkOthers(where, s, ws, { looksLikeQuestion, isInstruction, known }, problems) {
  const labelled = new Set(s.questions.map((qq) => `${s.questionColumn}${qq.row}`));
  for (const addr of Object.keys(ws)) {
    if (addr.startsWith('!') || labelled.has(addr) || known.has(addr)) continue;
    const t = text(ws[addr]).trim();
    if (!t) continue;
    const { r, c } = XLSX.utils.decode_cell(addr);
    const inQuestionColumn = s.questionColumn && c === XLSX.utils.decode_col(s.questionColumn) && r + 1 > s.headerRow;
    if (inQuestionColumn) problems.push(`${where}!${addr}: unlabelled text in the question column: ${JSON.stringify(t)}`);
    else if (looksLikeQuestion(t) && !isInstruction(t)) problems.push(`${where}!${addr}: unlabelled cell reads like a question: ${JSON.stringify(t)}`);
  }
  for (const addr of known) if (!text(ws[addr])) problems.push(`${where}!${addr}: the deliberate non-question is missing`);
}

async function checkDropDowns(dir, w, problems) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, w.file));
  for (const s of w.sheets.filter((x) => x.choiceColumn)) {
    const want = `"${s.choices.join(',')}"`;
    for (const qq of s.questions) {
      const dv = book.getWorksheet(s.name).getCell(`${s.choiceColumn}${qq.row}`).dataValidation;
      if (dv?.type !== 'list' || dv.formulae?.[0] !== want) problems.push(`${w.file}/${s.name}!${s.choiceColumn}${qq.row}: drop-down is not ${want}`);
    }
  }
}

/**
 * Reads every written file back (SheetJS, and ExcelJS for drop-downs) and returns what disagrees
 * with the labels; empty when all is well. Checked: the sheets are exactly the labelled ones; each
 * labelled question cell holds the label's text, sits below the header with empty answer and choice
 * cells and the labelled drop-down; items are METI numbers 1..49, none both in items and also; no
 * other cell reads like a question (`looksLikeQuestion`, unless `isInstruction`) or fills the
 * question column, apart from `nonQuestions` ({ file, sheet, row, why }: 記入例, （削除） rows…);
 * every one of the 49 items is in some question's items.
 */
export async function checkSet(dir, workbooks, { looksLikeQuestion, isInstruction = () => false, nonQuestions = [], csvCodepage } = {}) {
  const problems = [];
  for (const w of workbooks) {
    const book = readBook(dir, w.file, csvCodepage);
    const names = w.sheets.map((s) => s.name);
    if (JSON.stringify(book.SheetNames) !== JSON.stringify(names)) problems.push(`${w.file}: sheets ${JSON.stringify(book.SheetNames)} != labels ${JSON.stringify(names)}`);
    for (const s of w.sheets) {
      const where = `${w.file}/${s.name}`;
      const ws = book.Sheets[s.name];
      if (!ws) continue;
      if (new Set(s.questions.map((qq) => qq.row)).size !== s.questions.length) problems.push(`${where}: two labels on one row`);
      if (s.headerRow != null && !text(ws[`${s.questionColumn}${s.headerRow}`])) problems.push(`${where}: header cell ${s.questionColumn}${s.headerRow} is empty`);
      for (const qq of s.questions) checkQuestion(where, s, ws, qq, problems);
      const known = new Set(nonQuestions.filter((n) => n.file === w.file && n.sheet === s.name).map((n) => `${s.questionColumn}${n.row}`));
      checkOthers(where, s, ws, { looksLikeQuestion, isInstruction, known }, problems);
    }
    if (w.file.endsWith('.xlsx')) await checkDropDowns(dir, w, problems);
  }
  const main = new Set(workbooks.flatMap((w) => w.sheets.flatMap((s) => s.questions.flatMap((qq) => qq.items))));
  const never = Array.from({ length: 49 }, (_, i) => i + 1).filter((n) => !main.has(n));
  if (never.length) problems.push(`items never a main answer: ${never.join(', ')}`);
  return problems;
}

/** Prints the set's counts, then the problems (exit 1) or that the self-check passed. */
export function report(workbooks, problems) {
  let total = 0;
  let none = 0;
  let two = 0;
  for (const w of workbooks) {
    const qs = w.sheets.flatMap((s) => s.questions);
    const z = qs.filter((x) => x.items.length === 0).length;
    total += qs.length;
    none += z;
    two += qs.filter((x) => x.items.length >= 2).length;
    console.log(`${w.file}: ${qs.length} questions (${w.sheets.map((s) => `${s.name}=${s.questions.length}`).join(', ')}), ${z} without an item`);
  }
  console.log(`total ${total} questions, ${none} without an item (${((100 * none) / total).toFixed(1)}%), ${two} with two items`);
  if (problems.length) {
    console.error(`SELF-CHECK FAILED (${problems.length}):\n- ` + problems.join('\n- '));
    process.exit(1);
  }
  console.log('self-check OK: every labelled row matches its cell, answer cells are empty, drop-downs match, nothing else reads like a question, all 49 items are a main answer');
}
