// What makes a column the choice column (はい/いいえ, ○/×, 適合/不適合) rather than free text: a
// drop-down of short category words, or cells the customer already filled with such words.
import type { Grid } from './types.js';
import { choiceWord, compareKey } from './vocabulary.js';

/** Longest value still taken for a category word; drop-downs of sentences are not choices. */
const MAX_CHOICE_LENGTH = 16;

/** A drop-down's values read as categories to pick from. An unresolved list (null) is still a drop-down. */
export function shortChoices(values: string[] | null): boolean {
  if (values === null) return true;
  return values.length >= 2 && values.length <= 12 && values.every((v) => compareKey(v).length <= MAX_CHOICE_LENGTH);
}

/**
 * The values of a column already filled with yes/no words (はい, ○, Yes, N/A) in at least three rows
 * and two kinds, in the order first seen; null when any filled cell says more than that.
 */
export function filledChoices(grid: Grid, from: number, c: number, rows = 500): string[] | null {
  const seen: string[] = [];
  let filled = 0;
  for (let r = from; r < Math.min(grid.rowCount, from + rows); r++) {
    const t = grid.cell(r, c).trim();
    if (!t) continue;
    if (!choiceWord.test(compareKey(t))) return null;
    filled++;
    if (!seen.includes(t)) seen.push(t);
  }
  return filled >= 3 && seen.length >= 2 ? seen : null;
}
