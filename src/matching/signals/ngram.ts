// Character n-gram similarity: TF-IDF cosine between the question and each item's text (title, description,
// English title, aliases). A soft signal that ranks items when no alias matched exactly.

import { stem } from '../segment.js';

export interface NgramIndex {
  /** Cosine similarity in [0, 1] of the normalised text to each document, by document index. */
  similarity(text: string): number[];
}

/**
 * The grams of segment.ts's grams(text) (stemmed English words, then Japanese character bigrams, or the
 * character of a one-character run), with each Japanese gram as a number: no string per bigram on the
 * hot path of every question.
 */
export function gramKeys(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const w of text.match(/[a-z][a-z0-9.]*/g) ?? []) out.push(stem(w));
  const ja = text.replace(/[\x20-\x7e]+/g, ' ');
  let start = 0;
  for (let i = 0; i <= ja.length; i++) {
    if (i < ja.length && ja.charCodeAt(i) !== 32) continue;
    // A run is ja[start, i).
    if (i - start === 1) out.push(ja.charCodeAt(start));
    // Above every single code unit, so a bigram never equals a one-character run.
    for (let j = start; j + 2 <= i; j++) out.push(65536 + ja.charCodeAt(j) * 65536 + ja.charCodeAt(j + 1));
    start = i + 1;
  }
  return out;
}

export function ngramIndex(docs: string[]): NgramIndex {
  const df = new Map<string | number, number>();
  const bags = docs.map((d) => counts(gramKeys(d)));
  for (const bag of bags) for (const g of bag.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = new Map<string | number, number>();
  for (const [g, n] of df) idf.set(g, Math.log(1 + docs.length / n));
  // Per document: its norm; per gram: (doc, weight) postings, so a question touches only documents sharing a gram.
  const norms = new Array<number>(docs.length).fill(0);
  const postings = new Map<string | number, [number, number][]>();
  bags.forEach((bag, i) => {
    let sum = 0;
    for (const [g, n] of bag) {
      const w = (1 + Math.log(n)) * idf.get(g)!;
      sum += w * w;
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push([i, w]);
    }
    norms[i] = Math.sqrt(sum);
  });
  return {
    similarity(text) {
      const dot = new Array<number>(docs.length).fill(0);
      let sum = 0;
      // A gram no document has weighs nothing.
      for (const [g, n] of counts(gramKeys(text))) {
        const list = postings.get(g);
        if (!list) continue;
        const w = (1 + Math.log(n)) * idf.get(g)!;
        sum += w * w;
        for (const [i, dw] of list) dot[i] += w * dw;
      }
      const norm = Math.sqrt(sum);
      return dot.map((d, i) => (norm && norms[i] ? d / (norm * norms[i]) : 0));
    },
  };
}

function counts<T>(list: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const g of list) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}
