// Typo-tolerant term signal (fuse.js): a question word that is close to, but not exactly, a lexicon term
// ("bakcup", 「バックアプ」, "penetraton"). Exact occurrences are the terms signal's job.

import Fuse from 'fuse.js';
import type { Term } from '../lexicon.js';
import { stem, typoProneWords } from '../segment.js';

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
const TYPO_PRONE = typoProneWords(MIN_LENGTH);

export function fuzzyIndex(terms: Term[]): FuzzyIndex {
  // Only one-part terms: "A+B" terms are about co-occurrence, not spelling. Item aliases in English also lend
  // their words, where a word belongs to one item only ("penetration" from "penetration test", not "management").
  const owners = new Map<string, Set<number>>();
  const wordTerms = new Map<string, Term>();
  for (const t of terms) {
    if (t.parts.length !== 1 || !t.parts[0].includes(' ') || t.kind === 'negative') continue;
    for (const w of t.parts[0].split(' ')) {
      if (w.length < MIN_LENGTH) continue;
      const set = owners.get(w) ?? new Set<number>();
      owners.set(w, set);
      set.add(t.itemNo);
      if (!wordTerms.has(w)) wordTerms.set(w, { ...t, label: `${w} (${t.label})`, parts: [w], ascii: [true], length: w.length });
    }
  }
  const pool = [
    ...terms.filter((t) => t.parts.length === 1 && !t.parts[0].includes(' ') && t.parts[0].length >= MIN_LENGTH),
    ...[...wordTerms].filter(([w]) => owners.get(w)!.size === 1).map(([, t]) => t),
  ];
  // A typo keeps the first letter, so each word is compared only with terms sharing it (one small index each).
  const byHead = new Map<string, Term[]>();
  for (const t of pool) {
    const list = byHead.get(t.parts[0][0]) ?? [];
    byHead.set(t.parts[0][0], list);
    list.push(t);
  }
  const indexes = new Map<string, Fuse<Term>>();
  const indexFor = (head: string) => {
    let fuse = indexes.get(head);
    if (!fuse) {
      fuse = new Fuse(byHead.get(head) ?? [], {
        keys: [{ name: 'text', getFn: (t: Term) => t.parts[0] }],
        includeScore: true,
        threshold: 0.2,
        ignoreLocation: true,
        minMatchCharLength: MIN_LENGTH - 1,
      });
      indexes.set(head, fuse);
    }
    return fuse;
  };
  const cache = new Map<string, { term: Term; distance: number }[]>();
  const lookup = (word: string) => {
    let found = cache.get(word);
    if (!found) {
      found = indexFor(word[0])
        .search(word, { limit: 5 })
        // The whole word must resemble the whole term, not just a piece of it ("bakcup", not "notified" ~ "certified").
        // A plural or -ed form is not a typo, and is not the same word either ("services" ≠ "service").
        .filter((r) => {
          const term = r.item.parts[0];
          const slack = word.length >= 8 ? 2 : 1;
          return stem(term) !== stem(word) && Math.abs(term.length - word.length) <= slack;
        })
        .map((r) => ({ term: r.item, distance: r.score ?? 1 }));
      cache.set(word, found);
    }
    return found;
  };
  return {
    find(text, exactSpans) {
      const out: FuzzyHit[] = [];
      let from = 0;
      for (const word of text.match(TYPO_PRONE) ?? []) {
        const at = text.indexOf(word, from);
        from = at + word.length;
        // Words already matched exactly say nothing more.
        if (exactSpans.some(([s, e]) => at < e && at + word.length > s)) continue;
        for (const f of lookup(word)) out.push({ word, ...f });
      }
      return out;
    },
  };
}
