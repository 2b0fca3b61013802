// Character n-gram similarity: TF-IDF cosine between the question and each item's text (title, description,
// English title, aliases). A soft signal that ranks items when no alias matched exactly.

import { grams } from '../segment.js';

export interface NgramIndex {
  /** Cosine similarity in [0, 1] of the normalised text to each document, by document index. */
  similarity(text: string): number[];
}

export function ngramIndex(docs: string[]): NgramIndex {
  const df = new Map<string, number>();
  const bags = docs.map((d) => counts(grams(d)));
  for (const bag of bags) for (const g of bag.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log(1 + docs.length / (df.get(g) ?? docs.length));
  const vectors = bags.map((bag) => weigh(bag, idf));
  // Inverted index: gram → (doc, weight), so a question touches only documents sharing a gram.
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((v, i) => {
    for (const [g, w] of v.weights) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push([i, w]);
    }
  });
  return {
    similarity(text) {
      const q = weigh(counts(grams(text)), (g) => (df.has(g) ? idf(g) : 0));
      const dot = new Array<number>(docs.length).fill(0);
      for (const [g, w] of q.weights) for (const [i, dw] of postings.get(g) ?? []) dot[i] += w * dw;
      return dot.map((d, i) => (q.norm && vectors[i].norm ? d / (q.norm * vectors[i].norm) : 0));
    },
  };
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of list) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

function weigh(bag: Map<string, number>, idf: (g: string) => number) {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [g, n] of bag) {
    const w = (1 + Math.log(n)) * idf(g);
    if (w > 0) {
      weights.set(g, w);
      sum += w * w;
    }
  }
  return { weights, norm: Math.sqrt(sum) };
}
