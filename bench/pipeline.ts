// npm run bench:pipeline [-- --sizes 100,1000,10000 --runs 5 --no-http]
// What a request costs next to its one unavoidable part, SheetJS reading the file. For questionnaires of
// each size (bench/questionnaire.ts) it measures, in this process and on the same bytes, alternating so a
// busy machine slows both alike: the floor (XLSX.read), qmap's pipeline (read, detect, match, write the
// prefilled workbook), and the HTTP upload + download round trip against the server with its worker pool.
// Peak RSS is a fresh child process running the pipeline once, so the generator and earlier sizes do not count.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { buildApp } from '../src/app.js';
import { limitsOf, loadConfig } from '../src/config.js';
import { labelledQuestions, readLabels } from '../src/labels.js';
import { questionKey } from '../src/matching/near.js';
import { analyse, type AnalyseInput } from '../src/pipeline/analyse.js';
import { createPool } from '../src/pipeline/pool.js';
import { prefill } from '../src/pipeline/prefill.js';
import { currentKnowledge } from '../src/services/knowledge.js';
import { learnAlias } from '../src/store/aliases.js';
import { openStore, type Db } from '../src/store/db.js';
import { keepInLibrary } from '../src/store/library.js';
import { createToken } from '../src/store/tokens.js';
import { readBook } from '../src/workbook/read.js';
import { detect } from '../src/workbook/detect.js';
import { option } from './options.js';
import { questionnaire } from './questionnaire.js';

const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / median(xs);

/** A store as a working server has it: the 49 items, some reviewer decisions and library answers. */
function store(dir: string): Db {
  const db = openStore(join(dir, 'qmap.db'));
  const qs = labelledQuestions(readLabels(join(import.meta.dirname, '../fixtures/matching/paraphrases')));
  qs.forEach((q, i) => {
    learnAlias(db, questionKey(q.text), q.text, q.items, 'bench', null);
    if (i % 2 === 0) keepInLibrary(db, { norm: questionKey(q.text), question: q.text, answer: `回答例 ${i}: 当社の規程に基づき対応しています。`, choice: null, jobId: null }, 'bench');
  });
  return db;
}

function inputFor(db: Db, bytes: Uint8Array): AnalyseInput {
  const config = loadConfig({ QMAP_DB: ':memory:' });
  return {
    bytes,
    filename: 'questionnaire.xlsx',
    limits: limitsOf(config),
    overrides: {},
    knowledge: currentKnowledge(db, config),
  };
}

interface Stages {
  analyse: number;
  write: number;
  questions: number;
  size: number;
}

/** The pipeline as the service runs it, minus storage and HTTP: what one upload and its download cost. */
function pipeline(db: Db, bytes: Uint8Array): Stages {
  let t = performance.now();
  const input = inputFor(db, bytes);
  const analysis = analyse(input);
  const analyseMs = performance.now() - t;
  t = performance.now();
  const out = prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items: input.knowledge.items, language: analysis.language, copy: 'review' });
  return { analyse: analyseMs, write: performance.now() - t, questions: analysis.rows.length, size: out.bytes.length };
}

const floor = (bytes: Uint8Array) => {
  const t = performance.now();
  XLSX.read(bytes, { type: 'array', dense: true });
  return performance.now() - t;
};

/** Child mode: run the pipeline once on a file and report the peak RSS. */
if (args[0] === '--rss') {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-bench-rss-'));
  const db = store(dir);
  pipeline(db, new Uint8Array(readFileSync(args[1])));
  process.stdout.write(String(process.resourceUsage().maxRSS / 1024));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const sizes = (option('sizes') ?? '100,1000,10000').split(',').map(Number);
const runsFor = (n: number) => Number(option('runs') ?? (n >= 10_000 ? 5 : n >= 1000 ? 9 : 21));
const http = !args.includes('--no-http');
const dir = mkdtempSync(join(tmpdir(), 'qmap-bench-pipeline-'));
const db = store(dir);

const files = new Map<number, { path: string; bytes: Uint8Array; line?: string; rss?: number }>();
for (const n of sizes) {
  const bytes = await questionnaire(n);
  const path = join(dir, `questionnaire-${n}.xlsx`);
  writeFileSync(path, bytes);
  files.set(n, { path, bytes });
}

console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('size      KB  floor ms  read+detect  match*  write   pipeline  ×floor  spread  http ms  ×floor  peak RSS');
const rows: { n: number; pipeline: number }[] = [];
for (const n of sizes) {
  const { path, bytes } = files.get(n)!;
  const runs = runsFor(n);
  const floors: number[] = [];
  const totals: number[] = [];
  const analyses: number[] = [];
  const writes: number[] = [];
  const reads: number[] = [];
  let questions = 0;
  pipeline(db, bytes); // warm-up: JIT, lexicon, caches a long-running server already has
  floor(bytes);
  for (let i = 0; i < runs; i++) {
    floors.push(floor(bytes));
    const s = pipeline(db, bytes);
    questions = s.questions;
    analyses.push(s.analyse);
    writes.push(s.write);
    totals.push(s.analyse + s.write);
    const t = performance.now();
    detect(readBook(bytes, 'q.xlsx', inputFor(db, bytes).limits));
    reads.push(performance.now() - t);
  }
  const rss = Number(execFileSync(process.execPath, [...process.execArgv, self, '--rss', path], { encoding: 'utf8' }));
  const f = median(floors);
  const p = median(totals);
  rows.push({ n, pipeline: p });
  const line = [
    `${n}`.padEnd(8),
    `${(bytes.length / 1024).toFixed(0)}`.padStart(5),
    `${f.toFixed(0)}`.padStart(9),
    `${median(reads).toFixed(0)}`.padStart(12),
    `${(median(analyses) - median(reads)).toFixed(0)}`.padStart(7),
    `${median(writes).toFixed(0)}`.padStart(6),
    `${p.toFixed(0)}`.padStart(10),
    `${(p / f).toFixed(2)}`.padStart(7),
    `±${(50 * spread(totals.map((t, i) => t / floors[i]))).toFixed(0)}%`.padStart(7),
  ];
  if (questions !== n) line.push(`  (detected ${questions} questions of ${n}!)`);
  Object.assign(files.get(n)!, { line: line.join(''), rss });
}

const httpMs = new Map<number, { ms: number; floor: number; upload: number; cpu: number }>();
if (http) {
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db'), QMAP_LOG_LEVEL: 'warn' });
  const pool = createPool(config);
  const app = await buildApp({ config, db, runner: pool, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const auth = { authorization: `Bearer ${createToken(db, 'reviewer', 'bench').secret}` };
  const roundTrip = async (bytes: Uint8Array) => {
    const t = performance.now();
    // CPU of every thread (server, its workers, the client): less at the mercy of a busy machine than time is.
    const cpu = process.cpuUsage();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(bytes)]), 'questionnaire.xlsx');
    const up = await fetch(`${url}/v1/questionnaires`, { method: 'POST', body: form, headers: auth });
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
    // The body (every row) is received but not parsed: a client parses it on its own machine, not the server's.
    await up.arrayBuffer();
    const id = up.headers.get('location')!.split('/').pop()!;
    const uploaded = performance.now();
    const down = await fetch(`${url}/v1/questionnaires/${id}/download`, { headers: auth });
    await down.arrayBuffer();
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    await fetch(`${url}/v1/questionnaires/${id}`, { method: 'DELETE', headers: auth });
    return { ms, upload: uploaded - t, cpu: (used.user + used.system) / 1000 };
  };
  for (const n of sizes) {
    const { bytes } = files.get(n)!;
    const floors: number[] = [];
    const trips: number[] = [];
    const uploads: number[] = [];
    const cpus: number[] = [];
    await roundTrip(bytes); // warm-up, as above
    await roundTrip(bytes);
    for (let i = 0; i < Math.max(3, Math.ceil(runsFor(n) / 2)); i++) {
      floors.push(floor(bytes));
      const trip = await roundTrip(bytes);
      trips.push(trip.ms);
      uploads.push(trip.upload);
      cpus.push(trip.cpu);
    }
    httpMs.set(n, { ms: median(trips), floor: median(floors), upload: median(uploads), cpu: median(cpus) });
  }
  await app.close();
  await pool.close();
}

for (const n of sizes) {
  const f = files.get(n)!;
  const h = httpMs.get(n);
  console.log(
    f.line! +
      (h ? `${h.ms.toFixed(0)}`.padStart(9) + `${(h.ms / h.floor).toFixed(2)}`.padStart(8) : '        -       -') +
      `${f.rss!.toFixed(0)} MB`.padStart(10) +
      (h ? `   (upload ${h.upload.toFixed(0)} ms, download ${(h.ms - h.upload).toFixed(0)} ms, CPU ${h.cpu.toFixed(0)} ms)` : ''),
  );
}
const at = (n: number) => rows.find((r) => r.n === n)?.pipeline;
if (at(1000) && at(10_000)) console.log(`10,000 questions cost ${(at(10_000)! / at(1000)!).toFixed(1)}× 1,000 questions`);
console.log('floor: XLSX.read(bytes, { dense: true }); match* = analyse − read+detect (both medians); spread: half the min–max range of pipeline/floor over the runs; CPU: all threads, per round trip');
db.close();
rmSync(dir, { recursive: true, force: true });
