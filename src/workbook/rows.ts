// Walks a table's rows under its header and keeps the questions: not section rows, example rows,
// struck-out rows, notes or repeated headers; a row continuing the question above is joined to it.
import { cellAddress } from './address.js';
import type { Layout } from './layout.js';
import type { MergeIndex } from './merges.js';
import type { Question, Grid } from './types.js';
import { deletedMark, exampleMark, examplePrefix, noteMark, numbering, questionLike, sectionLike } from './cells.js';
import { headerRoles, namesQuestion, compareKey, hasCompareKey } from './vocabulary.js';

export interface RowsResult {
  questions: Question[];
  /** hidden: rows with text in the question column that the customer hid (collapsed groups, say): not read. */
  skipped: { sections: number; examples: number; deleted: number; notes: number; continued: number; hidden: number };
}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
const endsSentence = /[。．.？?！!」』）)]\s*$/;
const letter = /\p{L}/u;

export function questionRows(grid: Grid, merges: MergeIndex, layout: Layout): RowsResult {
  const { question: qc, answer: ac, choice: cc, number: nc, category: catc } = layout;
  const from = layout.firstRow;
  const headerText = layout.headerRow === null ? '' : compareKey(grid.cell(layout.headerRow, qc));
  const skipped = { sections: 0, examples: 0, deleted: 0, notes: 0, continued: 0, hidden: 0 };
  const questions: Question[] = [];

  // Is the table numbered? Then an unnumbered row is a section, a note or a continuation.
  let withText = 0;
  let withNumber = 0;
  let lastNumbered = -1;
  for (let r = from; r < grid.rowCount; r++) {
    if (!grid.cell(r, qc).trim()) continue;
    withText++;
    if (nc !== null && grid.cell(r, nc).trim()) {
      withNumber++;
      lastNumbered = r;
    }
  }
  const numbered = nc !== null && withNumber >= 0.6 * withText;

  const valueAt = (r: number, c: number) => {
    const m = merges.covering(r, c);
    return (m ? grid.cell(m.s.r, m.s.c) : grid.cell(r, c)).trim();
  };
  const target = (r: number, c: number) => {
    const m = merges.covering(r, c);
    return m ? { r: m.s.r, c: m.s.c } : { r, c };
  };

  const boxes = layout.boxes;

  let section: string | null = null;
  let category: string | null = null;
  // A category cell usually repeats down the column (or is merged): tidy each value once.
  let categoryRaw = '';
  let categoryLine = '';
  let lastRow = -2;
  for (let r = from; r < grid.rowCount; r++) {
    if (grid.hiddenRows.has(r)) {
      if (grid.cell(r, qc).trim()) skipped.hidden++;
      continue;
    }
    if (boxes?.has(r)) continue;
    if (catc !== null) {
      const v = valueAt(r, catc);
      if (v) {
        if (v !== categoryRaw) {
          categoryRaw = v;
          categoryLine = oneLine(v);
        }
        category = categoryLine;
      }
    }
    const raw = grid.cell(r, qc);
    const text = raw.trim();
    if (!text) {
      // A row with one short text elsewhere (often merged across the table) is a section heading.
      const heading = rowHeading(grid, r, qc);
      if (heading !== null) {
        skipped.sections++;
        if (heading.length <= 60 && !noteMark.test(heading)) {
          section = oneLine(heading);
          category = null;
        }
      }
      continue;
    }
    const num = nc !== null ? grid.cell(r, nc).trim() : '';
    const span = merges.at(r, qc);
    const swallowsAnswer = span !== undefined && ac !== null && ac > qc && span.e.c >= ac;
    const asks = questionLike.test(text);

    // Placeholders (－, ―, …) and repeated headers are not questions.
    if (!letter.test(text)) continue;
    if (hasCompareKey(text, headerText) || headerAgain(grid, r, qc, nc, text, asks)) continue;
    if (examplePrefix.test(text) || exampleMark.test(num) || rowHasExampleMark(grid, r, qc)) {
      skipped.examples++;
      continue;
    }
    if (deletedMark.test(text) || (grid.struck.size > 0 && grid.struck.has(`${r},${qc}`))) {
      skipped.deleted++;
      continue;
    }
    if (!num && noteMark.test(text)) {
      skipped.notes++;
      continue;
    }
    const heading =
      !num
        ? swallowsAnswer || ((numbered || sectionLike.test(text)) && isHeading(text, asks))
        : isHeading(text, asks) && (swallowsAnswer || numbersChildren(num, nextNumber(grid, r, qc, nc)));
    if (heading) {
      skipped.sections++;
      if (text.length <= 60) {
        section = oneLine(text);
        category = null;
      }
      continue;
    }
    const prev = questions[questions.length - 1];
    if (!num && numbered && prev && lastRow === r - 1) {
      const answerFromAbove = ac !== null && merges.covering(r, ac)?.s.r === lastRow;
      if (answerFromAbove || (!asks && !endsSentence.test(prev.text))) {
        prev.text += '\n' + text;
        skipped.continued++;
        lastRow = r;
        continue;
      }
    }
    // Below the last numbered item of a numbered table, past a blank row: a closing line, not a question.
    if (!num && numbered && r > lastNumbered && lastRow < r - 1) {
      skipped.notes++;
      continue;
    }
    const ownNumber = num || (/^((?:Q|No\.?)?\s?\d{1,3}(?:[-.]\d{1,3}){0,3})[.)．）:：\s]/i.exec(text)?.[1] ?? '');
    const box = boxes?.get(r + 1);
    const answerAt = box ?? (ac === null ? null : target(r, ac));
    const choiceAt = cc === null ? null : target(r, cc);
    questions.push({
      sheet: grid.name,
      row: r + 1,
      text: raw.replace(/\r\n?/g, '\n').trim(),
      section: category ?? section,
      number: ownNumber && numbering.test(ownNumber.replace(/\s/g, '')) ? ownNumber : num || null,
      answerCell: answerAt ? cellAddress(answerAt.r, answerAt.c) : null,
      choiceCell: choiceAt ? cellAddress(choiceAt.r, choiceAt.c) : null,
      choices: choiceAt ? layout.choices : null,
      ...(layout.marks ? { marks: layout.marks.map((m) => ({ value: m.value, cell: cellAddress(target(r, m.c).r, target(r, m.c).c) })) } : {}),
      existingAnswer: answerAt ? grid.cell(answerAt.r, answerAt.c) : '',
      existingChoice: choiceAt ? grid.cell(choiceAt.r, choiceAt.c) : '',
    });
    lastRow = r;
  }

  return { questions, skipped };
}

/**
 * A second or repeated header row (Question | Answer under 確認事項 | 回答): header words across the row,
 * no number, and nothing that reads as a sentence, so a terse question with a short answer filled in stays.
 */
function headerAgain(grid: Grid, r: number, qc: number, nc: number | null, text: string, asks: boolean): boolean {
  if (asks || !namesQuestion(text)) return false;
  if (nc !== null && numbering.test(grid.cell(r, nc).trim())) return false;
  // Two header words besides the question's, one of them naming the answer (Answer | Remarks, No. | Answer).
  let named = 0;
  let words = 0;
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.cell(r, c).trim();
    if (c === qc || !t) continue;
    const roles = headerRoles(t);
    if (roles.size) words++;
    if (roles.has('number')) continue;
    if (t.length > 20 || endsSentence.test(t)) return false;
    if (roles.has('answer') || roles.has('choice') || roles.has('notes')) named++;
  }
  return named >= 1 && words >= 2;
}

/** The number of the next row below r that has question text (a struck-out row's does not count). */
function nextNumber(grid: Grid, r: number, qc: number, nc: number | null): string {
  if (nc === null) return '';
  for (let next = r + 1; next < Math.min(grid.rowCount, r + 6); next++) {
    const text = grid.cell(next, qc).trim();
    if (!text || deletedMark.test(text) || grid.struck.has(`${next},${qc}`)) continue;
    return grid.cell(next, nc).trim();
  }
  return '';
}

/** "1" heads "1-1" and "1.2"; "A" heads "A.5.1": the row with the shorter number is a section. */
function numbersChildren(num: string, next: string): boolean {
  const parent = num.normalize('NFKC').replace(/[.)．]$/, '');
  const child = next.normalize('NFKC');
  return parent.length > 0 && child.length > parent.length + 1 && child.startsWith(parent) && /^[-.‐_]\S/.test(child.slice(parent.length));
}

/** Short, not a question (`asks`: questionLike.test(text)): a heading. */
function isHeading(text: string, asks: boolean): boolean {
  return text.length <= 40 && !asks;
}

/** The only text of a row whose question cell is empty, when it sits left of or at the question column. */
function rowHeading(grid: Grid, r: number, qc: number): string | null {
  let found: string | null = null;
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.cell(r, c).trim();
    if (!t) continue;
    if (found !== null || c > qc) return null;
    found = t;
  }
  return found !== null && !numbering.test(found) ? found : null;
}

function rowHasExampleMark(grid: Grid, r: number, qc: number): boolean {
  for (let c = 0; c < qc; c++) if (exampleMark.test(grid.cell(r, c))) return true;
  return false;
}
