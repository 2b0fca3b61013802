// Character n-gram similarity: TF-IDF cosine between the question and each item's text (title, description,
// English title, aliases). A soft signal that ranks items when no alias matched exactly.

import { gramKeys } from '../segment.js';

export interface NgramIndex {
  /** Cosine similarity in [0, 1] of the normalised text to each document, by document index. */
  similarity(text: string): number[];
}

export function ngramIndex(docs: string[]): NgramIndex {
  // The documents' characters numbered 0, 1, …: a question's bigram is then a small integer, which maps
  // look up fastest, and a character no document has rules its grams out at once.
  // Looked up for every character of every question: an array, not a map.
  const chars = new Int32Array(65536).fill(-1);
  let known = 0;
  for (const d of docs) for (let i = 0; i < d.length; i++) if (chars[d.charCodeAt(i)] < 0) chars[d.charCodeAt(i)] = known++;
  const code = (u: number) => chars[u];
  const df = new Map<string | number, number>();
  const bags = docs.map((d) => counts(gramKeys(d, code)));
  for (const bag of bags) for (const g of bag.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = new Map<string | number, number>();
  for (const [g, n] of df) idf.set(g, Math.log(1 + docs.length / n));
  // Per document: its norm; per gram: the documents that have it and its weight in each, so a question
  // touches only documents sharing a gram.
  const norms = new Array<number>(docs.length).fill(0);
  const lists = new Map<string | number, { docs: number[]; weights: number[] }>();
  bags.forEach((bag, i) => {
    let sum = 0;
    for (const [g, n] of bag) {
      const w = (1 + Math.log(n)) * idf.get(g)!;
      sum += w * w;
      let list = lists.get(g);
      if (!list) lists.set(g, (list = { docs: [], weights: [] }));
      list.docs.push(i);
      list.weights.push(w);
    }
    norms[i] = Math.sqrt(sum);
  });
  // All postings in two arrays, each gram's documents and weights side by side from start[id] to start[id + 1].
  const postings = [...lists.values()];
  const start = new Int32Array(postings.length + 1);
  postings.forEach((l, id) => (start[id + 1] = start[id] + l.docs.length));
  const postedDoc = Int32Array.from(postings.flatMap((l) => l.docs));
  const postedWeight = Float64Array.from(postings.flatMap((l) => l.weights));
  const postingOf = new Map([...lists.keys()].map((g, i) => [g, i]));
  const idfOf = Float64Array.from(lists.keys(), (g) => idf.get(g)!);
  // A question's gram counts, per posting, in arrays kept between questions: no map per question.
  const count = new Int32Array(postings.length);
  const counted = new Uint32Array(postings.length);
  let question = 0;
  // Typed arrays are reused: one made per question would be allocated outside the heap, slowly.
  const dot = new Float64Array(docs.length);
  return {
    similarity(text) {
      if (++question === 0xffffffff) counted.fill((question = 0));
      const order: number[] = [];
      // A gram no document has weighs nothing.
      for (const g of gramKeys(text, code)) {
        const id = postingOf.get(g);
        if (id === undefined) continue;
        if (counted[id] !== question) {
          counted[id] = question;
          count[id] = 0;
          order.push(id);
        }
        count[id]++;
      }
      dot.fill(0);
      let sum = 0;
      for (const id of order) {
        const w = (1 + Math.log(count[id])) * idfOf[id];
        sum += w * w;
        for (let k = start[id]; k < start[id + 1]; k++) dot[postedDoc[k]] += w * postedWeight[k];
      }
      const norm = Math.sqrt(sum);
      const similarity = new Array<number>(dot.length);
      for (let i = 0; i < dot.length; i++) similarity[i] = norm && norms[i] ? dot[i] / (norm * norms[i]) : 0;
      return similarity;
    },
  };
}

function counts<T>(list: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const g of list) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}
