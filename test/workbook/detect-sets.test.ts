// Given every labelled questionnaire set in the repository, qmap finds the labelled question rows and puts their
// answers and choices in the labelled cells — and still does with every header cell replaced by neutral words
// (列1, 項目B, Field 3), reading the table from its content and shape alone.
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { isLabelledSet, precision, recall, scoreSet, type Counts } from '../helpers/detect-eval.js';

const sets = readdirSync(fixturesDir)
  .filter((d) => /^eval-(holdout|detect)/.test(d))
  .map((d) => join(fixturesDir, d))
  .filter(isLabelledSet);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const both = (c: Counts) => `precision ${pct(precision(c))}, recall ${pct(recall(c))}`;

t.test('the committed labelled sets are there', async (t) => {
  t.ok(sets.some((s) => s.endsWith('eval-detect')), 'the independent corpus is among them');
  t.ok(sets.length >= 4);
});

for (const dir of sets) {
  const name = dir.split('/').pop();
  t.test(`${name}: question rows, answer and choice cells as labelled (≥ 99% precision and recall)`, async (t) => {
    const s = scoreSet(dir);
    for (const [what, c] of [['question rows', s.rows], ['answer cells', s.answers], ['choice cells', s.choices]] as const) {
      t.ok(precision(c) >= 0.99 && recall(c) >= 0.99, `${what}: ${both(c)}`);
    }
  });
  t.test(`${name}, header-blind: ≥ 95% of question rows found, the right answer column in ≥ 90% of sheets`, async (t) => {
    const s = scoreSet(dir, { blind: true });
    t.ok(recall(s.rows) >= 0.95, `question rows: ${both(s.rows)}`);
    t.ok(s.sheetsAnswerRight >= 0.9 * s.sheets, `answer column right in ${s.sheetsAnswerRight} of ${s.sheets} sheets`);
  });
}
