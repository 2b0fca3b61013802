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
  return libraryIndex(entries).find(question);
}

export interface LibraryIndex {
  find(question: string): LibraryHit | null;
}

/**
 * The library ready for many questions of one upload: each entry's key and bigram counts are worked out
 * once, and an entry whose length alone keeps it below NEAR_IDENTICAL is not compared at all.
 * Finds what findInLibrary would, entry for entry (the later of two equal scores wins).
 */
export function libraryIndex(entries: LibraryHit[]): LibraryIndex {
  const keyed = entries.map((entry) => {
    const key = questionKey(entry.question);
    return { entry, key, grams: bigrams(key) };
  });
  return {
    find(question) {
      if (keyed.length === 0) return null;
      const key = questionKey(question);
      const grams = bigrams(key);
      let best: LibraryHit | null = null;
      let bestScore = NEAR_IDENTICAL;
      for (const e of keyed) {
        let s: number;
        if (key === e.key) s = 1;
        else if (key.length < 2 || e.key.length < 2) s = 0;
        else {
          const pairs = key.length - 1 + e.key.length - 1;
          // Dice cannot exceed what the shorter key's bigrams allow.
          if ((2 * Math.min(key.length - 1, e.key.length - 1)) / pairs < bestScore) continue;
          s = (2 * shared(grams, e.grams)) / pairs;
        }
        if (s >= bestScore) {
          best = e.entry;
          bestScore = s;
        }
      }
      return best;
    },
  };
}

function bigrams(key: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < key.length - 1; i++) {
    const g = key.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Bigrams the two keys have in common, each counted as often as both have it. */
function shared(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [g, count] of small) n += Math.min(count, large.get(g) ?? 0);
  return n;
}
