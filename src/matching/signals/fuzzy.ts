// Typo-tolerant term signal (fuse.js): a question word that is close to, but not exactly, a lexicon term
// ("bakcup", 「バックアプ」, "penetraton"). Exact occurrences are the terms signal's job.

import Fuse from 'fuse.js';
import type { Term } from '../lexicon.js';
import { words } from '../segment.js';

export interface FuzzyHit {
  word: string;
  term: Term;
  /** 0 = perfect, 1 = no match (fuse.js score). */
  distance: number;
}

export interface FuzzyIndex {
  find(text: string, exactSpans: [number, number][]): FuzzyHit[];
}

// Short words are too easily confused ("sla" ~ "ssl"); typos need some length to be recognisable.
const MIN_LENGTH = 5;

export function fuzzyIndex(terms: Term[]): FuzzyIndex {
  // Only one-part terms of some length: "A+B" terms are about co-occurrence, not spelling.
  const pool = terms.filter((t) => t.parts.length === 1 && t.parts[0].length >= MIN_LENGTH);
  const fuse = new Fuse(pool, {
    keys: [{ name: 'text', getFn: (t: Term) => t.parts[0] }],
    includeScore: true,
    threshold: 0.25,
    ignoreLocation: true,
    minMatchCharLength: MIN_LENGTH - 1,
  });
  const cache = new Map<string, { term: Term; distance: number }[]>();
  const lookup = (word: string) => {
    let found = cache.get(word);
    if (!found) {
      found = fuse
        .search(word, { limit: 5 })
        // The whole word must resemble the whole term, not just a piece of it.
        .filter((r) => Math.abs(r.item.parts[0].length - word.length) <= 2 && r.item.parts[0] !== word)
        .map((r) => ({ term: r.item, distance: r.score ?? 1 }));
      cache.set(word, found);
    }
    return found;
  };
  return {
    find(text, exactSpans) {
      const out: FuzzyHit[] = [];
      let from = 0;
      for (const word of words(text)) {
        const at = text.indexOf(word, from);
        from = at + word.length;
        if (word.length < MIN_LENGTH) continue;
        // Words already matched exactly say nothing more.
        if (exactSpans.some(([s, e]) => at < e && at + word.length > s)) continue;
        for (const f of lookup(word)) out.push({ word, ...f });
      }
      return out;
    },
  };
}
