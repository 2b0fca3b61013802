// The choice column (はい/いいえ, ○/×, 適合/不適合, 実施/未実施, a tick): a drop-down of short words, a header
// listing the choices, a status header (対応状況) or cells already filled with such values beside a free-text column;
// and columns to mark one of (はい | いいえ as two columns, each headed by its value), with the symbol to mark with.
import { columnLetter } from './address.js';
import { choiceValue, choiceWord, markValue } from './cells.js';
import { validationValues } from './columns.js';
import { quote, type HeaderCell } from './header.js';
import { rank } from './answer.js';
import type { ColumnOverrides } from './layout.js';
import type { Table } from './table.js';
import { choicesInHeader, compareKey } from './vocabulary.js';

/** Longest value still taken for a category word; drop-downs of sentences are not choices. */
const MAX_CHOICE_LENGTH = 16;

export interface Choice {
  c: number | null;
  values: string[] | null;
  why: string[];
}

/**
 * A drop-down's values read as categories to pick from, or as the one tick mark a check column takes (レ, ✓).
 * An unresolved list (null) is still a drop-down.
 */
export function shortChoices(values: string[] | null): boolean {
  if (values === null) return true;
  if (values.length === 1) return markValue.test(values[0]);
  return values.length >= 2 && values.length <= 12 && values.every((v) => compareKey(v).length <= MAX_CHOICE_LENGTH);
}

/** A drop-down of short category words under most of the column: the vendor picks, not writes. */
export function dropDown(t: Table, c: number): boolean {
  const s = t.stat(c);
  return s.validated > 0 && s.validated >= Math.min(3, s.filled + 1) && shortChoices(validationOf(t, c));
}

export const validationOf = (t: Table, c: number): string[] | null => validationValues(t.grid, t.from, c);

/**
 * The values of a column already filled with picked values (はい, ○, 実施済, Yes, N/A) or ticks in at least three
 * rows and two kinds — one kind for ticks, which are put or not — in the order first seen; null when any filled
 * cell says more than that.
 */
export function filledValues(t: Table, c: number): string[] | null {
  const seen: string[] = [];
  let filled = 0;
  let ticks = 0;
  for (const r of t.body) {
    const v = t.grid.cell(r, c).trim();
    if (!v) continue;
    if (markValue.test(v)) ticks++;
    else if (!choiceValue.test(compareKey(v)) && !choiceValue.test(v)) return null;
    filled++;
    if (!seen.includes(v)) seen.push(v);
  }
  if (filled < 3) return null;
  // Ticks in some rows are answers; the same box (□) in every row is a blank form's.
  return seen.length >= 2 || (ticks === filled && filled < t.body.length) ? seen : null;
}

/** The choice column by a drop-down or by the choices its header lists; what overrides say first. */
export function chooseChoice(t: Table, o: ColumnOverrides, taken: Set<number>): Choice {
  if (o.choice === null) return { c: null, values: null, why: ['no choice column, as given'] };
  if (o.choice !== undefined) {
    return { c: o.choice, values: validationOf(t, o.choice) ?? choicesInHeader(t.header(o.choice)?.text ?? ''), why: [`the choice column ${columnLetter(o.choice)} was given`] };
  }
  const usable = (h: HeaderCell) =>
    !taken.has(h.c) && !(t.question >= h.c && t.question <= h.end) && !t.grid.hiddenCols.has(h.c) && !t.listsOptions(h.c) && !h.roles.has('internal') && !h.roles.has('verdict');
  // 区分 alone names a category, unless the column is a drop-down; a given answer column stays free text.
  const canChoose = (h: HeaderCell) =>
    usable(h) && h.c !== o.answer && !h.roles.has('options') && !h.roles.has('number') && !h.roles.has('other') && (!h.roles.has('category') || dropDown(t, h.c));
  // Headers that name an answer or a choice first: a 重要度 drop-down left of them is the customer's.
  const named = (h: HeaderCell) => h.roles.has('answer') || h.roles.has('choice');
  const candidates = t.cells.filter(canChoose);
  for (const h of [...candidates.filter(named), ...candidates.filter((h) => !named(h))]) {
    if (dropDown(t, h.c)) {
      const values = validationOf(t, h.c);
      return { c: h.c, values, why: [`${quote(h)} is a drop-down list (${values?.join('/') ?? ''})`] };
    }
    const listed = choicesInHeader(h.text);
    if (listed) return { c: h.c, values: listed, why: [`${quote(h)} lists the choices ${listed.join('/')}`] };
  }
  // A drop-down in a column without a header of its own (under a merged 回答 header, say).
  for (let c = 0; c < t.width; c++) {
    const h = t.header(c);
    if (taken.has(c) || c === o.answer || t.grid.hiddenCols.has(c) || t.listsOptions(c) || (h && !canChoose(h))) continue;
    if (t.stat(c).validated >= 3 && dropDown(t, c)) {
      const values = validationOf(t, c);
      return { c, values, why: [`column ${columnLetter(c)} is a drop-down list (${values?.join('/') ?? ''})`] };
    }
  }
  return { c: null, values: null, why: [] };
}

/**
 * Two or more adjacent columns each headed by one value (はい | いいえ | 該当なし, Yes | No | N/A, 実施済 | 一部実施 |
 * 未実施, 対応している | 対応していない) and holding nothing but marks (□ to be turned into ■, say): the vendor
 * marks the one that answers.
 */
export function markColumns(t: Table): { value: string; c: number }[] | null {
  // A value may carry a hint in brackets: はい（○を記入）.
  const value = (h: HeaderCell) => h.own.replace(/[(（][^)）]*[)）]/g, '').trim();
  const tick = (h: HeaderCell) =>
    h.c === h.end && h.c !== t.question && (choiceWord.test(compareKey(value(h))) || choiceValue.test(value(h))) && onlyMarks(t, h.c);
  let run: HeaderCell[] = [];
  for (const h of t.cells) {
    if (tick(h) && (run.length === 0 || run[run.length - 1].c === h.c - 1)) run.push(h);
    else if (run.length >= 2) break;
    else run = tick(h) ? [h] : [];
  }
  return run.length >= 2 ? run.map((h) => ({ value: value(h), c: h.c })) : null;
}

/**
 * The symbol to mark with: a box pre-printed in the mark cells is filled in (□ → ■); else the mark the customer
 * already made in these columns (their sheet reads the same all down), else the one the instructions above the
 * table quote (「○」を記入, mark an "X"); else ○ on a Japanese sheet, what its check sheets are marked with, and X on
 * an English one, the mark English forms ask for ("place an X") and plain ASCII that every font shows (✓ is not in
 * every font, and × reads as "no" to a Japanese reader).
 */
export function markSymbol(t: Table, columns: number[]): string {
  const boxes: Record<string, string> = { '□': '■', '☐': '☑' };
  const made = new Map<string, number>();
  for (const r of t.body) {
    for (const c of columns) {
      const v = t.grid.cell(r, c).trim();
      if (boxes[v]) return boxes[v];
      if (markValue.test(v)) made.set(v, (made.get(v) ?? 0) + 1);
    }
  }
  if (made.size) return [...made].sort((a, b) => b[1] - a[1])[0][0];
  for (let r = 0; r < Math.min(t.from, 100); r++) {
    for (let c = 0; c < t.grid.colCount; c++) {
      const quoted = /[「『"“'‘]\s*([○◯●■✓✔☑レｘxX×✕])\s*[」』"”'’]/.exec(t.grid.cell(r, c));
      if (quoted) return quoted[1];
    }
  }
  return japanese(t) ? '○' : 'X';
}

/** Most of the table's questions are written in Japanese. */
function japanese(t: Table): boolean {
  const written = t.body.filter((r) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(t.grid.cell(r, t.question))).length;
  return written >= 0.2 * t.body.length;
}

function onlyMarks(t: Table, c: number): boolean {
  const s = t.stat(c);
  return s.filled === s.marks + s.picked;
}

/**
 * A column already filled with はい/いいえ (or ticks) or headed as a status (対応状況) is the choice when a free-text
 * column sits beside it; an assessment drop-down (評価) is the vendor's pick when the free text follows it, as
 * customers put their own verdict columns last.
 */
export function statusChoice(t: Table, taken: Set<number>, freeBeside: (c: number) => { c: number } | null): Choice {
  const none: Choice = { c: null, values: null, why: [] };
  const headerless = t.cells.every((h) => h.roles.size === 0);
  for (let c = 0; c < t.width; c++) {
    const h = t.header(c);
    if (taken.has(c) || t.grid.hiddenCols.has(c) || t.listsOptions(c) || (h && h.c !== c)) continue;
    const verdict = !!h?.roles.has('verdict') && dropDown(t, c);
    if (h && !verdict && ['internal', 'verdict', 'options', 'number', 'other', 'question'].some((r) => h.roles.has(r as never))) continue;
    // Values count under a header that names an answer, or right of the question when no header word says
    // anything: a 必須 column of ○/× left of the question is the customer's.
    const named = !!h && (h.roles.has('answer') || h.roles.has('choice'));
    const filled = named || (headerless && c > t.question) ? filledValues(t, c) : null;
    if (!filled && !verdict && !h?.roles.has('choice')) continue;
    const other = freeBeside(c);
    // A status header that also names an answer (回答（はい／いいえ）) is the free text unless a better-named one follows.
    if (!other || (!filled && rank(h) > 0 && rank(t.header(other.c)) <= rank(h)) || (verdict && other.c < c)) continue;
    return {
      c,
      values: t.stat(c).validated ? validationOf(t, c) : (h && choicesInHeader(h.text)) ?? filled,
      why: [verdict ? `${quote(h!)} is a drop-down left of the free text` : filled ? `${h ? quote(h) : `column ${columnLetter(c)}`} is already filled with ${filled.join('/')}` : `${quote(h!)} is a status column`],
    };
  }
  return none;
}
