// Ranks the 49 METI items for each questionnaire question and decides auto / review / unmatched.
// Signals: lexicon terms (exact, longest first), typo-tolerant terms (fuse.js), character n-grams,
// section and neighbours; negative topics hold a question back. See score.ts for how they combine.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';
import { compileTerm, currentLexicon, itemWords, type Lexicon, type Term } from './lexicon.js';
import { learnedIndex, type LearnedAlias } from './learned.js';
import { memo } from './memo.js';
import { matchText, foldText, splitQuestion } from './text.js';
import { stemText } from './segment.js';
import { confidence, explainedEnough, hitWeight, isCompound, squash, weights, type Evidence } from './score.js';
import { sameBlock, sectionCategories } from './signals/context.js';
import { explainIndex, type Content, type ExplainIndex } from './signals/explain.js';
import { fuzzyIndex, type FuzzyHit } from './signals/fuzzy.js';
import { ngramIndex } from './signals/ngram.js';
import { findTerms, longestFirst, termIndex, type Hit, type TermIndex } from './signals/terms.js';

import type { SeedItem } from '../items/seed.js';

export type { Lexicon } from './lexicon.js';
export type { LearnedAlias } from './learned.js';

/** An item as the matcher sees it: the checklist's fields and the vendor's answer. */
export type Item = SeedItem;
export interface MatchInput {
  text: string;
  section: string | null;
  number?: string | null;
}
export interface Candidate {
  itemNo: number;
  title: string;
  /** [0, 1] */
  score: number;
  /** Matched terms and aliases, for reviewers. */
  terms: string[];
}
export type MatchStatus = 'auto' | 'review' | 'unmatched';
export interface MatchResult {
  status: MatchStatus;
  /** Chosen items, best first: one, or two for a compound question; [] when unmatched. */
  itemNos: number[];
  /** Top-ranked candidate (present even when unmatched, for the reviewer). */
  best: Candidate | null;
  /** Next best (up to 3), excluding chosen. */
  alternatives: Candidate[];
  /** Confidence in [0, 1]. */
  score: number;
  /** Plain-language explanation lines. */
  reasons: string[];
  /** learned = matched a reviewer's earlier decision. */
  source: 'lexicon' | 'learned';
  /** Topics the question mentions that no item answers (MFA, 反社会的勢力, …); such a row is never auto. */
  negativeTopics: string[];
  /** False when the row may not be auto whatever its score: a topic no item answers, or no alias matched. */
  eligibleForAuto: boolean;
}
/** score >= auto → auto; >= review → review; else unmatched. */
export interface Thresholds {
  auto: number;
  review: number;
}
export interface Neighbours {
  prev?: MatchInput;
  next?: MatchInput;
}
export interface Matcher {
  match(q: MatchInput, neighbours?: Neighbours): MatchResult;
  matchAll(qs: MatchInput[]): MatchResult[];
}
export interface MatcherOptions {
  items: Item[];
  lexicon?: Lexicon;
  learned?: readonly LearnedAlias[];
  thresholds?: Thresholds;
}

export const defaultThresholdsPath = join(fixturesDir, 'thresholds.json');

/** The calibrated thresholds (scripts/calibrate.ts writes them); conservative defaults if the file is missing. */
export function loadThresholds(path = defaultThresholdsPath): Thresholds {
  try {
    const t = JSON.parse(readFileSync(path, 'utf8')) as Partial<Thresholds>;
    if (typeof t.auto === 'number' && typeof t.review === 'number') return { auto: t.auto, review: t.review };
  } catch {
    // fall through to defaults
  }
  return { auto: 0.6, review: 0.2 };
}

/** Lexicon terms and n-gram documents built once per lexicon; cheap to share between matchers. */
interface Compiled {
  terms: TermIndex;
  notTerms: TermIndex;
  /** How many items share a term's normalised wording. */
  shared: Map<Term, number>;
  ngram: ReturnType<typeof ngramIndex>;
  fuzzy: ReturnType<typeof fuzzyIndex>;
  docItems: number[];
  explain: ExplainIndex;
}

// Compiling costs more than matching a 1,000-question upload, and each upload brings its own copy of the same
// items: they are recognised by content, so a server compiles once per lexicon and set of items.
const compiledCache = new WeakMap<Lexicon, Map<string, Compiled>>();

function compile(items: Item[], lexicon: Lexicon): Compiled {
  const byLexicon = compiledCache.get(lexicon) ?? new Map<string, Compiled>();
  compiledCache.set(lexicon, byLexicon);
  const itemsKey = JSON.stringify(items);
  const cached = byLexicon.get(itemsKey);
  if (cached) return cached;
  // Items change when the vendor edits them; only recent versions are worth keeping.
  if (byLexicon.size >= 4) byLexicon.clear();

  const terms: Term[] = [];
  const notTerms: Term[] = [];
  const push = (list: Term[], t: Term | null) => t && list.push(t);
  // Titles without their bracketed part (「目標復旧時間」 from 「目標復旧時間(RTO)」), unless two items then read
  // the same (「サービス提供時間帯」 is 26 and 27).
  const plainTitle = (t: string) => foldText(t.replace(/\(.*?\)|（.*?）/g, ''));
  const titleCount = new Map<string, number>();
  for (const item of items) titleCount.set(plainTitle(item.title), (titleCount.get(plainTitle(item.title)) ?? 0) + 1);
  for (const item of items) {
    const entry = lexicon.items[String(item.no)];
    if (titleCount.get(plainTitle(item.title)) === 1) push(terms, compileTerm(plainTitle(item.title), item.no, 'title'));
    if (!entry) continue;
    for (const a of [...entry.ja, ...entry.en, entry.titleEn]) push(terms, compileTerm(a, item.no, 'alias'));
    for (const k of entry.keywords) push(terms, compileTerm(k, item.no, 'keyword'));
    for (const n of entry.not ?? []) push(notTerms, compileTerm(n, item.no, 'not'));
  }
  for (const topic of lexicon.negative) {
    for (const n of [...topic.ja, ...topic.en]) push(terms, compileTerm(n, 0, 'negative', topic.topic));
  }
  // The same wording listed for several items (or twice for one) counts once, split between the items.
  const seen = new Map<string, Set<number>>();
  const unique = terms.filter((t) => {
    const key = termKey(t);
    const owners = seen.get(key) ?? new Set<number>();
    seen.set(key, owners);
    if (owners.has(t.itemNo)) return false;
    owners.add(t.itemNo);
    return true;
  });
  const shared = new Map(unique.map((t) => [t, seen.get(termKey(t))!.size]));

  const docItems = items.map((i) => i.no);
  const docs = items.map((item) => {
    const { titleEn, aliases } = itemWords(lexicon, item.no);
    const words = [titleEn, ...aliases].join(' ');
    return matchText(`${item.title} ${item.title} ${item.description} ${words}`);
  });
  const compiled: Compiled = {
    terms: termIndex(unique),
    notTerms: termIndex(notTerms),
    shared,
    ngram: ngramIndex(docs),
    // Negative topics are not guessed from look-alike words: "authentication" is not "authenticator".
    fuzzy: fuzzyIndex(unique.filter((t) => t.kind === 'alias')),
    docItems,
    explain: explainIndex(items.map((item) => vocabulary(item, lexicon.items[String(item.no)]))),
  };
  byLexicon.set(itemsKey, compiled);
  return compiled;
}

const termKey = (t: Term) => `${t.kind === 'keyword' ? 'k' : 's'}:${t.parts.join('+')}`;

/** The slow part of matching a question: where lexicon terms, typos and n-grams occur in its text. */
interface TextSignals {
  main: string;
  aside: string;
  /** What the main text asks, for explaining it by items. */
  content: Content;
  mainHits: Hit[];
  asideHits: Hit[];
  fuzzy: FuzzyHit[];
  /** n-gram similarity to each item's document. */
  ngram: number[];
  notHits: Hit[];
}

interface Parts {
  /** What is asked, normalised (not yet stemmed). */
  main: string;
  /** ※ notes and 例 hints, as written. */
  notes: string;
}

interface SectionSignals {
  hits: Hit[];
  categories: string[];
}

interface Analysis {
  /** The question's own words, normalised (no notes or hints). */
  main: string;
  content: Content;
  ranked: Evidence[];
  negatives: string[];
  notes: string[];
}

/** A verdict that no item answers the question, with the one reason why. */
function nothingFits(reason: string, source: MatchResult['source'], negativeTopics: string[]): MatchResult {
  return { status: 'unmatched', itemNos: [], best: null, alternatives: [], score: 0, reasons: [reason], source, negativeTopics, eligibleForAuto: false };
}

export function createMatcher(opts: MatcherOptions): Matcher {
  const lexicon = opts.lexicon ?? currentLexicon();
  const thresholds = opts.thresholds ?? loadThresholds();
  const items = opts.items;
  const byNo = new Map(items.map((i) => [i.no, i]));
  const c = compile(items, lexicon);
  const learned = learnedIndex(opts.learned ?? []);

  const candidate = (e: Evidence): Candidate => ({
    itemNo: e.itemNo,
    title: byNo.get(e.itemNo)?.title ?? '',
    score: round(squash(e.raw)),
    terms: e.terms,
  });

  // What a question's own words and its section say does not depend on its neighbours: worked out once and
  // reused by the context pass and by the same question asked again nearby.
  /** The question split into what is asked and its asides, what is asked normalised once for every use. */
  const partsOf = memo((text: string): Parts => {
    const { main, notes } = splitQuestion(text);
    return { main: foldText(main), notes };
  });

  // Kept for the last few hundred questions only: the context pass needs a question's signals right after
  // its neighbour's, and kept longer they outlive the young generation and cost the collector more than
  // working out a repeat far away again.
  const textSignals = memo((text: string): TextSignals => {
    const parts = partsOf(text);
    const main = stemText(parts.main);
    const aside = matchText(parts.notes);
    const mainHits = longestFirst(findTerms(main, c.terms));
    // The typo signal skips words an exact hit covers: the spans analyse() records, each item's label once.
    const labels = new Map<number, Set<string>>();
    const exactSpans: [number, number][] = [];
    for (const h of mainHits) {
      if (h.term.kind === 'negative') continue;
      const seen = labels.get(h.term.itemNo) ?? new Set<string>();
      labels.set(h.term.itemNo, seen);
      if (seen.has(h.term.label)) continue;
      seen.add(h.term.label);
      exactSpans.push(...h.spans);
    }
    return {
      main,
      aside,
      content: c.explain.content(main),
      mainHits,
      asideHits: aside ? longestFirst(findTerms(aside, c.terms)) : [],
      fuzzy: c.fuzzy.find(main, exactSpans),
      ngram: c.ngram.similarity(`${main} ${aside}`),
      notHits: findTerms(`${main} ${aside}`, c.notTerms),
    };
  }, 256);

  const sectionSignals = memo((raw: string): SectionSignals => {
    const section = matchText(raw);
    return { hits: longestFirst(findTerms(section, c.terms)), categories: sectionCategories(section) };
  });

  // An item's place in `items` (and in the n-gram and explanation documents).
  const slotOf = new Map(items.map((item, i) => [item.no, i]));
  /** How many of the ranked items decide() reads: two chosen and three alternatives. */
  const RANKED = 5;
  // Each item's evidence for the question being analysed, one array for all questions: a typed array of this
  // size made per question is allocated outside the JavaScript heap, slowly, and adds to the collector's work.
  const raw = new Float64Array(items.length);

  function analyse(q: MatchInput, neighbourItems: { itemNo: number; near: boolean }[]): Analysis {
    const signals = textSignals(q.text);
    const { main, aside } = signals;
    // Most items get a little evidence from n-grams or the section alone: a number each, in the order first
    // touched (ties rank in that order). Term, span and wording records are kept only for items words name.
    raw.fill(0);
    const touched: number[] = [];
    const named = new Map<number, Evidence>();
    const touch = (slot: number) => {
      if (raw[slot] === 0 && !touched.includes(slot)) touched.push(slot);
    };
    const add = (slot: number, w: number) => {
      touch(slot);
      raw[slot] += w;
    };
    const get = (no: number) => {
      let e = named.get(no);
      if (!e) named.set(no, (e = evidenceFor(no)));
      return e;
    };
    const negatives = new Set<string>();
    const addHits = (hits: Hit[], factor: number, inMain: boolean) => {
      for (const h of hits) {
        if (h.term.kind === 'negative') {
          if (inMain) negatives.add(`${h.term.topic} (「${h.term.label}」)`);
          continue;
        }
        const slot = slotOf.get(h.term.itemNo)!;
        const e = get(h.term.itemNo);
        touch(slot);
        if (e.terms.includes(h.term.label)) continue;
        const w = factor * hitWeight(h, c.shared.get(h.term) ?? 1);
        add(slot, w);
        e.terms.push(h.term.label);
        if (inMain) {
          e.spans.push(...h.spans);
          // 「計画停止を除く」, "other than backups": an excluded topic is not asked about.
          if (h.term.kind !== 'keyword' && !excluded(main, h)) {
            e.strongSpans.push(...h.spans);
            // Two synonyms of one topic do not make it a stronger topic than another.
            if (w > e.mainRaw) {
              e.mainRaw = w;
              e.decisive = h.term.parts;
            }
          }
        }
      }
    };
    addHits(signals.mainHits, 1, true);
    if (aside) addHits(signals.asideHits, weights.notes, false);

    for (const f of signals.fuzzy) {
      const slot = slotOf.get(f.term.itemNo)!;
      const e = get(f.term.itemNo);
      touch(slot);
      if (e.terms.includes(f.term.label)) continue;
      add(slot, weights.fuzzy * (1 - f.distance));
      e.terms.push(`${f.term.label} ~ "${f.word}"`);
    }

    for (let i = 0; i < signals.ngram.length; i++) if (signals.ngram[i] > 0.05) add(i, weights.ngram * signals.ngram[i]);

    const notes: string[] = [];
    if (q.section) {
      const section = sectionSignals(q.section);
      for (const h of section.hits) {
        if (h.term.kind === 'negative') continue;
        add(slotOf.get(h.term.itemNo)!, weights.section * hitWeight(h, c.shared.get(h.term) ?? 1));
        get(h.term.itemNo).terms.push(`${h.term.label} (section)`);
      }
      const cats = section.categories;
      if (cats.length > 0) {
        notes.push(`section 「${q.section}」 suggests ${cats.join(', ')}`);
        items.forEach((item, i) => cats.includes(item.category) && add(i, weights.category));
      }
    }
    for (const n of neighbourItems) {
      const cat = byNo.get(n.itemNo)?.category;
      items.forEach((item, i) => item.category === cat && add(i, weights.neighbour * (n.near ? 1.5 : 1)));
    }

    for (const h of signals.notHits) {
      const slot = slotOf.get(h.term.itemNo);
      if (slot === undefined || !touched.includes(slot)) continue;
      const e = get(h.term.itemNo);
      if (e.terms.some((t) => t.startsWith('not:'))) continue;
      raw[slot] *= weights.not;
      e.mainRaw *= weights.not;
      e.terms.push(`not: ${h.term.label}`);
    }

    return { main, content: signals.content, ranked: topRanked(touched, named), negatives: [...negatives], notes };
  }

  /** The RANKED items with most evidence, most first, ties in the order they were first touched. */
  function topRanked(touched: number[], named: Map<number, Evidence>): Evidence[] {
    const top: number[] = [];
    for (const slot of touched) {
      if (!(raw[slot] > 0)) continue;
      let at = top.length;
      while (at > 0 && raw[top[at - 1]] < raw[slot]) at--;
      if (at < RANKED) top.splice(at, 0, slot);
      if (top.length > RANKED) top.pop();
    }
    return top.map((slot) => {
      const itemNo = items[slot].no;
      const e = named.get(itemNo) ?? evidenceFor(itemNo);
      e.raw = raw[slot];
      return e;
    });
  }

  function decide(q: MatchInput, a: Analysis): MatchResult {
    const [top, second] = a.ranked;
    if (!top) {
      return nothingFits('no item shares any wording with this question', 'lexicon', a.negatives);
    }
    const docOf = (e: Evidence) => c.docItems.indexOf(e.itemNo);
    // A second item named only in a side clause (「他の利用者と共用しない鍵」) is not a second topic of the question.
    // Nor is one named only as the occasion of the other (「保守作業時の作業場所」, "during maintenance").
    const partner =
      isCompound(top, second) &&
      2 * c.explain.explained(a.content, [docOf(second)]) >= explainedEnough &&
      !onlyOccasion(a.main, second)
        ? second
        : null;
    // Two topics are answered in the order the question asks them.
    const chosen = partner ? [top, partner].sort((a, b) => firstAt(a) - firstAt(b)) : [top];
    const rest = a.ranked.filter((e) => !chosen.includes(e));
    // How much of the question the chosen items account for, and how specific the wording that decided them is.
    // Each of two items must account for a fair part on its own: a side clause does not make a second topic.
    const docs = chosen.map(docOf);
    const explained = Math.min(
      c.explain.explained(a.content, docs),
      2 * Math.min(...docs.map((d) => c.explain.explained(a.content, [d]))),
    );
    const spread = Math.max(...chosen.map((e) => (e.decisive.length ? c.explain.spread(e.decisive) : 1)));
    const score = round(
      confidence({ top, partner, rival: rest[0] ?? null, negative: a.negatives.length > 0, explained, spread }),
    );
    // auto needs the question's own wording to name the item (an alias or title), not just resemble it.
    const weakOnly = chosen.some((e) => e.strongSpans.length === 0);
    const held = a.negatives.length > 0 || weakOnly;
    // A combined answer is a judgement (which topics, which order): always a reviewer's to confirm.
    const status: MatchStatus =
      score >= thresholds.auto && !held && !partner ? 'auto' : score >= thresholds.review ? 'review' : 'unmatched';

    const reasons: string[] = [];
    for (const e of chosen) {
      const shown = e.terms.filter((t) => !t.startsWith('not:'));
      reasons.push(
        shown.length
          ? `item ${e.itemNo} 「${byNo.get(e.itemNo)?.title}」: matched ${shown.map((t) => `「${t}」`).join(', ')}`
          : `item ${e.itemNo} 「${byNo.get(e.itemNo)?.title}」: similar wording only (no alias matched)`,
      );
    }
    if (partner) reasons.push('the question asks about two topics: both answers are written, each under its title, for a reviewer to confirm');
    for (const n of a.negatives) reasons.push(`asks about ${n}, which no item answers`);
    for (const e of chosen) {
      const not = e.terms.find((t) => t.startsWith('not:'));
      if (not) reasons.push(`item ${e.itemNo} is weakened: the question mentions ${not.slice(5)}`);
    }
    if (rest[0] && rest[0].raw > 0.6 * top.raw) {
      reasons.push(`close alternative: item ${rest[0].itemNo} 「${byNo.get(rest[0].itemNo)?.title}」`);
    }
    if (explained < explainedEnough) {
      reasons.push(`only ${Math.round(100 * explained)}% of what the question asks is in the item's wording`);
    }
    if (spread > 1) reasons.push(`the deciding wording is common: ${spread} items use it`);
    reasons.push(...a.notes);
    reasons.push(
      status === 'auto'
        ? `confidence ${score} ≥ ${thresholds.auto}: filled automatically`
        : status === 'unmatched'
          ? `confidence ${score} < ${thresholds.review}: left blank for a reviewer`
          : score < thresholds.auto
            ? `confidence ${score} < ${thresholds.auto}: best guess written, to be checked`
            : a.negatives.length > 0
              ? `confidence ${score}, but never filled automatically when it touches a topic no item answers`
              : weakOnly
                ? `confidence ${score}, but no alias matched, so it is only proposed`
                : `confidence ${score} ≥ ${thresholds.auto}, but an answer combining two items is always a reviewer's to confirm`,
    );
    return {
      status,
      itemNos: status === 'unmatched' ? [] : chosen.map((e) => e.itemNo),
      best: candidate(top),
      alternatives: (status === 'unmatched' ? a.ranked.slice(1) : rest).slice(0, 3).map(candidate),
      score,
      reasons,
      source: 'lexicon',
      negativeTopics: a.negatives,
      eligibleForAuto: !held && !partner,
    };
  }

  function fromLearned(q: MatchInput): MatchResult | null {
    if (learned.size === 0) return null;
    // questionKey(q.text), from the parts the text signals use too.
    const hit = learned.findKey(partsOf(q.text).main || foldText(q.text));
    if (!hit) return null;
    const how = hit.similarity === 1 ? 'the same question' : 'a near-identical question';
    if (hit.alias.itemNos.length === 0) {
      return nothingFits(`a reviewer decided no item answers this (${how}: 「${hit.alias.text}」)`, 'learned', []);
    }
    const chosen = hit.alias.itemNos.filter((n) => byNo.has(n));
    if (chosen.length === 0) return null;
    const cands = chosen.map((n) => ({
      itemNo: n,
      title: byNo.get(n)!.title,
      score: round(hit.similarity),
      terms: [`reviewer decision: 「${hit.alias.text}」`],
    }));
    return {
      status: 'auto',
      itemNos: chosen,
      best: cands[0],
      alternatives: [],
      score: round(hit.similarity),
      reasons: [`a reviewer matched ${how} to item ${chosen.join(' and ')}: 「${hit.alias.text}」`],
      source: 'learned',
      negativeTopics: [],
      eligibleForAuto: true,
    };
  }

  const near = (q: MatchInput, n: MatchInput | undefined) => sameBlock(q.number, n?.number);

  function matchOne(q: MatchInput, neighbourItems: { itemNo: number; near: boolean }[]): MatchResult {
    return fromLearned(q) ?? decide(q, analyse(q, neighbourItems));
  }

  return {
    match(q, neighbours) {
      const learnedResult = fromLearned(q);
      if (learnedResult) return learnedResult;
      const first = decide(q, analyse(q, []));
      if (first.status === 'auto' || !neighbours) return first;
      const ctx = [neighbours.prev, neighbours.next]
        .filter((n): n is MatchInput => !!n)
        .map((n) => ({ n, r: matchOne(n, []) }))
        .filter(({ r }) => r.status === 'auto')
        .map(({ n, r }) => ({ itemNo: r.itemNos[0], near: near(q, n) }));
      return ctx.length ? decide(q, analyse(q, ctx)) : first;
    },
    matchAll(qs) {
      // A question's first verdict is made just before it is needed (its own, then as the next one's
      // neighbour), so its text signals are still remembered when the context pass reads them again.
      const first: MatchResult[] = [];
      const firstOf = (j: number) => (first[j] ??= matchOne(qs[j], []));
      return qs.map((q, i) => {
        const r = firstOf(i);
        if (r.status === 'auto' || r.source === 'learned') return r;
        const ctx = [i - 1, i + 1]
          .filter((j) => j >= 0 && j < qs.length && firstOf(j).status === 'auto')
          .map((j) => ({ itemNo: first[j].itemNos[0], near: near(q, qs[j]) }));
        return ctx.length ? decide(q, analyse(q, ctx)) : r;
      });
    },
  };
}

// English words are stemmed by then: "excluding" reads "exclud".
const EXCLUSION = /^(?:を|は)?(?:除く|除き|除いた|以外)|^ ?(?:exclud|except)/;
// …and its first word or two: "excluding scheduled maintenance windows" excludes "maintenance window" too.
const EXCLUSION_BEFORE = /(?:except|exclud\w*|other than|apart from) (?:[a-z0-9]+ )?$/;
const excluded = (text: string, h: Hit) => {
  const end = Math.max(...h.spans.map(([, e]) => e));
  const start = Math.min(...h.spans.map(([s]) => s));
  return EXCLUSION.test(text.slice(end, end + 6)) || EXCLUSION_BEFORE.test(text.slice(Math.max(0, start - 28), start));
};
const OCCASION_AFTER = /^(?:時|の際|際|中の|中に)/;
const OCCASION_BEFORE = /(?:during|while) $/;
/** Every strong hit of the item only says when something happens, not what is asked. */
const onlyOccasion = (text: string, e: Evidence) =>
  e.strongSpans.every(
    ([s, end]) => OCCASION_AFTER.test(text.slice(end, end + 2)) || OCCASION_BEFORE.test(text.slice(Math.max(0, s - 7), s)),
  );
/** No evidence yet for an item. */
const evidenceFor = (itemNo: number): Evidence => ({ itemNo, raw: 0, mainRaw: 0, terms: [], strongSpans: [], spans: [], decisive: [] });
const firstAt = (e: Evidence) => Math.min(...e.strongSpans.map(([s]) => s));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** What an item's answer can be said to be about: its own text and every wording the lexicon gives it. */
function vocabulary(item: Item, entry: Lexicon['items'][string] | undefined): string {
  const words = entry ? [entry.titleEn, ...entry.ja, ...entry.en, ...entry.keywords] : [];
  return matchText(`${item.title} ${item.description} ${item.answer} ${words.join(' ').replace(/\+/g, ' ')}`);
}
