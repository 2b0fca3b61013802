// Exact term signal: which lexicon terms occur in a normalised question, and where.
// A term inside a longer matched term is dropped ("バックアップ" inside 「バックアップ世代数」), so the most
// specific wording decides.

import { isAscii } from '../text.js';
import type { Term } from '../lexicon.js';

export interface Hit {
  term: Term;
  /** Start and end (exclusive) of each part in the text. */
  spans: [number, number][];
}

/** A letter of a folded English word. */
const isLetter = (code: number) => code >= 97 && code <= 122;
// After an English term: plural or -ed/-ing, then not a letter. Sticky: tried where the term ends, no copy of the rest.
const ENGLISH_TAIL = /(?:s|es|ed|d|ing)?(?![a-z])/y;

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
  const startsWord = !isLetter(part.charCodeAt(0)) || !isLetter(text.charCodeAt(at - 1));
  if (!startsWord) return false;
  if (!isLetter(part.charCodeAt(part.length - 1))) return true;
  ENGLISH_TAIL.lastIndex = at + part.length;
  return ENGLISH_TAIL.test(text);
}

/**
 * The terms, their first parts in a trie walked once from each position of a text. Terms whose first part
 * has one character are tried directly. Nodes are numbers and a node's children live in one hash table
 * keyed by (node, character): this walk runs at every position of every question, and a Map per node
 * cost three times as much.
 */
export interface TermIndex {
  terms: Term[];
  /** The trie's first level by UTF-16 code unit: the node of each first character, or -1. */
  heads: Int32Array;
  children: Children;
  /** Per node: the terms whose first part ends there (ids into terms), as ranges of endList. */
  endFrom: Int32Array;
  endTo: Int32Array;
  endList: Int32Array;
  /** Per term: the trie node of the first two characters of its first part, and its place among terms sharing them. */
  pair: Int32Array;
  ordinal: Uint32Array;
  short: Term[];
  /** Per term: 1 when its first part is ASCII, found on word boundaries only. */
  asciiHead: Uint8Array;
  /** Per term, the text (by count) in which it was last found, and where: no set or map per text. */
  seen: Uint32Array;
  at: Int32Array;
  /** Per node, the text in which its two characters were first seen, and where. */
  pairSeen: Uint32Array;
  pairAt: Int32Array;
  /** The terms found in the current text, in the order they are reported (room for every term). */
  found: Int32Array;
  texts: number;
}

/** Open addressing over (node, character) → child node: each slot three numbers side by side (node, character, child; node -1 when empty), so a probe reads one place in memory. */
interface Children {
  slots: Int32Array;
  mask: number;
}

const slot = (node: number, code: number, mask: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;

function childrenOf(edges: [number, number, number][]): Children {
  let size = 16;
  while (size < 2 * edges.length) size *= 2;
  const t: Children = { slots: new Int32Array(3 * size).fill(-1), mask: size - 1 };
  for (const [node, code, child] of edges) {
    let k = slot(node, code, t.mask);
    while (t.slots[3 * k] !== -1) k = (k + 1) & t.mask;
    t.slots.set([node, code, child], 3 * k);
  }
  return t;
}

/** The child of a node by a character, or -1. */
function childOf(t: Children, node: number, code: number): number {
  for (let k = slot(node, code, t.mask); ; k = (k + 1) & t.mask) {
    const n = t.slots[3 * k];
    if (n === -1) return -1;
    if (n === node && t.slots[3 * k + 1] === code) return t.slots[3 * k + 2];
  }
}

export function termIndex(all: Term[]): TermIndex {
  const short = all.filter((t) => t.parts[0].length < 2);
  const terms = all.filter((t) => t.parts[0].length >= 2);
  // Built with maps, then frozen into arrays. Node 0 is the root.
  const next: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  const sharing = new Map<number, number>();
  const pair = new Int32Array(terms.length);
  const ordinal = new Uint32Array(terms.length);
  terms.forEach((t, id) => {
    const head = t.parts[0];
    let node = 0;
    for (let i = 0; i < head.length; i++) {
      const code = head.charCodeAt(i);
      let child = next[node].get(code);
      if (child === undefined) {
        child = next.length;
        next[node].set(code, child);
        next.push(new Map());
        ends.push([]);
      }
      node = child;
      if (i === 1) pair[id] = node;
    }
    ends[node].push(id);
    ordinal[id] = sharing.get(pair[id]) ?? 0;
    sharing.set(pair[id], ordinal[id] + 1);
  });
  const heads = new Int32Array(65536).fill(-1);
  for (const [code, node] of next[0]) heads[code] = node;
  const edges: [number, number, number][] = [];
  next.forEach((m, node) => node > 0 && m.forEach((child, code) => edges.push([node, code, child])));
  const endFrom = new Int32Array(next.length);
  const endTo = new Int32Array(next.length);
  const endList = new Int32Array(terms.length);
  let k = 0;
  ends.forEach((list, node) => {
    endFrom[node] = k;
    for (const id of list) endList[k++] = id;
    endTo[node] = k;
  });
  return {
    terms,
    heads,
    children: childrenOf(edges),
    endFrom,
    endTo,
    endList,
    pair,
    ordinal,
    short,
    asciiHead: Uint8Array.from(terms, (t) => (t.ascii[0] ? 1 : 0)),
    seen: new Uint32Array(terms.length),
    at: new Int32Array(terms.length),
    pairSeen: new Uint32Array(next.length),
    pairAt: new Int32Array(next.length),
    found: new Int32Array(terms.length),
    texts: 0,
  };
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
    index.pairSeen.fill(0);
    index.texts = 0;
  }
  const mark = ++index.texts;
  const { heads, children, endFrom, endTo, endList, asciiHead, seen, at, pairSeen, pairAt, found, pair, ordinal } = index;
  let count = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    let node = heads[text.charCodeAt(i)];
    for (let j = i; node >= 0; ) {
      // The second level: the term's first two characters, whose first occurrence orders the hits.
      if (j === i + 1 && pairSeen[node] !== mark) {
        pairSeen[node] = mark;
        pairAt[node] = i;
      }
      for (let e = endFrom[node]; e < endTo[node]; e++) {
        const id = endList[e];
        if (seen[id] === mark) continue;
        if (asciiHead[id] && !onWordBoundaries(text, index.terms[id].parts[0], i)) continue;
        seen[id] = mark;
        at[id] = i;
        // In order of where the term's first two characters first occur, then of the lexicon: insertion
        // sort, as a text holds a dozen or two.
        let k = count++;
        const first = pairAt[pair[id]];
        for (; k > 0; k--) {
          const prev = found[k - 1];
          if (pairAt[pair[prev]] < first || (pairAt[pair[prev]] === first && ordinal[prev] < ordinal[id])) break;
          found[k] = prev;
        }
        found[k] = id;
      }
      j++;
      node = j < text.length ? childOf(children, node, text.charCodeAt(j)) : -1;
    }
  }

  const hits: Hit[] = [];
  for (const term of index.short) withRest(text, term, -1, hits);
  for (let k = 0; k < count; k++) withRest(text, index.terms[found[k]], at[found[k]], hits);
  return hits;
}

/** Where each part of a term occurs, found once per text: no array per term looked at. */
const partAt: number[] = [];

/** The term's hit, when its other parts occur too; firstAt: where the trie found the first part, or -1 to look for it. */
function withRest(text: string, term: Term, firstAt: number, hits: Hit[]) {
  // Most terms found by their first part lack another: every part is looked for before spans are made.
  const parts = term.parts;
  for (let p = 0; p < parts.length; p++) {
    partAt[p] = p === 0 && firstAt >= 0 ? firstAt : findPart(text, parts[p], term.ascii[p]);
    if (partAt[p] < 0) return;
  }
  hits.push({ term, spans: parts.map((part, p): [number, number] => [partAt[p], partAt[p] + part.length]) });
}

/** Span a lies inside span b. */
export const inside = (a: [number, number], b: [number, number]) => a[0] >= b[0] && a[1] <= b[1];

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
