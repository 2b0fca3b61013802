// Finds an answer the vendor already wrote for the same or a near-identical question.
import type { LibraryAnswer } from '../domain.js';
import { nearIndex } from '../matching/near.js';

export type LibraryHit = LibraryAnswer;

/** Near-identical: the wording differs only in particles, punctuation or a word or two. */
export const NEAR_IDENTICAL = 0.85;

export interface LibraryIndex {
  find(question: string): LibraryHit | null;
}

/** The library ready for the many questions of one upload; built anew each time it is asked for. */
export function libraryIndex(entries: readonly LibraryHit[]): LibraryIndex {
  const index = nearIndex(entries, (e) => e.question, NEAR_IDENTICAL);
  return { find: (question) => index.find(question)?.entry ?? null };
}
