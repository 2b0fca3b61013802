// Step 1 of matching a question: gather each item's evidence from the question's words, its section heading
// and its neighbours, and rank the items by it.

import type { AspectHit } from './aspects.js';
import type { Compiled } from './compile.js';
import { customerSide } from './customer.js';
import type { SectionSignals, TextSignals } from './question-signals.js';
import { hitWeight, weights, type Evidence } from './score.js';
import type { Content } from './signals/explain.js';
import type { FuzzyHit } from './signals/fuzzy.js';
import type { Hit } from './signals/terms.js';

/** A topic no item answers that the question asks about, and the wording that names it. */
export interface NegativeTopic {
  topic: string;
  term: string;
}

/** A neighbouring question confidently matched: its item lends its category. */
export interface NeighbourItem {
  itemNo: number;
  /** Numbered in the same block as the question (3-1 and 3-4). */
  near: boolean;
}

/** Everything the decision is made from. */
export interface Gathered {
  /** The question's own words, folded and stemmed (no notes or hints). */
  main: string;
  content: Content;
  /** The items with most evidence (at most RANKED), most first. */
  ranked: Evidence[];
  negatives: NegativeTopic[];
  aspects: AspectHit[];
  /** The wording that shows the question is about the customer's own side, or null. */
  customerSide: string | null;
  /** METI categories the section heading names, with the heading. */
  section: { text: string; categories: string[] } | null;
}

/** How many ranked items the decision reads: two chosen and three alternatives. */
export const RANKED = 5;

/**
 * Each item's evidence for one question. Most items get a little from n-grams or the section alone: a number
 * each; term, span and wording records are kept only for items words name. Ties rank in the order the items
 * were first touched.
 */
export function gatherEvidence(
  c: Compiled,
  signals: TextSignals,
  section: { text: string; signals: SectionSignals } | null,
  neighbours: NeighbourItem[],
): Gathered {
  const tally = new Tally(c);
  const negatives = new Map<string, NegativeTopic>();
  addHits(tally, signals.mainHits, 1, signals.main, negatives);
  if (signals.aside) addHits(tally, signals.asideHits, weights.notes, null, negatives);
  addFuzzy(tally, signals.fuzzy);
  signals.ngram.forEach((sim, slot) => sim > 0.05 && tally.add(slot, weights.ngram * sim));
  if (section) addSection(tally, section.signals);
  for (const n of neighbours) {
    const category = c.byNo.get(n.itemNo)?.category;
    tally.addToCategories([category], weights.neighbour * (n.near ? 1.5 : 1));
  }
  weakenByNot(tally, signals.notHits);
  const categories = section?.signals.categories ?? [];
  return {
    main: signals.main,
    content: signals.content,
    ranked: tally.ranked(RANKED),
    negatives: [...negatives.values()],
    aspects: signals.aspects,
    customerSide: customerSide(signals.customer, section?.signals.customer ?? null),
    section: section && categories.length ? { text: section.text, categories } : null,
  };
}

/** Lexicon hits in the main text (`main` given) or in the asides. */
function addHits(tally: Tally, hits: Hit[], factor: number, main: string | null, negatives: Map<string, NegativeTopic>) {
  for (const h of hits) {
    if (h.term.kind === 'negative') {
      const key = `${h.term.topic}\u0000${h.term.label}`;
      if (main !== null && !negatives.has(key)) negatives.set(key, { topic: h.term.topic!, term: h.term.label });
      continue;
    }
    const e = tally.evidence(h.term.itemNo);
    if (e.terms.includes(h.term.label)) continue;
    const w = factor * tally.hitWeight(h);
    tally.add(tally.slot(h.term.itemNo), w);
    e.terms.push(h.term.label);
    if (main === null) continue;
    e.spans.push(...h.spans);
    // 「計画停止を除く」, "other than backups": an excluded topic is not asked about.
    if (h.term.kind === 'keyword' || excluded(main, h)) continue;
    e.strongSpans.push(...h.spans);
    // Two synonyms of one topic do not make it a stronger topic than another.
    if (w > e.mainRaw) {
      e.mainRaw = w;
      e.decisive = h.term.parts;
    }
  }
}

function addFuzzy(tally: Tally, hits: FuzzyHit[]) {
  for (const f of hits) {
    const e = tally.evidence(f.term.itemNo);
    if (e.terms.includes(f.term.label)) continue;
    tally.add(tally.slot(f.term.itemNo), weights.fuzzy * (1 - f.distance));
    e.terms.push(`${f.term.label} ~ "${f.word}"`);
  }
}

/** Aliases in the section heading, and the METI categories it names. */
function addSection(tally: Tally, section: SectionSignals) {
  for (const h of section.hits) {
    if (h.term.kind === 'negative') continue;
    tally.add(tally.slot(h.term.itemNo), weights.section * tally.hitWeight(h));
    tally.evidence(h.term.itemNo).terms.push(`${h.term.label} (section)`);
  }
  tally.addToCategories(section.categories, weights.category);
}

/** An item's 'not' words (wording that points to a neighbouring item) weaken it, once. */
function weakenByNot(tally: Tally, hits: Hit[]) {
  for (const h of hits) {
    if (!tally.touched(h.term.itemNo)) continue;
    const e = tally.evidence(h.term.itemNo);
    if (e.terms.some((t) => t.startsWith('not:'))) continue;
    tally.scale(tally.slot(h.term.itemNo), weights.not);
    e.mainRaw *= weights.not;
    e.terms.push(`not: ${h.term.label}`);
  }
}

/** Evidence per item for one question. */
class Tally {
  private readonly raw: number[];
  private readonly order: number[] = [];
  private readonly named = new Map<number, Evidence>();

  constructor(private readonly c: Compiled) {
    this.raw = new Array<number>(c.items.length).fill(0);
  }

  slot(itemNo: number): number {
    return this.c.slotOf.get(itemNo)!;
  }

  hitWeight(h: Hit): number {
    return hitWeight(h, this.c.shared.get(h.term) ?? 1);
  }

  /** The item's record of terms and spans; naming an item touches it. */
  evidence(itemNo: number): Evidence {
    let e = this.named.get(itemNo);
    if (!e) this.named.set(itemNo, (e = noEvidence(itemNo)));
    this.touch(this.slot(itemNo));
    return e;
  }

  touched(itemNo: number): boolean {
    const slot = this.c.slotOf.get(itemNo);
    return slot !== undefined && this.order.includes(slot);
  }

  add(slot: number, w: number) {
    this.touch(slot);
    this.raw[slot] += w;
  }

  addToCategories(categories: (string | undefined)[], w: number) {
    const items = this.c.items;
    for (let slot = 0; slot < items.length; slot++) if (categories.includes(items[slot].category)) this.add(slot, w);
  }

  scale(slot: number, factor: number) {
    this.raw[slot] *= factor;
  }

  /** The n items with most evidence, most first, ties in the order they were first touched. */
  ranked(n: number): Evidence[] {
    const top: number[] = [];
    for (const slot of this.order) {
      if (!(this.raw[slot] > 0)) continue;
      let at = top.length;
      while (at > 0 && this.raw[top[at - 1]] < this.raw[slot]) at--;
      if (at < n) top.splice(at, 0, slot);
      if (top.length > n) top.pop();
    }
    // The records are this tally's own: each is given its total rather than copied.
    return top.map((slot) => {
      const itemNo = this.c.items[slot].no;
      const e = this.named.get(itemNo) ?? noEvidence(itemNo);
      e.raw = this.raw[slot];
      return e;
    });
  }

  private touch(slot: number) {
    if (this.raw[slot] === 0 && !this.order.includes(slot)) this.order.push(slot);
  }
}

const noEvidence = (itemNo: number): Evidence => ({ itemNo, raw: 0, mainRaw: 0, terms: [], strongSpans: [], spans: [], decisive: [] });

// English words are stemmed by then: "excluding" reads "exclud".
const EXCLUSION = /^(?:を|は)?(?:除く|除き|除いた|以外)|^ ?(?:exclud|except)/;
// …and its first word or two: "excluding scheduled maintenance windows" excludes "maintenance window" too.
const EXCLUSION_BEFORE = /(?:except|exclud\w*|other than|apart from) (?:[a-z0-9]+ )?$/;
function excluded(text: string, h: Hit): boolean {
  const end = Math.max(...h.spans.map(([, e]) => e));
  const start = Math.min(...h.spans.map(([s]) => s));
  return EXCLUSION.test(text.slice(end, end + 6)) || EXCLUSION_BEFORE.test(text.slice(Math.max(0, start - 28), start));
}
