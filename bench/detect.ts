// npm run bench:detect [-- <set folder> …] [--problems]
// Compares detection with the labels of every labelled set — ../shared/eval/dev, fixtures/eval-holdout*,
// fixtures/eval-detect* by default — as read and header-blind (every header cell replaced by neutral words), and
// prints per set: question-row precision and recall, answer and choice cells in the labelled place, and sheets whose
// answer column is right. --problems lists every difference.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { root } from '../src/paths.js';
import { isLabelledSet, precision, recall, scoreSet, type Counts, type SetScore } from '../test/helpers/detect-eval.js';

const args = process.argv.slice(2);
const showProblems = args.includes('--problems');
const given = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
const fixtures = join(root, 'fixtures');
const defaults = [
  join(root, '..', 'shared', 'eval', 'dev'),
  ...readdirSync(fixtures)
    .filter((d) => /^eval-(holdout|detect)/.test(d))
    .sort()
    .map((d) => join(fixtures, d)),
].filter((d) => existsSync(d) && isLabelledSet(d));
const sets = given.length ? given : defaults;

const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
const pr = (c: Counts) => `${pct(precision(c))} ${pct(recall(c))}`;
const line = (name: string, s: SetScore) =>
  `${name.padEnd(30)} ${pr(s.rows)}   ${pr(s.answers)}   ${pr(s.choices)}   ${`${s.sheetsAnswerRight}/${s.sheets}`.padStart(7)}  ${`${s.sheetsExact}/${s.sheets}`.padStart(7)}  ${s.ms.toFixed(0).padStart(6)}`;

console.log(`${'set'.padEnd(30)} rows P/R %    answers P/R %  choices P/R %  answer✓  exact     ms`);
const all: { name: string; score: SetScore }[] = [];
for (const dir of sets) {
  for (const blind of [false, true]) {
    const name = `${basename(dir)}${blind ? ' (header-blind)' : ''}`;
    const score = scoreSet(dir, { blind });
    all.push({ name, score });
    console.log(line(name, score));
  }
}
if (showProblems) {
  for (const { name, score } of all) if (score.problems.length) console.log(`\n${name}\n${score.problems.map((p) => `  ${p}`).join('\n')}`);
}
