// The same or a near-identical question among remembered ones: reviewers' decisions (learned aliases),
// the answer library, and the gaps report all recognise a question asked again the same way.
import { foldText, splitQuestion } from './text.js';
import { gramKeys } from './segment.js';

/** The comparable form of a question: normalised, without ※ notes and 例 hints (which vary by customer). */
export const questionKey = (text: string): string => foldText(splitQuestion(text).main) || foldText(text);

type Gram = string | number;

/** Dice similarity of two sets of grams. */
const diceOf = (sizeA: number, sizeB: number, shared: number) => (2 * shared) / (sizeA + sizeB || 1);

/**
 * How many of a set's rarest grams (in any fixed order) another set must share one of to be `threshold`
 * alike: Dice ≥ t needs |A ∩ B| ≥ t·|A| / (2 − t), and a set sharing that many shares one of the
 * |A| − that + 1 first (the prefix filter of similarity joins). The epsilon only widens it.
 */
const prefixLength = (size: number, threshold: number) =>
  Math.max(0, Math.min(size, size - Math.ceil((threshold * size) / (2 - threshold) - 1e-9) + 1));

/** How alike two question keys are: Dice over their grams (English words, Japanese bigrams); 1 when equal. */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const ga = new Set(gramKeys(a));
  const gb = new Set(gramKeys(b));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return diceOf(ga.size, gb.size, shared);
}

export interface NearHit<T> {
  entry: T;
  /** 1 for the same key, else the Dice similarity. */
  similarity: number;
}

export interface NearIndex<T> {
  find(text: string): NearHit<T> | null;
  /** As find, for a question whose key the caller already has. */
  findKey(key: string): NearHit<T> | null;
  size: number;
}

/**
 * Entries by the key of their question. Of two entries with the same key the later is kept; of two equally
 * near, the earlier wins. A question is compared only with the entries that could reach the threshold: to be
 * that near, an entry must share one of the question's rarest grams (the prefix filter of similarity joins),
 * so a question looks at a few entries, not at every entry sharing a common bigram such as 「して」.
 */
export function nearIndex<T>(entries: readonly T[], textOf: (entry: T) => string, threshold: number): NearIndex<T> {
  const exact = new Map<string, T>();
  for (const entry of entries) {
    const key = questionKey(textOf(entry));
    if (key) exact.set(key, entry);
  }
  // The entries' characters numbered 0, 1, …, and a question's other characters numbered after them afresh
  // for each question: its Japanese grams are then small distinct integers, not a string each.
  const keys = [...exact.keys()];
  const chars = new Int32Array(65536).fill(-1);
  let known = 0;
  for (const k of keys) for (let i = 0; i < k.length; i++) if (chars[k.charCodeAt(i)] < 0) chars[k.charCodeAt(i)] = known++;
  // A question's other characters, numbered in arrays stamped per question rather than a map cleared for
  // each: most characters of a question are unknown to a few hundred remembered ones.
  const otherCode = new Int32Array(65536);
  const otherSeen = new Uint32Array(65536);
  let others = 0;
  let stamp = 0;
  const code = (u: number) => {
    if (chars[u] >= 0) return chars[u];
    if (otherSeen[u] !== stamp) {
      otherSeen[u] = stamp;
      otherCode[u] = known + others++;
    }
    return otherCode[u];
  };
  const gramsOf = (key: string) => {
    if (++stamp === 0xffffffff) {
      otherSeen.fill(0);
      stamp = 1;
    }
    others = 0;
    return gramKeys(key, code);
  };
  const entryGrams = keys.map((k) => new Set(gramsOf(k)));
  const postings = new Map<Gram, number[]>();
  entryGrams.forEach((grams, i) => {
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  // Every gram the entries have, numbered rarest first: a question's grams are then put in order by number.
  const ordered = [...postings].sort(([a, pa], [b, pb]) => pa.length - pb.length || byValue(a, b));
  const rank = new Map(ordered.map(([g], i) => [g, i]));
  const byRank = ordered.map(([, list]) => list);
  // Each entry as the ranks of its grams: what it shares with a question is counted in an array, not a set.
  const fuzzy = [...exact.values()].map((entry, i) => ({ entry, ranks: Int32Array.from(entryGrams[i], (g) => rank.get(g)!) }));
  const seen = new Uint32Array(fuzzy.length);
  const inQuestion = new Uint32Array(ordered.length);
  let mark = 0;
  const findKey = (key: string): NearHit<T> | null => {
    if (exact.size === 0) return null;
    const same = exact.get(key);
    if (same !== undefined) return { entry: same, similarity: 1 };
    if (mark === 0xffffffff) {
      seen.fill(0);
      inQuestion.fill(0);
      mark = 0;
    }
    mark++;
    // The question's distinct grams: those some entry has, by rank, and the others, which only count.
    const ranks: number[] = [];
    let unknown: Set<Gram> | null = null;
    for (const g of gramsOf(key)) {
      const r = rank.get(g);
      if (r === undefined) (unknown ??= new Set()).add(g);
      else if (inQuestion[r] !== mark) {
        inQuestion[r] = mark;
        ranks.push(r);
      }
    }
    const size = ranks.length + (unknown?.size ?? 0);
    // The grams no entry has count as the rarest of all: the prefix is shorter by as many.
    // Sorted in place: a typed array per question would be allocated outside the heap, slowly.
    ranks.sort((a, b) => a - b);
    const prefix = Math.min(ranks.length, Math.max(0, prefixLength(size, threshold) - (size - ranks.length)));
    const candidates: number[] = [];
    for (let k = 0; k < prefix; k++) {
      for (const i of byRank[ranks[k]]) {
        if (seen[i] === mark) continue;
        seen[i] = mark;
        candidates.push(i);
      }
    }
    candidates.sort((a, b) => a - b);
    let best: NearHit<T> | null = null;
    for (const i of candidates) {
      const f = fuzzy[i];
      const n = f.ranks.length;
      // Dice cannot exceed what the smaller set allows.
      if ((2 * Math.min(size, n)) / (size + n) < threshold) continue;
      let shared = 0;
      for (let k = 0; k < n; k++) if (inQuestion[f.ranks[k]] === mark) shared++;
      const similarity = diceOf(size, n, shared);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { entry: f.entry, similarity };
    }
    return best;
  };
  return { size: exact.size, findKey, find: (text) => (exact.size ? findKey(questionKey(text)) : null) };
}

/**
 * Groups keys as they come: each joins the first group made (in order) whose first key is at least
 * `threshold` alike to it, by dice(), or starts a group of its own. Returns each key's group number (0, 1, …
 * in the order the groups were made). Each key is compared only with the groups that could reach the
 * threshold: those sharing one of its rarest grams, rarest over all the keys (the prefix filter, as in
 * nearIndex), so a report over 100,000 unanswered questions does not compare each with every group.
 */
export function groupNear(keys: string[], threshold: number): number[] {
  const ids = new Map<Gram, number>();
  const gramSets = keys.map((k) => [...new Set(gramKeys(k))].map((g) => ids.get(g) ?? ids.set(g, ids.size).get(g)!));
  const df = new Int32Array(ids.size);
  for (const set of gramSets) for (const g of set) df[g]++;
  // Every gram numbered rarest first; each key as its grams' numbers, rarest first.
  const order = Array.from(df.keys()).sort((a, b) => df[a] - df[b] || a - b);
  const rank = new Int32Array(ids.size);
  order.forEach((g, r) => (rank[g] = r));
  const ranked = gramSets.map((set) => Int32Array.from(set, (g) => rank[g]).sort());

  const groupOf: number[] = [];
  const groupRanks: Int32Array[] = [];
  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  const inKey = new Uint32Array(ids.size);
  const seen: number[] = [];
  const byKey = new Map<string, number>();
  keys.forEach((key, i) => {
    const a = ranked[i];
    const mark = i + 1;
    let group = -1;
    if (a.length === 0) {
      // No grams: only the same key is alike (dice() is 1 for equal keys, 0 otherwise).
      group = byKey.get(key) ?? -1;
    } else {
      for (const r of a) inKey[r] = mark;
      const prefix = prefixLength(a.length, threshold);
      for (let k = 0; k < prefix; k++) {
        for (const g of postings[a[k]]) {
          if (seen[g] === mark || (group >= 0 && g >= group)) continue;
          seen[g] = mark;
          const b = groupRanks[g];
          let shared = 0;
          for (let j = 0; j < b.length; j++) if (inKey[b[j]] === mark) shared++;
          if (diceOf(a.length, b.length, shared) >= threshold) group = g;
        }
      }
    }
    if (group < 0) {
      group = groupRanks.length;
      groupRanks.push(a);
      for (const r of a) postings[r].push(group);
      if (!byKey.has(key)) byKey.set(key, group);
    }
    groupOf.push(group);
  });
  return groupOf;
}

/** Numbers (Japanese grams) before strings (English words), each in their natural order. */
function byValue(a: Gram, b: Gram): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
