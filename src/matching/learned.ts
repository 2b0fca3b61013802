// Reviewers' earlier decisions: a question text a reviewer confirmed or corrected is an alias of the
// chosen item(s), or of "no item answers this". The same or a near-identical question is then decided alike.

import { normalize, splitQuestion } from './normalize.js';
import { grams } from './segment.js';

export interface LearnedAlias {
  text: string;
  /** [] = a reviewer decided no item answers this. */
  itemNos: number[];
}

export interface LearnedHit {
  alias: LearnedAlias;
  /** 1 for the same normalised text, else the bigram Dice similarity. */
  similarity: number;
}

export interface LearnedIndex {
  find(text: string): LearnedHit | null;
  size: number;
}

/** The comparable form of a question: normalised, without ※ notes and 例 hints (which vary by customer). */
export const learnedKey = (text: string): string => normalize(splitQuestion(text).main) || normalize(text);

/** Near-identical: differs by a word or a particle, not by topic. */
export const nearIdentical = 0.9;

export function learnedIndex(aliases: LearnedAlias[]): LearnedIndex {
  const exact = new Map<string, LearnedAlias>();
  const fuzzy: { alias: LearnedAlias; grams: Set<string>; length: number }[] = [];
  // A later decision on the same text overrides an earlier one.
  for (const alias of aliases) {
    const key = learnedKey(alias.text);
    if (!key) continue;
    exact.set(key, alias);
  }
  for (const [key, alias] of exact) fuzzy.push({ alias, grams: new Set(grams(key)), length: key.length });
  // Bigram → the aliases that have it, so a question is compared only with aliases it shares a bigram with
  // (no shared bigram, Dice 0): one pass over its own bigrams instead of one over every alias.
  const postings = new Map<string, number[]>();
  fuzzy.forEach((f, i) => {
    for (const g of f.grams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const common = new Uint32Array(fuzzy.length);
  return {
    size: exact.size,
    find(text) {
      const key = learnedKey(text);
      const same = exact.get(key);
      if (same) return { alias: same, similarity: 1 };
      const mine = new Set(grams(key));
      const touched: number[] = [];
      for (const g of mine) {
        for (const i of postings.get(g) ?? []) if (common[i]++ === 0) touched.push(i);
      }
      // In the aliases' own order, so of two equally near aliases the earlier still wins.
      touched.sort((a, b) => a - b);
      let best: LearnedHit | null = null;
      for (const i of touched) {
        const f = fuzzy[i];
        const shared = common[i];
        common[i] = 0;
        // Dice ≥ 0.9 is impossible when lengths differ by more than ~20%.
        if (Math.abs(f.length - key.length) > 0.25 * Math.max(f.length, key.length)) continue;
        const dice = (2 * shared) / (mine.size + f.grams.size || 1);
        if (dice >= nearIdentical && (!best || dice > best.similarity)) best = { alias: f.alias, similarity: dice };
      }
      return best;
    },
  };
}
