// npm run bench:detect [folder]
// Reads every workbook of an evaluation folder (default ../shared/eval/dev) and compares detection with
// its labels.json: question-row precision and recall, and whether each question's answer and choice
// cells sit in the labelled columns. A folder without labels.json gets a plain report of what was found.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isQmapError } from '../src/errors.js';
import { readLabels, type LabelSheet } from '../src/labels.js';
import { root } from '../src/paths.js';
import { detect } from '../src/workbook/detect.js';
import { readBook } from '../src/workbook/read.js';
import type { Detection, Limits, SheetDetection } from '../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const folder = resolve(process.argv[2] ?? join(root, '..', 'shared', 'eval', 'dev'));
const workbook = /\.(xlsx|xlsm|xls|ods|csv)$/i;

function run(file: string): { detection: Detection | null; ms: number; error?: string } {
  const t = performance.now();
  try {
    const bytes = readFileSync(join(folder, file));
    const detection = detect(readBook(bytes, file, limits));
    return { detection, ms: performance.now() - t };
  } catch (e) {
    if (!isQmapError(e)) throw e;
    return { detection: null, ms: performance.now() - t, error: `${e.code}: ${e.message}` };
  }
}

const pct = (n: number, d: number) => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));
const column = (a1: string | null) => (a1 === null ? null : a1.replace(/\d+$/, ''));

function describe(s: SheetDetection): string {
  return `header ${s.headerRow ?? '-'}  Q ${s.questionColumn ?? '-'}  A ${s.answerColumn ?? '-'}  choice ${s.choiceColumn ?? '-'}${s.choices ? ` [${s.choices.join('/')}]` : ''}  ${s.questions.length} questions`;
}

const labelsPath = join(folder, 'labels.json');
if (!existsSync(labelsPath)) {
  for (const file of readdirSync(folder).filter((f) => workbook.test(f)).sort()) {
    const { detection, ms, error } = run(file);
    console.log(`${file}  (${ms.toFixed(0)} ms)${error ? `\n  ${error}` : ''}`);
    for (const s of detection?.sheets ?? []) console.log(`  ${s.name}: ${describe(s)}\n    ${s.reason}`);
  }
  process.exit(0);
}

const labels = readLabels(folder);
let tp = 0, fp = 0, fn = 0, textOk = 0;
let cellsChecked = 0, answerOk = 0, choiceOk = 0;
let sheetsChecked = 0, sheetsOk = 0;
const problems: string[] = [];

for (const wb of labels.workbooks) {
  const { detection, ms, error } = run(wb.file);
  console.log(`${wb.file}  (${ms.toFixed(0)} ms)${error ? `\n  ${error}` : ''}`);
  for (const label of wb.sheets) {
    const got = detection?.sheets.find((s) => s.name === label.name);
    const found = new Map((got?.questions ?? []).map((q) => [q.row, q]));
    const wanted = new Set(label.questions.map((q) => q.row));
    for (const q of label.questions) {
      const g = found.get(q.row);
      if (!g) {
        fn++;
        problems.push(`${wb.file} ${label.name}!${q.row}: missed ${JSON.stringify(q.text.slice(0, 40))}`);
        continue;
      }
      tp++;
      if (g.text === q.text) textOk++;
      else problems.push(`${wb.file} ${label.name}!${q.row}: text ${JSON.stringify(g.text.slice(0, 40))} ≠ ${JSON.stringify(q.text.slice(0, 40))}`);
      cellsChecked++;
      if (column(g.answerCell) === label.answerColumn) answerOk++;
      else problems.push(`${wb.file} ${label.name}!${q.row}: answer cell ${g.answerCell}, want column ${label.answerColumn}`);
      if (column(g.choiceCell) === label.choiceColumn) choiceOk++;
      else problems.push(`${wb.file} ${label.name}!${q.row}: choice cell ${g.choiceCell}, want column ${label.choiceColumn}`);
    }
    for (const q of got?.questions ?? []) {
      if (wanted.has(q.row)) continue;
      fp++;
      problems.push(`${wb.file} ${label.name}!${q.row}: not a question ${JSON.stringify(q.text.slice(0, 40))}`);
    }
    sheetsChecked++;
    const same =
      (got?.headerRow ?? null) === label.headerRow &&
      (got?.questionColumn ?? null) === label.questionColumn &&
      (got?.answerColumn ?? null) === label.answerColumn &&
      (got?.choiceColumn ?? null) === label.choiceColumn &&
      JSON.stringify(got?.choices ?? null) === JSON.stringify(label.choices);
    if (same) sheetsOk++;
    else problems.push(`${wb.file} ${label.name}: got ${got ? describe(got) : 'nothing'}; want header ${label.headerRow ?? '-'} Q ${label.questionColumn ?? '-'} A ${label.answerColumn ?? '-'} choice ${label.choiceColumn ?? '-'}${label.choices ? ` [${label.choices.join('/')}]` : ''}`);
    console.log(`  ${label.name}: ${got ? describe(got) : 'not found'}`);
  }
}

console.log('');
if (problems.length) console.log(problems.map((p) => `  ${p}`).join('\n') + '\n');
console.log(`question rows   precision ${pct(tp, tp + fp)}%  recall ${pct(tp, tp + fn)}%  (${tp} found, ${fp} extra, ${fn} missed)`);
console.log(`question text   exact ${pct(textOk, tp)}%`);
console.log(`answer cells    in the labelled column ${pct(answerOk, cellsChecked)}%`);
console.log(`choice cells    in the labelled column ${pct(choiceOk, cellsChecked)}%`);
console.log(`sheets          header, columns and choices all as labelled ${pct(sheetsOk, sheetsChecked)}% (${sheetsOk}/${sheetsChecked})`);
