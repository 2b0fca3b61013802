// Matching accuracy of qmap against a naive baseline, side by side, on a labelled set.
// Usage: npm run bench:accuracy [-- <folder with labels.json>] [--misses]
// Default folder: ../shared/eval/dev. Questions are taken from labels.json (section null).

import Fuse from 'fuse.js';
import { join, resolve } from 'node:path';
import { createMatcher } from '../src/matching/matcher.js';
import { reasonText } from '../src/matching/reasons.js';
import type { Proposal } from '../src/domain.js';
import { devSetDir, loadItemsFile, loadLabelled, metrics, type Labelled, type Metrics } from '../src/matching/evaluate.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? devSetDir(join(import.meta.dirname, '..')) ?? join(import.meta.dirname, '../../shared/eval/dev'));
const showMisses = args.includes('--misses');

const items = loadItemsFile(join(import.meta.dirname, '../fixtures/meti-items.json'));
const questions = loadLabelled(dir);

// qmap
let t0 = performance.now();
const matcher = createMatcher({ items });
const createMs = performance.now() - t0;
const results = matcher.matchAll(questions.map((q) => ({ text: q.text, section: null })));

// Baseline: fuse.js with default options over title + description, first hit, always written.
const fuse = new Fuse(items, { keys: ['title', 'description'] });
const baseline: Proposal[] = questions.map((q) => {
  const hits = fuse.search(q.text);
  const top = hits[0]?.item;
  return {
    status: top ? 'auto' : 'unmatched',
    itemNos: top ? [top.no] : [],
    score: top ? 1 : 0,
    candidates: hits.slice(0, 3).map((h) => ({ itemNo: h.item.no, score: 1 - (h.score ?? 1), terms: [] })),
    reasons: [],
    source: 'lexicon',
    libraryId: null,
  };
});

// Speed: a 1,000-question workbook, matched cold (new matcher, as per upload).
const thousand = Array.from({ length: 1000 }, (_, i) => ({ text: questions[i % questions.length].text, section: null }));
t0 = performance.now();
createMatcher({ items }).matchAll(thousand);
const perThousandMs = performance.now() - t0;
t0 = performance.now();
fuse.search('warm-up');
for (const q of thousand) fuse.search(q.text);
const baselinePerThousandMs = performance.now() - t0;

const q = metrics(questions, results);
const b = metrics(questions, baseline);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rows: [string, (m: Metrics) => string][] = [
  ['top-1 accuracy (answerable)', (m) => pct(m.top1)],
  ['top-3 accuracy (answerable)', (m) => pct(m.top3)],
  ['auto precision', (m) => `${pct(m.autoPrecision)} (${m.autoRight}/${m.autoRows})`],
  ['auto coverage (answerable)', (m) => pct(m.autoCoverage)],
  ['no-answer held back from auto', (m) => `${pct(m.heldBack)} (${m.heldBackCount}/${m.noAnswer})`],
  ['rows auto / review / unmatched', (m) => `${m.statusCounts.auto} / ${m.statusCounts.review} / ${m.statusCounts.unmatched}`],
];
console.log(`set: ${dir}`);
console.log(`${questions.length} questions, ${q.answerable} answerable, ${q.noAnswer} with no item\n`);
console.log(`${'metric'.padEnd(34)}${'qmap'.padEnd(24)}baseline (fuse.js defaults)`);
for (const [name, f] of rows) console.log(`${name.padEnd(34)}${f(q).padEnd(24)}${f(b)}`);
console.log(`${'ms per 1,000 questions'.padEnd(34)}${perThousandMs.toFixed(0).padEnd(24)}${baselinePerThousandMs.toFixed(0)}`);
console.log(`(creating the matcher: ${createMs.toFixed(0)} ms, included above for a fresh one)`);

if (showMisses) {
  console.log('\nqmap rows that are wrong or not auto:');
  questions.forEach((lq: Labelled, i) => {
    const r = results[i];
    const right = r.itemNos.length > 0 && lq.items.includes(r.itemNos[0]) && r.itemNos.every((n) => lq.items.includes(n) || lq.also.includes(n));
    const fine = lq.items.length === 0 ? r.status !== 'auto' : r.status === 'auto' && right;
    if (fine) return;
    console.log(`- [${r.status} ${r.score}] ${JSON.stringify(lq.text)} → chose ${JSON.stringify(r.itemNos)} candidates ${r.candidates.map((c) => c.itemNo).join(',')}; label ${JSON.stringify(lq.items)} also ${JSON.stringify(lq.also)}`);
    console.log(`    ${r.reasons.map((m) => reasonText(m, 'en')).join(' | ')}`);
  });
}
