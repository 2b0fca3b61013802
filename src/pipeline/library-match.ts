// Finds an answer the vendor already wrote for the same or a near-identical question.
import { questionKey } from '../matching/key.js';

export interface LibraryHit {
  id: string;
  question: string;
  answer: string;
  choice: string | null;
}

/** Share of character bigrams two keys have in common (Dice); 1 for identical keys. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** Near-identical: the wording differs only in particles, punctuation or a word or two. */
export const NEAR_IDENTICAL = 0.85;

export function findInLibrary(question: string, entries: LibraryHit[]): LibraryHit | null {
  const key = questionKey(question);
  let best: LibraryHit | null = null;
  let bestScore = NEAR_IDENTICAL;
  for (const e of entries) {
    const s = similarity(key, questionKey(e.question));
    if (s >= bestScore) {
      best = e;
      bestScore = s;
    }
  }
  return best;
}
