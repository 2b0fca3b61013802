// Proposes, for each questionnaire question, the METI items whose answers answer it: auto, review or
// unmatched. A reviewer's earlier decision on the same question comes first; otherwise three steps, each a
// plain function: gather evidence (evidence.ts) → decide (decide.ts) → write reasons (reasons.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Candidate, Item, Language, LearnedAlias, Proposal, Question } from '../domain.js';
import { fixturesDir } from '../paths.js';
import { compile, type Compiled } from './compile.js';
import { decide, round, type Band, type Decision, type Scale } from './decide.js';
import { gatherEvidence, type Gathered, type NeighbourItem } from './evidence.js';
import { sectionSignals, textSignals } from './question-signals.js';
import { mainLanguage, questionLanguage } from './language.js';
import { learnedIndex, type LearnedIndex } from './learned.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { memo } from './memo.js';
import { quoted, reason, reasonsFor } from './reasons.js';
import type { Evidence } from './score.js';
import { sameBlock } from './signals/context.js';
import { foldText } from './text.js';

/** What the matcher reads of a question; its language is the questionnaire's when given. */
export type MatchInput = Pick<Question, 'text' | 'section'> & { number?: string | null; language?: Language };

/** score ≥ auto → auto; ≥ review → review; else unmatched: for Japanese questions, and English ones unless `en` says otherwise. */
export interface Thresholds extends Band {
  en?: Band;
}

/** A question with its language settled. */
type Asked = MatchInput & { language: Language };

export interface Neighbours {
  prev?: MatchInput;
  next?: MatchInput;
}

export interface Matcher {
  match(q: MatchInput, neighbours?: Neighbours): Proposal;
  /** The questions of one workbook in order: each is read in the light of its neighbours. */
  matchAll(qs: MatchInput[]): Proposal[];
}

export interface MatcherOptions {
  items: Item[];
  /** Default: fixtures/lexicon.json, read when the matcher is made. */
  lexicon?: Lexicon;
  learned?: readonly LearnedAlias[];
  /** Default: fixtures/thresholds.json, read when the matcher is made. */
  thresholds?: Thresholds;
  /** How the matcher's confidence reads as a likelihood, per language; default: fixtures/thresholds.json. */
  scale?: ScalePoints;
}

/** Points (confidence, likelihood) of a rising curve per language, joined by straight lines; none: as it is. */
export type ScalePoints = Partial<Record<Language, [number, number][]>>;

export const defaultThresholdsPath = join(fixturesDir, 'thresholds.json');

/** The calibrated thresholds (scripts/calibrate.ts writes them); conservative defaults if the file is missing. */
export function loadThresholds(path = defaultThresholdsPath): Thresholds {
  try {
    const t = JSON.parse(readFileSync(path, 'utf8')) as Partial<Record<Language, Partial<Band>>> & Partial<Band>;
    const band = (b: Partial<Band> | undefined) => (typeof b?.auto === 'number' && typeof b.review === 'number' ? { auto: b.auto, review: b.review } : null);
    const ja = band(t.ja) ?? band(t);
    if (ja) return { ...ja, ...(band(t.en) ? { en: band(t.en)! } : {}) };
  } catch {
    // fall through to defaults
  }
  return { auto: 0.6, review: 0.2 };
}

/** The calibrated curves of fixtures/thresholds.json (scripts/calibrate.ts writes them); none if the file has none. */
export function loadScale(path = defaultThresholdsPath): ScalePoints {
  try {
    const t = JSON.parse(readFileSync(path, 'utf8')) as { scale?: ScalePoints };
    return t.scale ?? {};
  } catch {
    return {};
  }
}

/** The curve through the points, flat beyond the last ones; as it is without points. */
export function scaleOf(points: [number, number][] | undefined): Scale {
  if (!points?.length) return (raw) => raw;
  // As two arrays of numbers: read for every candidate of every question, and a point unpacked from
  // [x, y] in the loop cost an iterator each time.
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  return (raw) => {
    if (raw <= xs[0]) return ys[0];
    for (let i = 1; i < xs.length; i++) if (raw <= xs[i]) return between(xs[i - 1], ys[i - 1], xs[i], ys[i], raw);
    return ys[ys.length - 1];
  };
}

/** The height at x of the line from (x0, y0) to (x1, y1); y1 where the line is upright. */
const between = (x0: number, y0: number, x1: number, y1: number, x: number) => (x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));

/** A matcher for one state of the items, lexicon, decisions and thresholds; everything is compiled here. */
export function createMatcher(opts: MatcherOptions): Matcher {
  const c = compile(opts.items, opts.lexicon ?? loadLexicon());
  const thresholds = opts.thresholds ?? loadThresholds();
  const bandOf = (language: Language): Band => (language === 'en' ? (thresholds.en ?? thresholds) : thresholds);
  const points = opts.scale ?? loadScale();
  const scales: Record<Language, Scale> = { ja: scaleOf(points.ja), en: scaleOf(points.en) };
  const learned = learnedIndex(opts.learned ?? []);
  // Per question text and section: the context pass reads a question's signals again right after its
  // neighbour's, and questionnaires repeat questions.
  const signalsOf = memo((text: string) => textSignals(c, text), 256);
  const sectionOf = memo((text: string) => sectionSignals(c, text));

  const propose = (q: Asked, neighbours: NeighbourItem[]): Proposal => {
    const section = q.section ? { text: q.section, signals: sectionOf(q.section) } : null;
    const g = gatherEvidence(c, signalsOf(q.text), section, neighbours);
    const band = bandOf(q.language);
    const d = decide(c, g, band, scales[q.language]);
    return d ? proposalOf(c, g, d, band) : nothingFits(g);
  };
  const first = (q: Asked) => fromLearned(c, learned, signalsOf(q.text).key || foldText(q.text)) ?? propose(q, []);
  const firstLook = (q: Asked | undefined): FirstLook | null => (q ? { q, r: first(q) } : null);
  /** A question not auto on its own, read again with the items of its auto neighbours. */
  const again = ({ q, r }: FirstLook, prev: FirstLook | null, next: FirstLook | null) => {
    if (r.status === 'auto' || r.source === 'learned') return r;
    const context: NeighbourItem[] = [];
    for (const n of [prev, next]) if (n?.r.status === 'auto') context.push({ itemNo: n.r.itemNos[0], near: sameBlock(q.number, n.q.number) });
    return context.length ? propose(q, context) : r;
  };

  return {
    match(input, neighbours) {
      const language = input.language ?? questionLanguage(input.text);
      const q = asked(input, language);
      if (!neighbours) return first(q);
      const around = (n: MatchInput | undefined) => firstLook(n && asked(n, language));
      return again(firstLook(q)!, around(neighbours.prev), around(neighbours.next));
    },
    matchAll(inputs) {
      const language = mainLanguage(inputs.map((q) => q.text));
      const qs = inputs.map((q) => asked(q, language));
      // Each question's first verdict is made once, as the previous question's neighbour, and dropped once the
      // next question is done with it: one read again in context is garbage at once, not kept to the end.
      const out: Proposal[] = [];
      let prev: FirstLook | null = null;
      let current = firstLook(qs[0]);
      for (let i = 0; current; i++) {
        const next = firstLook(qs[i + 1]);
        out.push(again(current, prev, next));
        prev = current;
        current = next;
      }
      return out;
    },
  };
}

/** A question and what it is proposed on its own. */
interface FirstLook {
  q: Asked;
  r: Proposal;
}

/** The question with its language: its own, else the questionnaire's. */
const asked = (q: MatchInput, language: Language): Asked => ({ text: q.text, section: q.section, number: q.number, language: q.language ?? language });

/** The decision as the domain's proposal: the chosen items and the others considered, best first. */
function proposalOf(c: Compiled, g: Gathered, d: Decision, band: Band): Proposal {
  const considered = [...d.chosen, ...d.rest];
  return {
    status: d.status,
    itemNos: d.status === 'unmatched' ? [] : d.chosen.map((e) => e.itemNo),
    score: d.score,
    candidates: considered.slice(0, 5).map(candidateOf(d)),
    reasons: reasonsFor(c, g, d, band),
    source: 'lexicon',
    libraryId: null,
  };
}

const candidateOf = (d: Decision) => (e: Evidence): Candidate => ({
  itemNo: e.itemNo,
  score: d.scores.get(e.itemNo) ?? 0,
  terms: e.terms.filter((t) => !t.startsWith('not:')),
});

/** No item shares any wording with the question; what it asks that no item answers is said all the same. */
const nothingFits = (g: Gathered): Proposal => ({
  status: 'unmatched',
  itemNos: [],
  score: 0,
  candidates: [],
  reasons: [
    reason('match.no-wording'),
    ...g.negatives.map((n) => reason('match.negative', { topic: n.topic, term: n.term })),
    ...(g.customerSide ? [reason('match.customer-side', { term: g.customerSide })] : []),
  ],
  source: 'lexicon',
  libraryId: null,
});

/** A reviewer's decision on the same or a near-identical question, if there is one. */
function fromLearned(c: Compiled, learned: LearnedIndex, key: string): Proposal | null {
  if (learned.size === 0) return null;
  const hit = learned.findKey(key);
  if (!hit) return null;
  const same = hit.similarity === 1;
  const text = hit.alias.text;
  const base = { score: round(hit.similarity), source: 'learned' as const, libraryId: null };
  if (hit.alias.itemNos.length === 0) {
    return { ...base, status: 'unmatched', itemNos: [], candidates: [], reasons: [reason(same ? 'learned.none-same' : 'learned.none-near', { text })] };
  }
  const chosen = hit.alias.itemNos.filter((n) => c.byNo.has(n));
  if (chosen.length === 0) return null;
  return {
    ...base,
    status: 'auto',
    itemNos: chosen,
    candidates: chosen.map((itemNo) => ({ itemNo, score: base.score, terms: [`reviewer decision: ${quoted([text])}`] })),
    reasons: [reason(same ? 'learned.same' : 'learned.near', { itemNos: chosen.join(', '), text })],
    ...(hit.alias.choice ? { choice: hit.alias.choice } : {}),
  };
}
