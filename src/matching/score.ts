// Fuses the signals into one ranking and one confidence. Each signal adds evidence (a raw score) to items;
// confidence in [0, 1] grows with the top item's evidence and with its lead over the next item.

import type { Hit } from './signals/terms.js';

/** Raw evidence per signal, before fusion. Weights were set by hand and checked on the dev set. */
export const weights = {
  alias: 1.0,
  keyword: 0.35,
  /** Evidence found only in ※ notes and 例 hints counts this much. */
  notes: 0.5,
  /** A term typed with a typo. */
  fuzzy: 0.6,
  /** Times the n-gram cosine. */
  ngram: 0.8,
  /** Terms found in the section heading. */
  section: 0.35,
  /** Section heading names the item's METI category. */
  category: 0.15,
  /** A neighbouring question is about an item of the same category. */
  neighbour: 0.1,
  /** The item's 'not' words occur: evidence is multiplied by this. */
  not: 0.3,
  /** The question asks an aspect the chosen item's answer does not settle: confidence is multiplied by this. */
  aspect: 0.5,
  /** Two items answer the question together: which two and in which order is one more judgement to get right. */
  twoItems: 0.7,
};

/** Longer terms are more specific. */
export const lengthFactor = (length: number): number => 0.7 + 0.06 * Math.min(length, 10);

/** Raw evidence to a candidate score in [0, 1]. */
export const squash = (raw: number): number => 1 - Math.exp(-raw / 0.9);

export interface Evidence {
  itemNo: number;
  raw: number;
  /** Terms that matched, for reviewers. */
  terms: string[];
  /** The strongest alias or title hit in the main text alone (no notes, n-grams or context). */
  mainRaw: number;
  /** Spans of strong (alias/title) hits in the main text. */
  strongSpans: [number, number][];
  /** Spans of all exact hits in the main text. */
  spans: [number, number][];
  /** Normalised parts of the alias or title that gave mainRaw: the wording that decides the item. */
  decisive: string[];
}

export function hitWeight(hit: Hit, shared: number): number {
  const base = hit.term.kind === 'keyword' ? weights.keyword : weights.alias;
  return (base * lengthFactor(hit.term.length)) / Math.max(1, shared);
}

export interface ConfidenceInput {
  top: Evidence;
  /** Compound partner, when two items are chosen. */
  partner: Evidence | null;
  /** Strongest item not chosen. */
  rival: Evidence | null;
  negative: boolean;
  /** Share of the question's content the chosen items' vocabularies explain (signals/explain.ts), in [0, 1]. */
  explained: number;
  /** How many items' vocabularies contain the decisive wording: 1 = specific to this item. */
  spread: number;
}

/** Below this share of explained content, confidence falls in proportion (scripts/calibrate.ts checks it). */
export const explainedEnough = 0.5;

/**
 * How much confidence the question's unexplained content and a generic decisive term leave, in [0, 1].
 * A question half about something else, or decided by a word most items share (「ログ」, "support"), is
 * at best a guess to review.
 */
export function generality(explained: number, spread: number): number {
  // Falls steeply below half explained: on the labelled sets a question 40% explained by the chosen item is wrong
  // one time in four, one half explained almost never. Never quite zero: it may still be worth a reviewer's look.
  const content = Math.max(0.1, Math.min(1, explained / explainedEnough) ** 3);
  const specific = 1 / Math.sqrt(Math.max(1, spread));
  return content * specific;
}

/** Confidence that the chosen item(s) answer the question. */
export function confidence({ top, partner, rival, negative, explained, spread }: ConfidenceInput): number {
  const weakest = partner ? Math.min(top.raw, partner.raw) : top.raw;
  const rivalRaw = rival?.raw ?? 0;
  const margin = weakest > 0 ? Math.max(0, (weakest - rivalRaw) / weakest) : 0;
  let c = squash(top.raw) * (0.3 + 0.7 * margin);
  // Only weak evidence (keywords, typos, n-grams): a guess at best.
  if (top.strongSpans.length === 0) c *= 0.6;
  if (negative) c *= 0.3;
  c *= generality(explained, spread);
  return Math.max(0, Math.min(1, c));
}

const overlapsAny = (span: [number, number], others: [number, number][]) =>
  others.some(([s, e]) => span[0] < e && span[1] > s);

/** Minimum share of the top item's own-wording evidence for a second item to be answered too. */
export const compoundShare = 0.5;
/** Minimum share of the top item's total evidence, for the same. */
export const compoundTotalShare = 0.35;

/**
 * A second item is chosen when the question names it in wording of its own, apart from the first item's
 * (「バックアップの頻度と保存期間」), and about as strongly. Shared parts of "A+B" aliases do not count as apart.
 */
export function isCompound(top: Evidence, second: Evidence | undefined): second is Evidence {
  if (!second || second.strongSpans.length === 0 || top.strongSpans.length === 0) return false;
  if (second.mainRaw < compoundShare * top.mainRaw) return false;
  // …and the question as a whole is not overwhelmingly about the first item.
  if (second.raw < compoundTotalShare * top.raw) return false;
  const ownSecond = second.strongSpans.some((s) => !overlapsAny(s, top.strongSpans));
  const ownTop = top.strongSpans.some((s) => !overlapsAny(s, second.strongSpans));
  return ownSecond && ownTop;
}
