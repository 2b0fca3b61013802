import t from 'tap';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRight, loadLabelled, metrics, ranking } from '../../src/matching/evaluate.js';
import type { Proposal } from '../../src/domain.js';

const result = (status: Proposal['status'], itemNos: number[], best: number | null, alts: number[] = []): Proposal => ({
  status,
  itemNos,
  score: 0.5,
  candidates: [...itemNos, ...(best === null ? [] : [best]), ...alts].map((itemNo) => ({ itemNo, score: 0.5, terms: [] })),
  reasons: [],
  source: 'lexicon',
  libraryId: null,
});

t.test('an answer is right when its first item answers and a second is at least partial', async (t) => {
  const q = { text: '', items: [30, 32], also: [7] };
  t.ok(isRight(q, [30]));
  t.ok(isRight(q, [32, 7]));
  t.notOk(isRight(q, [7]), 'a partial answer alone is not right');
  t.notOk(isRight(q, [30, 28]));
  t.notOk(isRight({ text: '', items: [], also: [] }, [1]));
});

t.test('metrics: top-1, top-3, auto precision and coverage, no-answer held back', async (t) => {
  const qs = [
    { text: 'a', items: [1], also: [] },
    { text: 'b', items: [2], also: [] },
    { text: 'c', items: [], also: [] },
    { text: 'd', items: [], also: [] },
  ];
  const m = metrics(qs, [
    result('auto', [1], 1),
    result('review', [5], 5, [6, 2]),
    result('auto', [3], 3),
    result('unmatched', [], 4),
  ]);
  t.equal(m.top1, 0.5);
  t.equal(m.top3, 1);
  t.equal(m.autoPrecision, 0.5);
  t.equal(m.autoCoverage, 0.5);
  t.equal(m.heldBack, 0.5);
  t.same(ranking(result('auto', [28, 32], 28, [30])), [28, 32, 30]);
});

t.test('a labelled set is read from labels.json', async (t) => {
  const qs = loadLabelled(fileURLToPath(new URL('../../fixtures/matching/paraphrases', import.meta.url)));
  t.ok(qs.length > 50);
  t.ok(qs.some((q) => q.items.length === 0), 'it has questions no item answers');
});

t.test('a labels.json that does not follow the format is refused, naming the field', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-labels-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'labels.json'), JSON.stringify({ workbooks: [{ file: 'a.xlsx', sheets: [{ name: 'S', questions: [{ row: 3, text: 'Q', items: '28' }] }] }] }));
  t.throws(() => loadLabelled(dir), /items/);
  writeFileSync(join(dir, 'labels.json'), JSON.stringify({ workbooks: [{ file: 'a.xlsx', sheets: [{ name: 'S', questions: [{ row: 3, text: 'Q', items: [28] }] }] }] }));
  t.same(loadLabelled(dir), [{ text: 'Q', items: [28], also: [] }], 'also and the table columns may be left out');
});

t.test('an evaluation set is read as the product reads it: each question with its section, language, customer and kind', async (t) => {
  const { loadEvalSet } = await import('../../src/matching/eval-sets.js');
  const qs = loadEvalSet(fileURLToPath(new URL('../../fixtures/eval-match-ja', import.meta.url)));
  t.ok(qs.length >= 300);
  t.ok(qs.every((q) => q.language === 'ja'));
  t.ok(new Set(qs.map((q) => q.source)).size >= 10, 'ten customers, each its own source');
  t.same([...new Set(qs.map((q) => q.kind))].sort(), ['answerable', 'near-miss', 'none']);
  t.ok(qs.some((q) => q.section === '当金庫記入欄'), 'sections come from detection');
  const en = loadEvalSet(fileURLToPath(new URL('../../fixtures/eval-match-en', import.meta.url)));
  t.ok(en.every((q) => q.language === 'en'));
});
