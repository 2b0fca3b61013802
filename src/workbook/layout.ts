// Finds a sheet's table: the header row, and which column holds the question, the free-text answer,
// the choice (はい/いいえ) and the numbering and category. Header wording decides first; the cells
// under the header (how long, how full, whether they read as questions) confirm or break ties.
import { columnLetter } from './address.js';
import { filledChoices, shortChoices } from './choice.js';
import type { MergeIndex } from './merges.js';
import type { Grid } from './types.js';
import { choicesInHeader, choiceWord, headerRoles, MAX_HEADER_LENGTH, compareKey, questionLike, type Role } from './vocabulary.js';

export interface Layout {
  /** 0-based header row, or null when the table has none. */
  headerRow: number | null;
  /** First row of the table's body (the row under the header, or the first question-like row). */
  firstRow: number;
  question: number;
  answer: number | null;
  choice: number | null;
  number: number | null;
  category: number | null;
  choices: string[] | null;
  /**
   * When the answer box is the cell under each question rather than a column beside it: by the box's row, the cell
   * answers go in (the top-left of a merged box). null otherwise.
   */
  boxes: Map<number, { r: number; c: number }> | null;
  /** Sentences for SheetDetection.reason. */
  why: string[];
}

export interface HeaderCell {
  c: number;
  /** Last column the header cell spans when merged. */
  end: number;
  text: string;
  roles: Set<Role>;
}

export interface ColumnOverrides {
  headerRow?: number;
  question?: number;
  answer?: number;
  /** null: the sheet has no choice column. */
  choice?: number | null;
}

/** Rows searched for a header; title and instruction blocks are rarely longer. */
const HEADER_SEARCH_ROWS = 100;
/** Rows under the header sampled to judge columns. */
const SAMPLE_ROWS = 500;
/** Rows searched for question-like text when no header names the columns. */
const TEXT_SEARCH_ROWS = 2000;

export function headerCells(grid: Grid, merges: MergeIndex, r: number): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const text = grid.cell(r, c).trim();
    if (!text || grid.hiddenCols.has(c)) continue;
    out.push({ c, end: merges.at(r, c)?.e.c ?? c, text, roles: headerRoles(text) });
  }
  return out;
}

interface Candidate {
  row: number;
  cells: HeaderCell[];
  score: number;
}

/** Header rows by wording, best first. */
export function headerCandidates(grid: Grid, merges: MergeIndex): Candidate[] {
  const out: Candidate[] = [];
  const last = Math.min(grid.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (grid.hiddenRows.has(r)) continue;
    const cells = headerCells(grid, merges, r);
    if (cells.length < 2) continue;
    const has = (role: Role) => cells.some((h) => h.roles.has(role));
    const answerish = has('answer') || has('choice') || has('notes');
    if (!(has('question') && answerish) && !(has('answer') && cells.length >= 3)) continue;
    // Long cells in the row mean it is data or prose, not a header.
    if (cells.some((h) => compareKey(h.text).length > MAX_HEADER_LENGTH * 2)) continue;
    const score =
      (has('question') ? 3 : 0) + (has('answer') ? 3 : has('choice') ? 2 : 1) + (has('number') ? 1 : 0) + (has('category') ? 1 : 0) + (has('notes') ? 1 : 0);
    out.push({ row: r, cells, score });
  }
  return out.sort((a, b) => b.score - a.score || a.row - b.row);
}

export interface ColumnStats {
  filled: number;
  length: number;
  questionLike: number;
  /** Cells that list possible answers, one per line (○ Yes\n○ No). */
  optionLists: number;
  /** Rows whose cell is covered by a list validation. */
  validated: number;
}

export function columnStats(grid: Grid, from: number, c: number, rows = SAMPLE_ROWS): ColumnStats {
  const s: ColumnStats = { filled: 0, length: 0, questionLike: 0, optionLists: 0, validated: 0 };
  const to = Math.min(grid.rowCount, from + rows);
  for (let r = from; r < to; r++) {
    const t = grid.cell(r, c);
    if (t) {
      s.filled++;
      s.length += t.length;
      if (questionLike.test(t)) s.questionLike++;
      if (optionList.test(t)) s.optionLists++;
    }
  }
  for (const v of grid.validations) {
    if (c < v.range.s.c || c > v.range.e.c) continue;
    s.validated = Math.max(s.validated, Math.min(to - 1, v.range.e.r) - Math.max(from, v.range.s.r) + 1);
  }
  return s;
}

/** Two or more lines, each after a radio button or tick box (○ Yes\n○ No): the answers a row allows, not an answer. */
const optionList = /^\s*[○◯❍☐□◻][^\n]*(?:\n\s*[○◯❍☐□◻][^\n]*)+\s*$/;

/** The list validation covering most of a column below the header. */
export function validationValues(grid: Grid, from: number, c: number): string[] | null {
  let best: { rows: number; values: string[] } | null = null;
  for (const v of grid.validations) {
    if (c < v.range.s.c || c > v.range.e.c || v.values.length === 0) continue;
    const rows = v.range.e.r - Math.max(from, v.range.s.r) + 1;
    if (rows > 0 && (!best || rows > best.rows)) best = { rows, values: v.values };
  }
  return best?.values ?? null;
}

const quote = (h: HeaderCell) => `「${h.text.replace(/\s*\n\s*/g, ' ')}」 (${columnLetter(h.c)})`;

/** The layout a header row implies, or null when it does not name a question column with text under it. */
export function layoutFromHeader(grid: Grid, merges: MergeIndex, row: number, headerRowCells: HeaderCell[], o: ColumnOverrides = {}): Layout | null {
  const sub = subHeader(grid, merges, row, headerRowCells);
  const cells = sub ?? headerRowCells;
  const from = sub ? row + 2 : row + 1;
  const stats = new Map<number, ColumnStats>();
  const stat = (c: number) => stats.get(c) ?? stats.set(c, columnStats(grid, from, c)).get(c)!;
  const why: string[] = [];
  const byColumn = (c: number) => cells.find((h) => c >= h.c && c <= h.end);

  // Question: the header that says so with the most text under it; in a merged header, the spanned
  // column that actually holds the text.
  let question = o.question ?? -1;
  if (question < 0) {
    let best = 0;
    const named = cells.filter((h) => h.roles.has('question'));
    const pool = named.length ? named : cells.filter((h) => !h.roles.has('answer') && !h.roles.has('choice') && !h.roles.has('number'));
    for (const h of pool) {
      for (let c = h.c; c <= h.end; c++) {
        if (grid.hiddenCols.has(c)) continue;
        const s = stat(c);
        const score = s.length + 20 * s.questionLike;
        if (s.filled > 0 && score > best) {
          best = score;
          question = c;
        }
      }
    }
    if (question < 0) return null;
    const h = byColumn(question)!;
    why.push(
      h.roles.has('question')
        ? `${quote(h)} names the question column`
        : `column ${columnLetter(question)} under ${quote(h)} holds the longest text`,
    );
  } else {
    why.push(`the question column ${columnLetter(question)} was given`);
  }

  // A column whose cells list the possible answers (○ Yes\n○ No) describes them; it holds none.
  const listsOptions = (c: number) => stat(c).optionLists >= 2 && stat(c).optionLists >= 0.5 * stat(c).filled;
  const open = (h: HeaderCell) => h.c !== question && !(question >= h.c && question <= h.end) && !grid.hiddenCols.has(h.c) && !listsOptions(h.c);
  const usable = (h: HeaderCell) => open(h) && !h.roles.has('internal') && !h.roles.has('verdict');
  // A drop-down of short category words under most of the column: the reviewer picks, not writes.
  const dropDown = (c: number) => {
    const s = stat(c);
    return s.validated > 0 && s.validated >= Math.min(3, s.filled + 1) && shortChoices(validationValues(grid, from, c));
  };
  // 区分 alone names a category, unless the column is a drop-down; a given answer column stays free text.
  const canChoose = (h: HeaderCell) =>
    usable(h) && h.c !== o.answer && !h.roles.has('options') && !h.roles.has('number') && (!h.roles.has('category') || dropDown(h.c));

  // Choice: a drop-down under the header, or a header that lists the choices.
  let choice = o.choice ?? null;
  let choices: string[] | null = null;
  if (o.choice === undefined) {
    // Headers that name an answer or a choice first: a 重要度 drop-down left of them is the customer's.
    const named = (h: HeaderCell) => h.roles.has('answer') || h.roles.has('choice');
    const candidates = cells.filter(canChoose);
    for (const h of [...candidates.filter(named), ...candidates.filter((h) => !named(h))]) {
      const listed = choicesInHeader(h.text);
      if (dropDown(h.c)) {
        choice = h.c;
        choices = validationValues(grid, from, h.c);
        why.push(`${quote(h)} is a drop-down list (${choices?.join('/') ?? ''})`);
        break;
      }
      if (listed) {
        choice = h.c;
        choices = listed;
        why.push(`${quote(h)} lists the choices ${listed.join('/')}`);
        break;
      }
    }
    // A drop-down in a column without a header of its own (under a merged 回答 header, say).
    for (let c = 0; choice === null && c < grid.colCount; c++) {
      const h = byColumn(c);
      if (c === question || c === o.answer || grid.hiddenCols.has(c) || listsOptions(c) || (h && !canChoose(h))) continue;
      if (stat(c).validated >= 3 && dropDown(c)) {
        choice = c;
        choices = validationValues(grid, from, c);
        why.push(`column ${columnLetter(c)} is a drop-down list (${choices?.join('/') ?? ''})`);
      }
    }
  } else if (choice !== null) {
    choices = validationValues(grid, from, choice) ?? choicesInHeader(byColumn(choice)?.text ?? '');
    why.push(`the choice column ${columnLetter(choice)} was given`);
  } else {
    why.push('no choice column, as given');
  }

  // Free-text answer: an answer header that is not the choice column; failing that, the notes
  // column beside a choice column (備考, Comments).
  const rank = (h: HeaderCell) =>
    h.roles.has('answer') && !h.roles.has('notes') && !h.roles.has('choice') ? 4 : h.roles.has('answer') && !h.roles.has('choice') ? 3 : h.roles.has('answer') ? 2 : h.roles.has('notes') ? 1 : 0;
  const freeText = (chosen: number | null): HeaderCell | null => {
    const pool = cells.filter((h) => usable(h) && h.c !== chosen && !h.roles.has('options'));
    let best: HeaderCell | null = null;
    for (const h of pool) {
      const k = rank(h);
      if (k === 0) continue;
      if (k === 1 && chosen === null && pool.some((p) => rank(p) > 1)) continue;
      if (!best || k > rank(best) || (k === rank(best) && Math.abs(h.c - question) < Math.abs(best.c - question))) best = h;
    }
    return best;
  };
  let answer = o.answer ?? null;
  if (answer === null) {
    // Without a drop-down or listed choices: a status header (対応状況, 回答区分) or a column already
    // filled with はい/いいえ is the choice when a better free-text column sits beside it; an assessment
    // drop-down (評価) is the vendor's pick when the free text follows it, as customers put their own
    // verdict columns last.
    if (o.choice === undefined && choice === null) {
      for (const h of cells.filter((h) => canChoose(h) || (h.roles.has('verdict') && open(h) && dropDown(h.c)))) {
        // Values count only under a header that names an answer: a 必須 column of ○/× is the customer's.
        const filled = h.roles.has('answer') || h.roles.has('choice') ? filledChoices(grid, from, h.c) : null;
        const verdict = h.roles.has('verdict');
        if (!filled && !verdict && !h.roles.has('choice')) continue;
        const other = freeText(h.c);
        if (!other || (!filled && rank(other) <= rank(h)) || (verdict && other.c < h.c)) continue;
        choice = h.c;
        choices = validationValues(grid, from, h.c) ?? choicesInHeader(h.text) ?? filled;
        why.push(
          verdict ? `${quote(h)} is a drop-down left of the free text` : filled ? `${quote(h)} is already filled with ${filled.join('/')}` : `${quote(h)} is a status column`,
        );
        break;
      }
    }
    const best = freeText(choice);
    if (best) {
      answer = best.c;
      why.push(`${quote(best)} is the free-text answer column`);
    } else if (choice !== null && (byColumn(choice)?.end ?? choice) > choice) {
      answer = choice + 1;
      why.push(`column ${columnLetter(answer)}, beside the drop-down under the same header, is the free-text answer column`);
    } else if (choice !== null) {
      why.push('there is no free-text column: only the choice is written');
    } else {
      const merged = merges.at(row, question);
      const next = (merged?.e.c ?? question) + 1;
      const h = byColumn(next);
      if (h && usable(h) && !h.roles.has('number') && !h.roles.has('category')) {
        answer = next;
        why.push(`${quote(h)}, right of the question, is taken as the answer column`);
      }
    }
  } else if (answer === choice) {
    // A long answer must not land in a drop-down cell: the given column takes the choice only.
    answer = null;
    why.push(`the answer column ${columnLetter(choice)} was given, and it is the choice column: only the choice is written`);
  } else {
    why.push(`the answer column ${columnLetter(answer)} was given`);
  }

  const numberCell = cells.find((h) => h.roles.has('number') && h.c !== question && h.c !== answer && h.c !== choice);
  const categoryCell = cells.find((h) => h.roles.has('category') && h.c !== question && h.c !== answer && h.c !== choice);
  if (sub) why.push(`row ${row + 2} splits the header into ${sub.filter((h) => !headerRowCells.includes(h)).map(quote).join(', ')}`);
  return {
    headerRow: row,
    firstRow: from,
    question,
    answer,
    choice,
    number: numberCell?.c ?? null,
    category: categoryCell?.c ?? null,
    choices,
    boxes: null,
    why,
  };
}

/**
 * A second header row under merged header cells (回答 over はい/いいえ | 補足), as header cells that
 * carry both rows' wording; null when the next row is not such a sub-header.
 */
function subHeader(grid: Grid, merges: MergeIndex, row: number, cells: HeaderCell[]): HeaderCell[] | null {
  if (row + 1 >= grid.rowCount) return null;
  const subs = headerCells(grid, merges, row + 1);
  if (!subs.length) return null;
  const parents = subs.map((s) => cells.find((h) => h.end > h.c && s.c >= h.c && s.c <= h.end));
  if (parents.some((p) => !p) || subs.some((s) => compareKey(s.text).length > MAX_HEADER_LENGTH || questionLike.test(s.text))) return null;
  const split = new Set(parents);
  const out = cells.filter((h) => !split.has(h));
  subs.forEach((s, i) => {
    const parent = parents[i]!;
    // Yes | No | N/A tick columns take a mark each; none of them is the answer or the choice cell.
    const tick = subs.filter((x, j) => parents[j] === parent).every((x) => choiceWord.test(compareKey(x.text)));
    const roles = tick ? new Set<Role>(['options']) : new Set([...parent.roles, ...s.roles]);
    out.push({ c: s.c, end: s.end, text: `${parent.text} ${s.text}`, roles });
  });
  return out.sort((a, b) => a.c - b.c);
}

/**
 * A layout without a usable header: the column with the most question-like text, the header (if any)
 * being the short row just above the first such cell.
 */
export function layoutFromText(grid: Grid, merges: MergeIndex): Layout | null {
  let question = -1;
  let best = 2; // at least three question-like cells
  for (let c = 0; c < grid.colCount; c++) {
    if (grid.hiddenCols.has(c)) continue;
    const s = columnStats(grid, 0, c, TEXT_SEARCH_ROWS);
    if (s.questionLike > best) {
      best = s.questionLike;
      question = c;
    }
  }
  if (question < 0) return null;
  let first = 0;
  while (first < grid.rowCount && !questionLike.test(grid.cell(first, question))) first++;
  const above = first - 1;
  if (above >= 0) {
    const cells = headerCells(grid, merges, above);
    if (cells.length >= 2 && cells.every((h) => h.text.length <= MAX_HEADER_LENGTH)) {
      const layout = layoutFromHeader(grid, merges, above, cells, { question });
      if (layout) return { ...layout, why: [`column ${columnLetter(question)} holds ${best} question-like cells, under the header row ${above + 1}`, ...layout.why.slice(1)] };
    }
  }
  return {
    headerRow: null,
    firstRow: first,
    question,
    answer: null,
    choice: null,
    number: null,
    category: null,
    choices: null,
    boxes: null,
    why: [`no header row names the columns; column ${columnLetter(question)} holds ${best} question-like cells`],
  };
}
