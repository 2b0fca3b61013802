// What a question asks about its topic, besides whether the thing exists: how often, when, how quickly, the
// scope, who, a report or certificate, tests, reviews and approvals, insurance, caps, contract terms, actual
// figures, algorithms, something done at the customer's request, end-user devices, notifying the customer,
// integration with the customer's systems, a statistic other than the one given (p95 rather than the average).
// Each item's answer settles some of these (lexicon.json `settles`); a question whose aspect the chosen item's
// answer does not settle ("How often is maintenance done?" → the item says how maintenance is *announced*)
// is at most a guess for review.

import type { Lexicon, Term } from './lexicon.js';
import { compileTerm } from './lexicon.js';
import type { Evidence } from './score.js';
import { inside, longestFirst, termIndex, type Hit, type TermIndex } from './signals/terms.js';

export const ASPECTS = [
  'frequency', 'schedule', 'deadline', 'scope', 'who', 'evidence', 'test', 'review', 'lifecycle',
  'insurance', 'cap', 'legal', 'actual', 'algorithm', 'on-request', 'endpoint', 'notify', 'integration', 'statistic',
] as const;
export type Aspect = (typeof ASPECTS)[number];

/** An aspect the question asks, and the wording that shows it. */
export interface AspectHit {
  aspect: Aspect;
  term: string;
  /** Items whose own matched wording contains the cue: for them it names the topic, not an aspect asked about it. */
  topicOf: number[];
}

/** An aspect the question asks that an item's answer does not settle. */
export interface Unsettled {
  itemNo: number;
  aspect: Aspect;
  term: string;
  /** The item's answer says how often, but less often than asked ("at least quarterly" against twice a year). */
  lessOften?: boolean;
}

export interface AspectIndex {
  cues: TermIndex;
  /** Per item, the aspects its answer settles; 'all' for an answer of plain "no". */
  settles: Map<number, Set<Aspect> | 'all'>;
  /** How many times a year a frequency cue asks for, and how often each item's answer says it is done. */
  rates: Map<string, number>;
  itemRates: Map<number, number>;
}

const isAspect = (a: string): a is Aspect => (ASPECTS as readonly string[]).includes(a);

export function aspectIndex(lexicon: Lexicon): AspectIndex {
  const cues: Term[] = [];
  for (const [aspect, words] of Object.entries(lexicon.aspects)) {
    if (!isAspect(aspect)) throw new Error(`lexicon.json: unknown aspect "${aspect}"`);
    for (const w of [...words.ja, ...words.en]) {
      const t = compileTerm(w, 0, 'aspect', aspect);
      if (t) cues.push(t);
    }
  }
  const settles = new Map<number, Set<Aspect> | 'all'>();
  for (const [no, entry] of Object.entries(lexicon.items)) {
    const list = entry.settles ?? [];
    settles.set(Number(no), list.includes('*') ? 'all' : new Set(list.filter(isAspect)));
  }
  const itemRates = new Map<number, number>();
  for (const [no, entry] of Object.entries(lexicon.items)) if (entry.rate) itemRates.set(Number(no), entry.rate);
  return { cues: termIndex(cues), settles, rates: new Map(Object.entries(lexicon.rates)), itemRates };
}

/**
 * The aspects a question (folded and stemmed) asks, each with its longest wording. Wording inside an item's own
 * matched terms is that item's topic, not an aspect asked about it (「バックアップ取得頻度」 is item 28's topic).
 */
export function askedAspects(cueHits: Hit[], itemHits: Hit[]): AspectHit[] {
  return longestFirst(cueHits).map((h) => ({
    aspect: h.term.topic as Aspect,
    term: h.term.label,
    topicOf: [
      ...new Set(
        itemHits.filter((t) => (t.term.kind === 'alias' || t.term.kind === 'title') && h.spans.every((s) => t.spans.some((ts) => inside(s, ts)))).map((t) => t.term.itemNo),
      ),
    ],
  }));
}

/** The asked aspects that none of the chosen items' answers settles (a two-topic answer settles what either does). */
export function unsettledBy(index: AspectIndex, chosen: Evidence[], asked: AspectHit[]): Unsettled[] {
  const out: Unsettled[] = [];
  for (const h of asked) {
    if (out.some((u) => u.aspect === h.aspect)) continue;
    const slower = chosen.find((e) => lessOften(index, e, h));
    if (slower) out.push({ itemNo: slower.itemNo, aspect: h.aspect, term: h.term, lessOften: true });
    else if (!chosen.some((e) => settles(index, e, h) || h.topicOf.includes(e.itemNo))) out.push({ itemNo: chosen[0].itemNo, aspect: h.aspect, term: h.term });
  }
  return out;
}

function settles(index: AspectIndex, e: Evidence, h: AspectHit): boolean {
  const s = index.settles.get(e.itemNo);
  return s === 'all' || (s?.has(h.aspect) ?? false);
}

/** "At least quarterly?" is not settled by an answer of twice a year. */
function lessOften(index: AspectIndex, e: Evidence, h: AspectHit): boolean {
  const asked = index.rates.get(h.term);
  const done = index.itemRates.get(e.itemNo);
  return h.aspect === 'frequency' && !!asked && !!done && done < asked;
}
