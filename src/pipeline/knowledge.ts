// What matching needs, and the one cache built from it. A Knowledge value carries the revision of the items,
// reviewers' decisions and library it holds (raised by the database on every change, migrations/007); the
// matcher compiled from it costs more than matching a 1,000-question upload, so each thread keeps the one
// for the latest revision it saw and drops it when a newer revision arrives.
import type { Item, LearnedAlias, LibraryAnswer } from '../domain.js';
import { createMatcher, type Matcher, type Thresholds } from '../matching/matcher.js';
import { nearIndex } from '../matching/near.js';

export interface Knowledge {
  /** Identifies items, learned and library: equal revisions hold equal lists. */
  revision: number;
  items: Item[];
  learned: LearnedAlias[];
  library: LibraryAnswer[];
  /** Overrides of the calibrated thresholds (QMAP_AUTO_THRESHOLD, QMAP_REVIEW_THRESHOLD). */
  thresholds?: Thresholds;
}

/** Near-identical: the wording differs only in particles, punctuation or a word or two. */
export const LIBRARY_NEAR = 0.85;

export interface Compiled {
  matcher: Matcher;
  /** An answer the vendor already wrote for the same or a near-identical question. */
  libraryAnswer(question: string): LibraryAnswer | null;
}

let kept: { key: string; compiled: Compiled } | null = null;

/** The matcher and library index for this knowledge: built once per revision (and thresholds) in this thread. */
export function compiled(knowledge: Knowledge): Compiled {
  const key = `${knowledge.revision}:${JSON.stringify(knowledge.thresholds ?? null)}`;
  if (kept?.key !== key) kept = { key, compiled: compile(knowledge) };
  return kept.compiled;
}

function compile({ items, learned, library, thresholds }: Knowledge): Compiled {
  const index = nearIndex(library, (e) => e.question, LIBRARY_NEAR);
  return {
    matcher: createMatcher({ items, learned, thresholds }),
    libraryAnswer: (question) => index.find(question)?.entry ?? null,
  };
}
