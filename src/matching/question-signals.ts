// What a question's own text and its section heading show, worked out once per text: where lexicon terms, typos
// and n-grams occur, what it asks first and about which aspects of its topic. The slow part of matching.

import { askedAspects, type AspectHit } from './aspects.js';
import type { Compiled } from './compile.js';
import { customerSection, customerWords, type CustomerSection, type CustomerWords } from './customer.js';
import { sectionCategories } from './signals/context.js';
import type { Content } from './signals/explain.js';
import type { FuzzyHit } from './signals/fuzzy.js';
import { findTerms, longestFirst, type Hit } from './signals/terms.js';
import { stemText } from './segment.js';
import { foldText, matchText, splitQuestion } from './text.js';

/** Where lexicon terms, typos and n-grams occur in a question's text: the slow part, worked out once per text. */
export interface TextSignals {
  /** What is asked, folded (not stemmed): the key reviewers' decisions are looked up by. */
  key: string;
  /** What is asked, folded and stemmed. */
  main: string;
  /** ※ notes and 例 hints, folded and stemmed. */
  aside: string;
  /** What the main text asks, for explaining it by items. */
  content: Content;
  mainHits: Hit[];
  asideHits: Hit[];
  fuzzy: FuzzyHit[];
  /** n-gram similarity to each item's document, by slot. */
  ngram: number[];
  notHits: Hit[];
  /** The aspects of its topic the question asks about (how often, a report …). */
  aspects: AspectHit[];
  /** What it shows of the customer's own side. */
  customer: CustomerWords;
}

export interface SectionSignals {
  hits: Hit[];
  categories: string[];
  customer: CustomerSection;
}

export function textSignals(c: Compiled, text: string): TextSignals {
  const parts = splitQuestion(text);
  const key = foldText(parts.main);
  const main = stemText(key);
  const aside = matchText(parts.notes);
  const mainHits = longestFirst(findTerms(main, c.terms));
  const primary = primaryAsk(parts.main);
  const asked = primary === parts.main ? { text: main, hits: mainHits } : { text: matchText(primary), hits: [] as Hit[] };
  if (primary !== parts.main) asked.hits = longestFirst(findTerms(asked.text, c.terms));
  const cues = findTerms(asked.text, c.aspects.cues);
  return {
    key,
    main,
    aside,
    // What it asks first, less what it asks about its topic (how often, a report …): the aspects judge that.
    content: c.explain.content(blank(asked.text, cues)),
    mainHits,
    asideHits: aside ? longestFirst(findTerms(aside, c.terms)) : [],
    fuzzy: c.fuzzy.find(main, exactSpans(mainHits)),
    ngram: c.ngram.similarity(`${main} ${aside}`),
    notHits: findTerms(`${main} ${aside}`, c.notTerms),
    aspects: askedAspects(cues, asked.hits),
    customer: customerWords(text),
  };
}

// A later sentence asking more only if the first is answered yes: 「受けている場合は、直近の結果を…」, "If so, …".
const CONDITIONAL = /^(?:[^、。]{0,24}場合(?:は|には)|(?:if (?:yes|so|applicable|not|available|any)|where applicable)\b)/i;

/** What a question asks first: its sentences but the conditional follow-ups, which a reviewer completes. */
function primaryAsk(main: string): string {
  if (!/[。？?！!\n]|\.\s/.test(main)) return main;
  const sentences = main.split(/(?<=[。？?！!])\s*|\n+|(?<=\.)\s+(?=[A-Z])/);
  const kept = sentences.filter((s, i) => i === 0 || !CONDITIONAL.test(s.trim()));
  return kept.length === sentences.length ? main : kept.join(' ');
}

/** The text with the hits' spans blanked out. */
function blank(text: string, hits: Hit[]): string {
  let out = text;
  for (const h of hits) for (const [s, e] of h.spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

/** The spans exact hits cover, each item's label once: the typo signal skips these words. */
function exactSpans(hits: Hit[]): [number, number][] {
  const labels = new Map<number, Set<string>>();
  const spans: [number, number][] = [];
  for (const h of hits) {
    if (h.term.kind === 'negative') continue;
    const seen = labels.get(h.term.itemNo) ?? new Set<string>();
    labels.set(h.term.itemNo, seen);
    if (seen.has(h.term.label)) continue;
    seen.add(h.term.label);
    spans.push(...h.spans);
  }
  return spans;
}

export function sectionSignals(c: Compiled, raw: string): SectionSignals {
  const section = matchText(raw);
  return { hits: longestFirst(findTerms(section, c.terms)), categories: sectionCategories(section), customer: customerSection(raw) };
}
