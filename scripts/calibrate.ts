// Calibrates the matcher per language and writes fixtures/thresholds.json. Deterministic: same sets, same result.
// Usage: npm run calibrate [-- <folder with labels.json> ...]   (default: every labelled set, evalSetDirs)
//
// 1. scale: how the matcher's confidence reads as the likelihood that an item answers a question. An isotonic
//    (pool-adjacent-violators) fit of "the item answers" against confidence, over every candidate of every
//    labelled question, made strictly rising so that it never reorders two items.
// 2. auto: the lowest threshold from which auto precision stays at the target (Japanese 99%, English 95%) on the
//    sources it is chosen on, wherever at least MIN_AUTO rows are auto. Chosen leave-one-source-out: each source
//    (one fictional customer) in turn is set aside, the threshold is chosen on the others and measured on it; the
//    target is raised by the smallest margin that keeps the pooled held-out precision at the target on the
//    independent corpus (the sets labelled with near-misses, fixtures/eval-match-*: written blind to the matcher
//    and strict about aspects, as the questionnaires qmap will meet are), and on all sources. The threshold
//    written is the one the rule with that margin chooses on all sources.
// 3. review: below it a written guess is more often wrong (or a question no item answers) than right.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../src/domain.js';
import { createMatcher, defaultThresholdsPath, scaleOf, type ScalePoints } from '../src/matching/matcher.js';
import { evalSetDirs, isRight, loadItemsFile, proposeAll } from '../src/matching/evaluate.js';
import { loadEvalSet, type EvalQuestion } from '../src/matching/eval-sets.js';

const root = join(import.meta.dirname, '..');
const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dirs = given.length ? given.map((d) => resolve(d)) : evalSetDirs(root);
const items = loadItemsFile(join(root, 'fixtures/meti-items.json'));
const questions = dirs.flatMap(loadEvalSet);

const TARGET: Record<Language, number> = { ja: 0.99, en: 0.95 };
/** Precision is judged only where at least this many rows are auto: one row more or less is no evidence. */
const MIN_AUTO = 20;
const MARGINS = [0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1];
const grid = Array.from({ length: 100 }, (_, i) => round(i / 100));

// Raw confidences: no thresholds (every row the matcher does not hold back is auto), no scale.
const raw = proposeAll(createMatcher({ items, thresholds: { auto: 0, review: 0 }, scale: {} }), questions);

interface Row {
  q: EvalQuestion;
  raw: number;
  /** Auto unless the matcher holds it back whatever its score (a topic no item answers, an unsettled aspect …). */
  eligible: boolean;
  right: boolean;
  guessed: boolean;
  score: number;
}

const scale: ScalePoints = {};
const out: Record<string, unknown> = {};
for (const language of ['ja', 'en'] as Language[]) {
  const at = questions.flatMap((q, i) => (q.language === language ? [i] : []));
  if (!at.length) continue;
  // Every candidate: does this item answer the question?
  const pairs = at.flatMap((i) => raw[i].candidates.map((c) => [c.score, questions[i].items.includes(c.itemNo) ? 1 : 0] as [number, number]));
  scale[language] = isotonic(pairs);
  const toScore = scaleOf(scale[language]);
  const rows: Row[] = at.map((i) => ({
    q: questions[i],
    raw: raw[i].score,
    eligible: raw[i].status === 'auto',
    right: isRight(questions[i], raw[i].itemNos),
    guessed: raw[i].itemNos.length > 0,
    score: round4(toScore(raw[i].score)),
  }));
  const sources = [...new Set(rows.map((r) => r.q.source))];
  const folds = (margin: number) =>
    sources.map((source) => {
      const auto = chooseAuto(
        rows.filter((r) => r.q.source !== source),
        TARGET[language] + margin,
      );
      return { source, auto, ...measure(rows.filter((r) => r.q.source === source), auto) };
    });
  const independent = new Set(rows.filter((r) => r.q.kind === 'near-miss').map((r) => r.q.source));
  const meets = (held: (Metrics & { source: string })[]) =>
    pooled(held).autoPrecision >= TARGET[language] &&
    (!independent.size || pooled(held.filter((f) => independent.has(f.source))).autoPrecision >= TARGET[language]);
  const margin = MARGINS.find((m) => meets(folds(m))) ?? MARGINS[MARGINS.length - 1];
  const held = folds(margin);
  const auto = chooseAuto(rows, TARGET[language] + margin);
  const review = chooseReview(rows, auto);
  out[language] = {
    auto,
    review,
    calibration: {
      questions: rows.length,
      sources: sources.length,
      target: TARGET[language],
      margin,
      leaveOneSourceOut: { ...pooled(held), independent: pooled(held.filter((f) => independent.has(f.source))), perSource: held },
      allSources: measure(rows, auto),
    },
  };
}

const ja = out.ja as { auto: number; review: number };
const file = {
  about:
    'Written by scripts/calibrate.ts. Per language: auto and review thresholds on the calibrated score (how likely the proposed item answers the question), the scale from the matcher’s confidence to that score, and the figures: leave-one-source-out (each customer set aside in turn) and on all sources.',
  auto: ja.auto,
  review: ja.review,
  ja: out.ja,
  en: out.en,
  scale,
  sets: dirs.map((d) => d.replace(`${root}/`, '')),
};
writeFileSync(defaultThresholdsPath, JSON.stringify(file, null, 2) + '\n');
for (const language of ['ja', 'en'] as Language[]) {
  const o = out[language] as {
    auto: number;
    review: number;
    calibration: { margin: number; leaveOneSourceOut: Metrics & { independent: Metrics }; allSources: Metrics };
  };
  const f = (m: Metrics) => `auto precision ${pct(m.autoPrecision)} (${m.autoRight}/${m.autoRows}), coverage ${pct(m.coverage)}, no-answer held back ${pct(m.heldBack)}`;
  console.log(`${language}: auto ≥ ${o.auto}, review ≥ ${o.review} (target raised by ${o.calibration.margin})`);
  console.log(`  leave-one-source-out: ${f(o.calibration.leaveOneSourceOut)}`);
  console.log(`    independent corpus: ${f(o.calibration.leaveOneSourceOut.independent)}`);
  console.log(`  all sources:          ${f(o.calibration.allSources)}`);
}

interface Metrics {
  autoRows: number;
  autoRight: number;
  autoPrecision: number;
  answerable: number;
  coverage: number;
  noAnswer: number;
  heldBack: number;
}

function measure(rows: Row[], t: number): Metrics {
  const auto = rows.filter((r) => r.eligible && r.score >= t);
  const autoRight = auto.filter((r) => r.right).length;
  const answerable = rows.filter((r) => r.q.items.length > 0).length;
  const noAnswer = rows.filter((r) => r.q.items.length === 0);
  return {
    autoRows: auto.length,
    autoRight,
    autoPrecision: round(auto.length ? autoRight / auto.length : 1),
    answerable,
    coverage: round(answerable ? autoRight / answerable : 0),
    noAnswer: noAnswer.length,
    heldBack: round(noAnswer.length ? noAnswer.filter((r) => !(r.eligible && r.score >= t)).length / noAnswer.length : 1),
  };
}

function pooled(folds: Metrics[]): Metrics {
  const sum = (k: keyof Metrics) => folds.reduce((n, f) => n + f[k], 0);
  const autoRows = sum('autoRows');
  const autoRight = sum('autoRight');
  const answerable = sum('answerable');
  const noAnswer = sum('noAnswer');
  const heldBack = folds.reduce((n, f) => n + f.heldBack * f.noAnswer, 0);
  return {
    autoRows,
    autoRight,
    autoPrecision: round(autoRows ? autoRight / autoRows : 1),
    answerable,
    coverage: round(answerable ? autoRight / answerable : 0),
    noAnswer,
    heldBack: round(noAnswer ? heldBack / noAnswer : 1),
  };
}

/** The lowest threshold (a score some row has) from which precision stays at the target wherever enough rows are auto. */
function chooseAuto(rows: Row[], target: number): number {
  const levels = [...new Set(rows.filter((r) => r.eligible).map((r) => r.score))].filter((s) => s > 0).sort((a, b) => a - b);
  const ok = levels.map((t) => {
    const m = measure(rows, t);
    return m.autoRows < MIN_AUTO || m.autoPrecision >= Math.min(1, target);
  });
  // The lowest level from which every higher one is fine.
  let at = levels.length;
  while (at > 0 && ok[at - 1]) at--;
  return at < levels.length ? levels[at] : 1;
}

/** The threshold below auto that writes the most more right guesses than wrong ones into the review band. */
function chooseReview(rows: Row[], auto: number): number {
  let best = auto;
  let bestGain = 0;
  for (const t of grid.filter((g) => g < auto)) {
    const gain = rows.filter((r) => r.guessed && r.score >= t && r.score < auto).reduce((g, r) => g + (r.right ? 1 : -1), 0);
    if (gain > bestGain) [best, bestGain] = [t, gain];
  }
  return best;
}

/** A rising curve through (confidence, share that is right), pooled where it would fall, as few points as it needs. */
function isotonic(pairs: [number, number][]): [number, number][] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const blocks: { x: number; y: number; n: number }[] = [];
  for (const [x, y] of sorted) {
    blocks.push({ x, y, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].y >= blocks[blocks.length - 1].y) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      blocks.push({ x: (a.x * a.n + b.x * b.n) / (a.n + b.n), y: (a.y * a.n + b.y * b.n) / (a.n + b.n), n: a.n + b.n });
    }
  }
  // Strictly rising from (0, ·) to (1, 1), so the order of two items never changes, even where all are right.
  const n = blocks.length;
  const points: [number, number][] = [[0, 0]];
  blocks.forEach((b, k) => {
    const prev = points[points.length - 1];
    const y = round4(Math.min(1 - 0.0005 * (n - k), Math.max(b.y, prev[1] + 0.0001)));
    if (b.x > prev[0] && b.x < 1 && y > prev[1]) points.push([round4(b.x), y]);
  });
  points.push([1, 1]);
  return points;
}

function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
function round4(x: number) {
  return Math.round(x * 10000) / 10000;
}
function pct(x: number) {
  return `${(100 * x).toFixed(1)}%`;
}
