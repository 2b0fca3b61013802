// Matching accuracy of qmap against a naive baseline (fuse.js over the items' titles and descriptions), side by
// side in the same run, per language and per source (fictional customer), on labelled sets.
// Usage: npm run bench:accuracy [-- <folder with labels.json> ...] [--misses] [--sources]
// Default: every labelled set there is (the shared dev set, the hold-outs, fixtures/eval-match-ja and -en).
// The figures on sets the lexicon was grown on flatter it; fixtures/thresholds.json holds the leave-one-source-out ones.

import Fuse from 'fuse.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Language, Proposal } from '../src/domain.js';
import { createMatcher, defaultThresholdsPath } from '../src/matching/matcher.js';
import { messageText as reasonText } from '../src/messages.js';
import { evalSetDirs, isRight, loadItemsFile, metrics, proposeAll, type Metrics } from '../src/matching/evaluate.js';
import { loadEvalSet, type EvalQuestion } from '../src/matching/eval-sets.js';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const given = args.filter((a) => !a.startsWith('--'));
const dirs = given.length ? given.map((d) => resolve(d)) : evalSetDirs(root);
const items = loadItemsFile(join(root, 'fixtures/meti-items.json'));
const questions = dirs.flatMap(loadEvalSet);

let t0 = performance.now();
const results = proposeAll(createMatcher({ items }), questions);
const qmapMs = performance.now() - t0;

// Baseline: fuse.js with default options over title + description, first hit, always written.
const fuse = new Fuse(items, { keys: ['title', 'description'] });
t0 = performance.now();
const baseline = questions.map((q): Proposal => {
  const hits = fuse.search(q.text);
  return {
    status: hits.length ? 'auto' : 'unmatched',
    itemNos: hits.slice(0, 1).map((h) => h.item.no),
    score: hits.length ? 1 : 0,
    candidates: hits.slice(0, 3).map((h) => ({ itemNo: h.item.no, score: 1 - (h.score ?? 1), terms: [] })),
    reasons: [],
    source: 'lexicon',
    libraryId: null,
  };
});
const baselineMs = performance.now() - t0;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
const line = (m: Metrics) =>
  `${pct(m.autoPrecision)} ${`(${m.autoRight}/${m.autoRows})`.padEnd(10)}${pct(m.top1)}  ${pct(m.autoCoverage)}  ${pct(m.heldBack)} ${`(${m.heldBackCount}/${m.noAnswer})`.padEnd(10)}`;
const header = `${'auto precision'.padEnd(18)}${'top-1'.padEnd(8)}${'coverage'.padEnd(9)}no-answer held back`;
const indexes = (keep: (q: EvalQuestion) => boolean) => questions.flatMap((q, i) => (keep(q) ? [i] : []));
const measure = (rs: Proposal[], at: number[]) => metrics(at.map((i) => questions[i]), at.map((i) => rs[i]));

console.log(`sets: ${dirs.map((d) => d.replace(`${root}/`, '')).join(', ')}`);
console.log(`${questions.length} questions; qmap ${qmapMs.toFixed(0)} ms, baseline ${baselineMs.toFixed(0)} ms (matcher made once, included)\n`);
for (const language of ['ja', 'en'] as Language[]) {
  const all = indexes((q) => q.language === language);
  if (!all.length) continue;
  const q = measure(results, all);
  console.log(`${language === 'ja' ? 'Japanese' : 'English'}: ${all.length} questions, ${q.answerable} answerable, ${q.noAnswer} with no item`);
  console.log(`  ${''.padEnd(34)}qmap: ${header}   | baseline: ${header}`);
  const row = (name: string, at: number[]) => console.log(`  ${name.slice(0, 34).padEnd(34)}      ${line(measure(results, at))} |           ${line(measure(baseline, at))}`);
  row('all', all);
  const sources = [...new Set(all.map((i) => questions[i].source))];
  for (const source of sources) row(`  ${source}`, indexes((q) => q.language === language && q.source === source));
  console.log('');
}

// The honest figures for a customer never seen: each source set aside in turn when the threshold was chosen.
interface HeldOut {
  autoPrecision: number;
  autoRight: number;
  autoRows: number;
  coverage: number;
  heldBack: number;
}
const calibrated = JSON.parse(readFileSync(defaultThresholdsPath, 'utf8')) as Partial<
  Record<Language, { auto: number; calibration: { leaveOneSourceOut: HeldOut & { independent: HeldOut } } }>
>;
for (const language of ['ja', 'en'] as Language[]) {
  const held = calibrated[language]?.calibration.leaveOneSourceOut;
  if (!held) continue;
  const f = (m: HeldOut) =>
    `auto precision ${pct(m.autoPrecision).trim()} (${m.autoRight}/${m.autoRows}), coverage ${pct(m.coverage).trim()}, no-answer held back ${pct(m.heldBack).trim()}`;
  console.log(`${language} leave-one-source-out (fixtures/thresholds.json, auto ≥ ${calibrated[language]!.auto}): ${f(held)}`);
  console.log(`   of which the independent corpus: ${f(held.independent)}`);
}
console.log('');

if (args.includes('--misses')) {
  console.log('qmap rows that are wrong or not auto:');
  questions.forEach((q, i) => {
    const r = results[i];
    const fine = q.items.length === 0 ? r.status !== 'auto' : r.status === 'auto' && isRight(q, r.itemNos);
    if (fine) return;
    const label = `${q.kind} ${JSON.stringify(q.items)} also ${JSON.stringify(q.also)}`;
    console.log(`- [${r.status} ${r.score}] ${JSON.stringify(q.text)} → ${JSON.stringify(r.itemNos)} (${r.candidates.map((c) => `${c.itemNo}:${c.score}`).join(' ')}); ${label} [${q.source}]`);
    console.log(`    ${r.reasons.map((m) => reasonText(m, 'en')).join(' | ')}`);
  });
}
