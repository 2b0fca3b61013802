// Finds an answer the vendor already wrote for the same or a near-identical question.
import { memoByContent } from '../matching/memo.js';
import { nearIndex } from '../matching/near.js';

export interface LibraryHit {
  id: string;
  question: string;
  answer: string;
  choice: string | null;
}

/** Near-identical: the wording differs only in particles, punctuation or a word or two. */
export const NEAR_IDENTICAL = 0.85;

export interface LibraryIndex {
  find(question: string): LibraryHit | null;
}

/** The library ready for the many questions of one upload (and the next ones, while it is unchanged). */
export const libraryIndex = memoByContent((entries: readonly LibraryHit[]): LibraryIndex => {
  const index = nearIndex(entries, (e) => e.question, NEAR_IDENTICAL);
  return { find: (question) => index.find(question)?.entry ?? null };
});
