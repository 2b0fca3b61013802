// Reviewers' earlier decisions: a question text a reviewer confirmed or corrected is an alias of the
// chosen item(s), or of "no item answers this". The same or a near-identical question is then decided alike.

import type { LearnedAlias } from '../domain.js';
import { nearIndex, type NearHit } from './near.js';

export interface LearnedHit {
  alias: LearnedAlias;
  /** 1 for the same normalised text, else the bigram Dice similarity. */
  similarity: number;
}

export interface LearnedIndex {
  find(text: string): LearnedHit | null;
  /** As find, for a question whose questionKey the caller already has. */
  findKey(key: string): LearnedHit | null;
  size: number;
}

/** Near-identical: differs by a word or a particle, not by topic. */
export const nearIdentical = 0.9;

/** The decisions ready to be looked up; a later decision on the same question overrides an earlier one. */
export function learnedIndex(aliases: readonly LearnedAlias[]): LearnedIndex {
  const index = nearIndex(aliases, (a) => a.text, nearIdentical);
  const of = (hit: NearHit<LearnedAlias> | null) => hit && { alias: hit.entry, similarity: hit.similarity };
  return {
    size: index.size,
    find: (text) => of(index.find(text)),
    findKey: (key) => of(index.findKey(key)),
  };
}
