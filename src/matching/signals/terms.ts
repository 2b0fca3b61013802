// Exact term signal: which lexicon terms occur in a normalised question, and where.
// A term inside a longer matched term is dropped ("バックアップ" inside 「バックアップ世代数」), so the most
// specific wording decides.

import { isAscii } from '../normalize.js';
import type { Term } from '../lexicon.js';

export interface Hit {
  term: Term;
  /** Start and end (exclusive) of each part in the text. */
  spans: [number, number][];
}

const ASCII_WORD = /[a-z]/;
// After an English term: plural or -ed/-ing, then not a letter.
const ENGLISH_TAIL = /^(?:s|es|ed|d|ing)?(?![a-z])/;

/** Position of a normalised part in the normalised text, on word boundaries for ASCII parts; -1 if absent. */
export function findPart(text: string, part: string, ascii = isAscii(part)): number {
  if (!ascii) return text.indexOf(part);
  let from = 0;
  for (;;) {
    const at = text.indexOf(part, from);
    if (at < 0) return -1;
    const before = text[at - 1] ?? ' ';
    const startsWord = !ASCII_WORD.test(part[0]) || !ASCII_WORD.test(before);
    const endsWord = !ASCII_WORD.test(part[part.length - 1]) || ENGLISH_TAIL.test(text.slice(at + part.length));
    if (startsWord && endsWord) return at;
    from = at + 1;
  }
}

/** Terms grouped by the first two characters of their first part, so a text only tries terms that can occur. */
export interface TermIndex {
  /** The two UTF-16 code units of a pair as one number → index in lists. */
  byPair: Map<number, number>;
  lists: Term[][];
  short: Term[];
  /** Per list, the last text (by count) that tried it: marks lists already taken without a set per text. */
  tried: Uint32Array;
  texts: number;
}

const pairAt = (text: string, i: number) => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

export function termIndex(terms: Term[]): TermIndex {
  const byPair = new Map<number, number>();
  const lists: Term[][] = [];
  const short: Term[] = [];
  for (const t of terms) {
    const head = t.parts[0];
    if (head.length < 2) {
      short.push(t);
      continue;
    }
    const key = pairAt(head, 0);
    let at = byPair.get(key);
    if (at === undefined) {
      byPair.set(key, (at = lists.length));
      lists.push([]);
    }
    lists[at].push(t);
  }
  return { byPair, lists, short, tried: new Uint32Array(lists.length), texts: 0 };
}

/** All terms whose parts all occur in the text. */
export function findTerms(text: string, terms: Term[] | TermIndex): Hit[] {
  const index = Array.isArray(terms) ? termIndex(terms) : terms;
  const hits: Hit[] = [];
  if (index.texts === 0xffffffff) {
    index.tried.fill(0);
    index.texts = 0;
  }
  const mark = ++index.texts;
  const tryTerm = (term: Term) => {
    const spans: [number, number][] = [];
    for (let p = 0; p < term.parts.length; p++) {
      const at = findPart(text, term.parts[p], term.ascii[p]);
      if (at < 0) return;
      spans.push([at, at + term.parts[p].length]);
    }
    hits.push({ term, spans });
  };
  for (const term of index.short) tryTerm(term);
  // Lists in the order their pair first occurs in the text.
  for (let i = 0; i + 1 < text.length; i++) {
    const at = index.byPair.get(pairAt(text, i));
    if (at === undefined || index.tried[at] === mark) continue;
    index.tried[at] = mark;
    for (const term of index.lists[at]) tryTerm(term);
  }
  return hits;
}

const inside = (a: [number, number], b: [number, number]) => a[0] >= b[0] && a[1] <= b[1];

/** Drops hits whose every part lies inside a part of a longer hit (or of an equal one for the same item). */
export function longestFirst(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.term.length - a.term.length);
  const kept: Hit[] = [];
  for (const h of sorted) {
    // Same length counts too when it is the same item's evidence twice (「監視間隔」 and 「監視+間隔」).
    const covered = kept.some(
      (k) =>
        (k.term.length > h.term.length || (k.term.length === h.term.length && k.term.itemNo === h.term.itemNo)) &&
        h.spans.every((s) => k.spans.some((ks) => inside(s, ks))),
    );
    if (!covered) kept.push(h);
  }
  return kept;
}
