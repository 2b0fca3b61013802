// npm run bench:store [-- --jobs 30 --questions 10000]
// Storing an upload as the database fills: the generated questionnaire is analysed once, then stored as
// `jobs` jobs one after another (new row ids each time); the time of each insert is printed for the first and
// the last five (their ratio says whether storing slows as the database grows), then the time to list the jobs
// with their counts by status. Then what the reviewers' decisions and the answer library cost an upload once
// they are many: a 40-question upload analysed with 10,000 decisions and 5,000 library answers, the first time
// (compiling them) and after, and reading them from the database for each upload; and the gaps report's
// grouping of the unanswered questions of two such uploads, beside comparing each with every group (its
// definition) as the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limitsOf, loadConfig } from '../src/config.js';
import { newId } from '../src/ids.js';
import { analyse } from '../src/pipeline/analyse.js';
import { currentKnowledge } from '../src/services/knowledge.js';
import { openStore, type Db } from '../src/store/db.js';
import { insertJob, listJobs } from '../src/store/jobs.js';
import { learnAlias } from '../src/store/aliases.js';
import { keepInLibrary } from '../src/store/library.js';
import { dice, groupNear, questionKey } from '../src/matching/near.js';
import { questionnaire } from './questionnaire.js';
import { numberOption as option } from './options.js';

const jobs = option('jobs', 30);
const questions = option('questions', 10_000);

const dir = mkdtempSync(join(tmpdir(), 'qmap-bench-store-'));
const bytes = await questionnaire(questions);
const config = loadConfig({ QMAP_DB: ':memory:' });
const base = currentKnowledge(openStore(':memory:'), config);
const analysis = analyse({ bytes, filename: 'q.xlsx', limits: limitsOf(config), overrides: {}, knowledge: base });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function fill(db: Db): { times: number[]; list: number } {
  const times: number[] = [];
  for (let j = 0; j < jobs; j++) {
    const rows = analysis.rows.map((r) => ({ ...r, id: newId() }));
    const job = { id: newId(), filename: 'q.xlsx', kind: analysis.kind, createdAt: new Date().toISOString(), createdBy: 'bench', language: analysis.language, sheets: analysis.sheets, notes: analysis.notes };
    const t = performance.now();
    insertJob(db, job, bytes, rows);
    times.push(performance.now() - t);
  }
  const lists = Array.from({ length: 5 }, () => {
    const t = performance.now();
    listJobs(db);
    return performance.now() - t;
  });
  db.close();
  return { times, list: median(lists) };
}

const show = (xs: number[]) => xs.map((x) => x.toFixed(0).padStart(4)).join(' ');
console.log(`${jobs} jobs of ${analysis.rows.length} rows, one after another; ms to store each`);
{
  const { times, list } = fill(openStore(join(dir, 'filling.db')));
  const first = times.slice(0, 5);
  const last = times.slice(-5);
  console.log(`first 5: ${show(first)}   last 5: ${show(last)}   last/first (medians) ${(median(last) / median(first)).toFixed(2)}   listing the jobs: ${list.toFixed(0)} ms`);
}

const small = await questionnaire(40);
const remembered = analysis.rows.map((r, i) => ({ text: r.text, itemNos: [1 + (i % 49)] }));
const answers = analysis.rows.slice(0, 5000).map((r, i) => ({ id: `L${i}`, question: r.text, answer: `回答 ${i}`, choice: null }));
const knowledge = { ...base, revision: 2, learned: remembered, library: answers };
const times = Array.from({ length: 6 }, () => {
  // A fresh copy each time, as a pool worker receives it with every upload; the same revision each time.
  const input = { bytes: small, filename: 'q.xlsx', limits: limitsOf(config), overrides: {}, knowledge: structuredClone(knowledge) };
  const t = performance.now();
  analyse(input);
  return performance.now() - t;
});
console.log(`a 40-question upload with ${remembered.length} reviewer decisions and ${answers.length} library answers: first ${times[0].toFixed(0)} ms, then ${show(times.slice(1))} ms`);

// What the server's main thread reads for each upload: the decisions and library as stored.
const db = openStore(join(dir, 'remembered.db'));
db.transaction(() => {
  remembered.forEach((a, i) => learnAlias(db, `${i} ${questionKey(a.text)}`, a.text, a.itemNos, 'bench', null));
  answers.forEach((a, i) => keepInLibrary(db, { norm: `${i} ${questionKey(a.question)}`, question: a.question, answer: a.answer, choice: null, jobId: null }, 'bench'));
})();
const reads = Array.from({ length: 6 }, () => {
  const t = performance.now();
  currentKnowledge(db, config);
  return performance.now() - t;
});
console.log(`reading them from the database for an upload: first ${reads[0].toFixed(1)} ms, then ${reads.slice(1).map((r) => r.toFixed(1)).join(' ')} ms (kept while the knowledge revision stays)`);
db.close();

const unanswered = analysis.rows.filter((r) => r.status === 'unmatched').map((r) => questionKey(r.text));
const keys = [...unanswered, ...unanswered];
let t = performance.now();
const grouped = groupNear(keys, 0.6);
const indexed = performance.now() - t;
t = performance.now();
const firsts: string[] = [];
const naive = keys.map((k) => {
  const g = firsts.findIndex((f) => dice(f, k) >= 0.6);
  return g >= 0 ? g : firsts.push(k) - 1;
});
const compared = performance.now() - t;
const same = naive.every((g, i) => g === grouped[i]);
console.log(`grouping ${keys.length} unanswered questions for the gaps report: ${indexed.toFixed(0)} ms; comparing each with every group: ${compared.toFixed(0)} ms (${same ? 'the same groups' : 'DIFFERENT GROUPS'})`);
rmSync(dir, { recursive: true, force: true });
