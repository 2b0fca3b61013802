// What identifies a questionnaire template, whoever filled it in: its sheet names and the header cells of the
// table (or, in a table without a header, its first questions). Two copies of a customer's template, sent in
// different years with other answers, share it; another customer's sheet does not.
import { createHash } from 'node:crypto';
import { columnIndex } from './address.js';
import type { Book, Grid } from './types.js';

export interface TemplatePlace {
  sheet: string;
  /** 1-based, or null for a table without a header. */
  headerRow: number | null;
  questionColumn: string;
}

const text = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * The header row's cells, left to right, and the first three questions under it: header words alone are shared by
 * many customers' sheets (No | 質問 | 回答 | 備考); a template's own questions are not.
 */
export function templateWords(grid: Grid, place: TemplatePlace): string[] {
  const header = place.headerRow === null ? [] : Array.from({ length: grid.colCount }, (_, c) => text(grid.cell(place.headerRow! - 1, c))).filter(Boolean);
  const c = columnIndex(place.questionColumn);
  const questions: string[] = [];
  for (let r = place.headerRow ?? 0; r < grid.rowCount && questions.length < 3; r++) if (text(grid.cell(r, c))) questions.push(text(grid.cell(r, c)));
  return [...header, ...questions];
}

/** The template's fingerprint, or null when the sheet is not in the book or shows nothing at that place. */
export function fingerprint(book: Book, place: TemplatePlace): string | null {
  const grid = book.sheets.find((g) => g.name === place.sheet);
  if (!grid) return null;
  const words = templateWords(grid, place);
  if (!words.length) return null;
  const names = book.sheets.map((g) => text(g.name)).sort();
  return createHash('sha256').update(JSON.stringify({ names, sheet: place.sheet, headerRow: place.headerRow, words })).digest('base64url');
}
