// Walks a table's rows under its header and keeps the questions. Each row is first told apart (rowKind): a
// section row, an example, a struck-out or deleted row, a note, a repeated header, the continuation of the item
// above (a legacy sheet's text wrapped over two rows), an item that only heads its sub-items ((a), ①, ア), or a
// question; then questions get their answer, choice and mark cells.
import { cellAddress } from './address.js';
import { deletedMark, exampleMark, examplePrefix, noteMark, numbering, questionLike, sectionLike, subItemMark } from './cells.js';
import { widthOf } from './columns.js';
import type { Layout } from './layout.js';
import type { MergeIndex } from './merges.js';
import type { Grid, Question } from './types.js';
import { compareKey, hasCompareKey, headerRoles, namesQuestion } from './vocabulary.js';

export interface RowsResult {
  questions: Question[];
  /** hidden: rows with text in the question column that the customer hid (collapsed groups, say): not read. */
  skipped: { sections: number; examples: number; deleted: number; notes: number; continued: number; hidden: number };
}

type Kind = 'skip' | 'hidden' | 'section' | 'example' | 'deleted' | 'note' | 'continued' | 'question';

/** What the walk knows about the table and the rows read so far. */
interface Walk {
  grid: Grid;
  merges: MergeIndex;
  layout: Layout;
  /** Most rows carry a number in the numbering column: an unnumbered row is a section, a note or a continuation. */
  numbered: boolean;
  lastNumbered: number;
  headerKey: string;
  /** The texts of each header row, by column (two for a two-row header), and all of them together. */
  headerTexts: Map<number, string>[];
  headerWords: Set<string>;
  /** The last question and its (last) row. */
  prev: Question | null;
  prevRow: number;
}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
const endsSentence = /[。．.？?！!」』）)]\s*$/;
const letter = /\p{L}/u;

export function questionRows(grid: Grid, merges: MergeIndex, layout: Layout): RowsResult {
  const w = walk(grid, merges, layout);
  const skipped = { sections: 0, examples: 0, deleted: 0, notes: 0, continued: 0, hidden: 0 };
  const questions: Question[] = [];
  const category = categoryReader(grid, merges, layout.category);
  let section: string | null = null;
  for (let r = layout.firstRow; r < grid.rowCount; r++) {
    if (layout.boxes?.has(r)) continue;
    category.at(r);
    const kind = rowKind(w, r);
    const text = grid.cell(r, layout.question).trim() || rowHeading(grid, r, layout.question) || '';
    if (kind === 'section') {
      skipped.sections++;
      if (text.length <= 60 && !noteMark.test(text)) {
        section = oneLine(text);
        category.reset();
      }
    } else if (kind === 'continued') {
      w.prev!.text += '\n' + text;
      skipped.continued++;
      w.prevRow = r;
    } else if (kind === 'question') {
      w.prev = question(w, r, category.at(r) ?? section);
      w.prevRow = r;
      questions.push(w.prev);
    } else if (kind !== 'skip') skipped[kind === 'example' ? 'examples' : kind === 'note' ? 'notes' : kind]++;
  }
  return { questions, skipped };
}

function walk(grid: Grid, merges: MergeIndex, layout: Layout): Walk {
  const { question: qc, number: nc } = layout;
  let withText = 0;
  let withNumber = 0;
  let lastNumbered = -1;
  for (let r = layout.firstRow; r < grid.rowCount; r++) {
    if (!grid.cell(r, qc).trim()) continue;
    withText++;
    if (nc !== null && grid.cell(r, nc).trim()) {
      withNumber++;
      lastNumbered = r;
    }
  }
  const headerTexts = [...new Set([layout.headerTop, layout.headerRow])].flatMap((h) => {
    if (h === null) return [];
    const texts = new Map<number, string>();
    for (let c = 0; c < grid.colCount; c++) {
      const t = grid.cell(h, c).trim();
      if (t) texts.set(c, t);
    }
    return [texts];
  });
  return {
    grid, merges, layout, lastNumbered, headerTexts,
    headerWords: new Set(headerTexts.flatMap((texts) => [...texts.values()])),
    numbered: nc !== null && withNumber >= 0.6 * withText,
    headerKey: layout.headerRow === null ? '' : compareKey(grid.cell(layout.headerRow, qc)),
    prev: null,
    prevRow: -2,
  };
}

/** What row r is, in the order the checks must run. */
function rowKind(w: Walk, r: number): Kind {
  const { grid, layout } = w;
  const qc = layout.question;
  const text = grid.cell(r, qc).trim();
  if (grid.hiddenRows.has(r)) return text ? 'hidden' : 'skip';
  // A row with one short text elsewhere (often merged across the table) is a section heading.
  if (!text) return rowHeading(grid, r, qc) !== null ? 'section' : 'skip';
  const num = layout.number !== null ? grid.cell(r, layout.number).trim() : '';
  const asks = questionLike.test(text);
  // Placeholders (－, ―, …) and repeated headers are not questions.
  if (!letter.test(text) || hasCompareKey(text, w.headerKey) || repeatsHeader(w, r) || headerAgain(w, r, text, asks)) return 'skip';
  if (examplePrefix.test(text) || exampleMark.test(num) || rowHasExampleMark(grid, r, qc)) return 'example';
  if (deletedMark.test(text) || grid.struck.has(`${r},${qc}`)) return 'deleted';
  if (!num && noteMark.test(text)) return 'note';
  const span = w.merges.at(r, qc);
  const swallowsAnswer = span !== undefined && layout.answer !== null && layout.answer > qc && span.e.c >= layout.answer;
  if (!num && (swallowsAnswer || (sectionLike.test(text) && isHeading(text, asks)))) return 'section';
  if (!num && continues(w, r, text, asks)) return 'continued';
  if (num && isHeading(text, asks) && (swallowsAnswer || numbersChildren(num, nextNumber(w, r)))) return 'section';
  if (headsSubItems(w, r, num || ownNumber(text), text)) return 'section';
  if (!num && w.numbered && isHeading(text, asks) && !subItemAt(w, r)) return 'section';
  // Below the last numbered item of a numbered table, past a blank row: a closing line, not a question.
  if (!num && w.numbered && r > w.lastNumbered && blankRow(grid, r - 1)) return 'note';
  return 'question';
}

/**
 * An unnumbered row right under a question that carries on its text: the answer cell is merged over both rows, the
 * row starts mid-sentence (a particle, a conjunction), or the text above stops mid-sentence — an open bracket; in a
 * numbered table also a closing particle, or a line that fills its column, as a legacy sheet's text wrapped by hand.
 */
function continues(w: Walk, r: number, text: string, asks: boolean): boolean {
  if (!w.prev || w.prevRow !== r - 1 || subItemMark.test(text)) return false;
  const { answer: ac, question: qc } = w.layout;
  if (ac !== null && w.merges.covering(r, ac)?.s.r === w.prevRow) return true;
  if (midSentence.test(text)) return !endsSentence.test(w.prev.text);
  if (asks) return false;
  const above = w.prev.text.split('\n').pop()!;
  if (endsSentence.test(above)) return false;
  const open = (above.match(/[(（「『【]/g)?.length ?? 0) > (above.match(/[)）」』】]/g)?.length ?? 0);
  if (!w.numbered) return open;
  const width = widthOf(w.grid, qc);
  const full = width !== null && displayWidth(above) >= 0.75 * width;
  return open || full || /[のとにをがはでへや、,]$/.test(above);
}

/** Words a wrapped line can start with but an item cannot: a particle, a conjunction. */
const midSentence = /^(?:[をにがはへとでのもや、，,]|から|まで|より|など|及び|並びに|又は|または|and\b|or\b|to\b|of\b|for\b|with\b|in\b|on\b|by\b|from\b|as\b|at\b|which\b|that\b|including\b)/;

/** The number an item's text starts with (1. …, Q1.2 …, No.3 …), or ''. */
const ownNumber = (text: string) => /^((?:Q|No\.?)?\s?\d{1,3}(?:[-.]\d{1,3}){0,3})[.)．）:：\s]/i.exec(text)?.[1] ?? '';

/** Width in Excel's character units: full-width characters take two. */
const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/**
 * A numbered item whose next rows are its sub-items ((a), ①, ア, or unnumbered under a numbered item) heads them
 * when it introduces them (「次の事項を記入すること。」, "Please describe:") or its own answer cell is greyed out
 * while theirs are not; a full question with sub-items (ending in ?) is a question too.
 */
function headsSubItems(w: Walk, r: number, num: string, text: string): boolean {
  const { grid, layout } = w;
  if (!num || subItemAt(w, r)) return false;
  const next = r + 1;
  if (!grid.cell(next, layout.question).trim() || !subItemAt(w, next)) return false;
  if (introducesList.test(text)) return true;
  const ac = layout.answer ?? layout.choice;
  const own = ac === null ? undefined : grid.look(r, ac);
  const theirs = ac === null ? undefined : grid.look(next, ac);
  if (theirs?.fill && own?.fill !== theirs.fill) return true;
  return !questionLike.test(text);
}

/**
 * Row r is a sub-item: its text starts with a sub-item's marker ((a), ①, ア), or a cell left of the text holds one
 * (in the numbering column, a main number such as 1 or (1) is no sub-item's unless the row above had one).
 */
function subItemAt(w: Walk, r: number): boolean {
  const { grid, layout } = w;
  if (subItemMark.test(grid.cell(r, layout.question).trim())) return true;
  for (let c = 0; c < layout.question; c++) {
    const v = grid.cell(r, c).trim();
    if (!v || !subItemMark.test(v)) continue;
    if (c !== layout.number || !numbering.test(v)) return true;
  }
  return false;
}

/** Words that introduce a list of sub-items. */
const introducesList = /[:：]\s*$|次の|以下の|下記の|following|below|as follows/i;

/** The question at row r with its answer, choice and mark cells. */
function question(w: Walk, r: number, section: string | null): Question {
  const { grid, layout } = w;
  const target = (c: number) => {
    const m = w.merges.covering(r, c);
    return m ? { r: m.s.r, c: m.s.c } : { r, c };
  };
  const raw = grid.cell(r, layout.question);
  const num = layout.number !== null ? grid.cell(r, layout.number).trim() : '';
  const own = num || ownNumber(raw.trim());
  const answerAt = layout.boxes?.get(r + 1) ?? (layout.answer === null ? null : target(layout.answer));
  const choiceAt = layout.choice === null ? null : target(layout.choice);
  return {
    sheet: grid.name,
    row: r + 1,
    text: raw.replace(/\r\n?/g, '\n').trim(),
    section,
    number: own && numbering.test(own.replace(/\s/g, '')) ? own : num || null,
    answerCell: answerAt ? cellAddress(answerAt.r, answerAt.c) : null,
    choiceCell: choiceAt ? cellAddress(choiceAt.r, choiceAt.c) : null,
    choices: choiceAt ? layout.choices : layout.marks ? layout.marks.map((m) => m.value) : null,
    marks: layout.marks
      ? {
          symbol: layout.markSymbol ?? '○',
          cells: layout.marks.map((m) => {
            const at = target(m.c);
            return { value: m.value, cell: cellAddress(at.r, at.c), existing: held(grid, at.r, at.c).trim() };
          }),
        }
      : null,
    existingAnswer: answerAt ? held(grid, answerAt.r, answerAt.c) : '',
    existingChoice: choiceAt ? held(grid, choiceAt.r, choiceAt.c) : '',
  };
}

/**
 * What the customer put in a cell: its text, or a formula whose value shows nothing (never calculated, or "")
 * as =formula. The writer never writes over a formula, so the row must say the cell is taken.
 */
function held(grid: Grid, r: number, c: number): string {
  const text = grid.cell(r, c);
  if (text.trim()) return text;
  const f = grid.formula(r, c);
  return f ? `=${f}` : text;
}

/** The category column's value for each row: a merged or repeated cell holds for the rows under it. */
function categoryReader(grid: Grid, merges: MergeIndex, c: number | null) {
  let raw = '';
  let line = '';
  let current: string | null = null;
  return {
    at(r: number): string | null {
      if (c === null) return null;
      const m = merges.covering(r, c);
      const v = (m ? grid.cell(m.s.r, m.s.c) : grid.cell(r, c)).trim();
      if (v) {
        // Tidy each value once: a category repeats down the column.
        if (v !== raw) [raw, line] = [v, oneLine(v)];
        current = line;
      }
      return current;
    },
    /** A section row starts: the category above no longer holds. */
    reset() {
      current = null;
    },
  };
}

/** A row with the header's own texts in two or more of its cells: the header repeated for a block. */
function repeatsHeader(w: Walk, r: number): boolean {
  // A repeated header shows one of the header's texts in the question column (確認事項, Field 3).
  if (!w.headerWords.has(w.grid.cell(r, w.layout.question).trim())) return false;
  return w.headerTexts.some((texts) => {
    let same = 0;
    for (const [c, t] of texts) if (w.grid.cell(r, c).trim() === t) same++;
    return texts.size >= 2 && same >= 2;
  });
}

/**
 * A second or repeated header row (Question | Answer under 確認事項 | 回答): header words across the row,
 * no number, and nothing that reads as a sentence, so a terse question with a short answer filled in stays.
 */
function headerAgain(w: Walk, r: number, text: string, asks: boolean): boolean {
  const { grid, layout } = w;
  if (asks || !namesQuestion(text)) return false;
  if (layout.number !== null && numbering.test(grid.cell(r, layout.number).trim())) return false;
  // Two header words besides the question's, one of them naming the answer (Answer | Remarks, No. | Answer).
  let named = 0;
  let words = 0;
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.cell(r, c).trim();
    if (c === layout.question || !t) continue;
    const roles = headerRoles(t);
    if (roles.size) words++;
    if (roles.has('number')) continue;
    if (t.length > 20 || endsSentence.test(t)) return false;
    if (roles.has('answer') || roles.has('choice') || roles.has('notes')) named++;
  }
  return named >= 1 && words >= 2;
}

/** The number of the next row below r that has question text (a struck-out row's does not count). */
function nextNumber(w: Walk, r: number): string {
  const { grid, layout } = w;
  if (layout.number === null) return '';
  for (let next = r + 1; next < Math.min(grid.rowCount, r + 6); next++) {
    const text = grid.cell(next, layout.question).trim();
    if (!text || deletedMark.test(text) || grid.struck.has(`${next},${layout.question}`)) continue;
    return grid.cell(next, layout.number).trim();
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

function blankRow(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.colCount; c++) if (grid.cell(r, c).trim()) return false;
  return true;
}

function rowHasExampleMark(grid: Grid, r: number, qc: number): boolean {
  for (let c = 0; c < qc; c++) if (exampleMark.test(grid.cell(r, c))) return true;
  return false;
}
