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
  return (raw) => {
    if (raw <= points[0][0]) return points[0][1];
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i];
      if (raw <= x1) {
        const [x0, y0] = points[i - 1];
        return x1 === x0 ? y1 : y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0);
      }
    }
    return points[points.length - 1][1];
  };
}

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
    const g = gatherEvidence(c, q.text, signalsOf(q.text), section, neighbours);
    const band = bandOf(q.language);
    const d = decide(c, g, band, scales[q.language]);
    return d ? proposalOf(c, g, d, band) : nothingFits(g);
  };
  const first = (q: Asked) => fromLearned(c, learned, signalsOf(q.text).key || foldText(q.text)) ?? propose(q, []);
  /** A question not auto on its own, read again with the items of its auto neighbours. */
  const again = (q: Asked, r: Proposal, neighbours: { n: MatchInput; r: Proposal }[]) => {
    if (r.status === 'auto' || r.source === 'learned') return r;
    const context = neighbours
      .filter(({ r }) => r.status === 'auto')
      .map(({ n, r }) => ({ itemNo: r.itemNos[0], near: sameBlock(q.number, n.number) }));
    return context.length ? propose(q, context) : r;
  };

  return {
    match(input, neighbours) {
      const language = input.language ?? questionLanguage(input.text);
      const q = { ...input, language };
      const r = first(q);
      if (!neighbours) return r;
      const around = [neighbours.prev, neighbours.next].filter((n): n is MatchInput => !!n);
      return again(q, r, around.map((n) => ({ n, r: first({ ...n, language: n.language ?? language }) })));
    },
    matchAll(inputs) {
      const language = mainLanguage(inputs.map((q) => q.text));
      const qs = inputs.map((q) => ({ ...q, language: q.language ?? language }));
      // A question's first verdict is made just before it is needed (its own, then as the next one's
      // neighbour), so its text signals are still remembered when the context pass reads them again.
      const firsts: Proposal[] = [];
      const firstOf = (j: number) => (firsts[j] ??= first(qs[j]));
      return qs.map((q, i) => {
        const r = firstOf(i);
        if (r.status === 'auto' || r.source === 'learned') return r;
        const around = [i - 1, i + 1].filter((j) => j >= 0 && j < qs.length);
        return again(q, r, around.map((j) => ({ n: qs[j], r: firstOf(j) })));
      });
    },
  };
}

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
