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
    if (onWordBoundaries(text, part, at)) return at;
    from = at + 1;
  }
}

/** An ASCII part found at `at` starts and ends a word there (an English plural or -ed/-ing tail allowed). */
function onWordBoundaries(text: string, part: string, at: number): boolean {
  const before = text[at - 1] ?? ' ';
  const startsWord = !ASCII_WORD.test(part[0]) || !ASCII_WORD.test(before);
  return startsWord && (!ASCII_WORD.test(part[part.length - 1]) || ENGLISH_TAIL.test(text.slice(at + part.length)));
}

interface Node {
  next: Map<number, Node>;
  /** Terms whose first part ends here. */
  ends: number[];
}

/**
 * The terms, their first parts in a trie walked once from each position of a text. Terms whose first part
 * has one character are tried directly.
 */
export interface TermIndex {
  terms: Term[];
  /** The trie's first level by UTF-16 code unit: looked up at every position of every text, so an array. */
  heads: (Node | undefined)[];
  /** Per term: the trie node of the first two characters of its first part, and its place among terms sharing them. */
  pair: Node[];
  ordinal: Uint32Array;
  short: Term[];
  /** Per term, the text (by count) in which it was last found, and where: no set or map per text. */
  seen: Uint32Array;
  at: Int32Array;
  texts: number;
}

export function termIndex(all: Term[]): TermIndex {
  const short = all.filter((t) => t.parts[0].length < 2);
  const terms = all.filter((t) => t.parts[0].length >= 2);
  const root: Node = { next: new Map(), ends: [] };
  const sharing = new Map<Node, number>();
  const pair: Node[] = [];
  const ordinal = new Uint32Array(terms.length);
  terms.forEach((t, id) => {
    const head = t.parts[0];
    let node = root;
    for (let i = 0; i < head.length; i++) {
      const code = head.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), ends: [] }));
      node = child;
      if (i === 1) pair[id] = node;
    }
    node.ends.push(id);
    ordinal[id] = sharing.get(pair[id]) ?? 0;
    sharing.set(pair[id], ordinal[id] + 1);
  });
  const heads: (Node | undefined)[] = new Array(65536).fill(undefined);
  for (const [code, node] of root.next) heads[code] = node;
  return { terms, heads, pair, ordinal, short, seen: new Uint32Array(terms.length), at: new Int32Array(terms.length), texts: 0 };
}

/**
 * All terms whose parts all occur in the text, each part at its first occurrence (on word boundaries for
 * ASCII). Listed one-character terms first, then by where the first two characters of the term first occur,
 * then in lexicon order: the order callers break ties in.
 */
export function findTerms(text: string, terms: Term[] | TermIndex): Hit[] {
  const index = Array.isArray(terms) ? termIndex(terms) : terms;
  if (index.texts === 0xffffffff) {
    index.seen.fill(0);
    index.texts = 0;
  }
  const mark = ++index.texts;
  const found: number[] = [];
  const pairFirst = new Map<Node, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    let node = index.heads[text.charCodeAt(i)];
    for (let j = i; node; ) {
      // The second level: the term's first two characters, whose first occurrence orders the hits.
      if (j === i + 1 && !pairFirst.has(node)) pairFirst.set(node, i);
      for (const id of node.ends) {
        if (index.seen[id] === mark) continue;
        const term = index.terms[id];
        if (term.ascii[0] && !onWordBoundaries(text, term.parts[0], i)) continue;
        index.seen[id] = mark;
        index.at[id] = i;
        found.push(id);
      }
      j++;
      node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
    }
  }
  found.sort((a, b) => pairFirst.get(index.pair[a])! - pairFirst.get(index.pair[b])! || index.ordinal[a] - index.ordinal[b]);

  const hits: Hit[] = [];
  /** firstAt: where the trie found the first part, or -1 to look for it. */
  const withRest = (term: Term, firstAt: number) => {
    const spans: [number, number][] = [];
    for (let p = 0; p < term.parts.length; p++) {
      const at = p === 0 && firstAt >= 0 ? firstAt : findPart(text, term.parts[p], term.ascii[p]);
      if (at < 0) return;
      spans.push([at, at + term.parts[p].length]);
    }
    hits.push({ term, spans });
  };
  for (const term of index.short) withRest(term, -1);
  for (const id of found) withRest(index.terms[id], index.at[id]);
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
