// A table's header as words: the cells of a header row with the roles their wording suggests, the rows whose
// words make them a likely header, and a second header row under merged cells (回答 over はい | いいえ).
import { columnLetter } from './address.js';
import { deletedMark, examplePrefix, numbering, questionLike } from './cells.js';
import type { MergeIndex } from './merges.js';
import type { Grid } from './types.js';
import { compareKey, dateHeader, headerRoles, MAX_HEADER_LENGTH, vendorSideHeader, type Role } from './vocabulary.js';

export interface HeaderCell {
  c: number;
  /** Last column the header cell spans when merged. */
  end: number;
  /** The cell's text; for a cell of a second header row, the merged cell's above it first. */
  text: string;
  /** The cell's own text. */
  own: string;
  roles: Set<Role>;
}

/** Rows searched for a header; title and instruction blocks are rarely longer. */
export const HEADER_SEARCH_ROWS = 100;

export function headerCells(grid: Grid, merges: MergeIndex, r: number): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const text = grid.cell(r, c).trim();
    if (!text || grid.hiddenCols.has(c)) continue;
    out.push({ c, end: merges.at(r, c)?.e.c ?? c, text, own: text, roles: headerRoles(text) });
  }
  return out;
}

export interface HeaderCandidate {
  row: number;
  cells: HeaderCell[];
  score: number;
}

/** Header rows by wording, best first. */
export function headerCandidates(grid: Grid, merges: MergeIndex): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  const last = Math.min(grid.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (grid.hiddenRows.has(r)) continue;
    const cells = headerCells(grid, merges, r);
    if (cells.length < 2) continue;
    const has = (role: Role) => cells.some((h) => h.roles.has(role));
    const answerish = has('answer') || has('choice') || has('notes');
    if (!(has('question') && answerish) && !(has('answer') && cells.length >= 3)) continue;
    // Long cells, an item's number or a struck-out item's mark mean the row is data or prose, not a header.
    if (cells.some((h) => compareKey(h.text).length > MAX_HEADER_LENGTH * 2 || numbering.test(h.text) || deletedMark.test(h.text) || examplePrefix.test(h.text))) continue;
    const score =
      (has('question') ? 3 : 0) + (has('answer') ? 3 : has('choice') ? 2 : 1) + (has('number') ? 1 : 0) + (has('category') ? 1 : 0) + (has('notes') ? 1 : 0);
    out.push({ row: r, cells, score });
  }
  return out.sort((a, b) => b.score - a.score || a.row - b.row);
}

/**
 * A second header row under merged header cells (回答 over はい/いいえ | 補足), as header cells that
 * carry both rows' wording; null when the next row is not such a sub-header.
 */
export function subHeader(grid: Grid, merges: MergeIndex, row: number, cells: HeaderCell[]): HeaderCell[] | null {
  if (row + 1 >= grid.rowCount) return null;
  const subs = headerCells(grid, merges, row + 1);
  if (!subs.length) return null;
  const parents = subs.map((s) => cells.find((h) => h.end > h.c && s.c >= h.c && s.c <= h.end));
  if (parents.some((p) => !p) || subs.some((s) => compareKey(s.text).length > MAX_HEADER_LENGTH || questionLike.test(s.text))) return null;
  const split = new Set(parents);
  const out = cells.filter((h) => !split.has(h));
  subs.forEach((s, i) => {
    const parent = parents[i]!;
    out.push({ c: s.c, end: s.end, text: `${parent.text} ${s.text}`, own: s.text, roles: subRoles(parent, s) });
  });
  return out.sort((a, b) => a.c - b.c);
}

/**
 * A sub-header cell's roles: its own and its parent's (回答 over はい | 補足). Under a parent that gives the
 * columns to the vendor (委託先記入欄) an assessment (評価) is the vendor's to pick, not the customer's verdict; a
 * date (対応予定日) is never where the answer goes.
 */
function subRoles(parent: HeaderCell, sub: HeaderCell): Set<Role> {
  const roles = new Set([...parent.roles, ...sub.roles]);
  if (vendorSideHeader(parent.text)) {
    roles.delete('verdict');
    roles.delete('internal');
  }
  if (dateHeader(sub.text)) {
    roles.delete('answer');
    roles.add('other');
  }
  return roles;
}

/** 「text」 (C), for reasons. */
export const quote = (h: HeaderCell): string => `「${h.text.replace(/\s*\n\s*/g, ' ')}」 (${columnLetter(h.c)})`;
