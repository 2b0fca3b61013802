// A large upload that finds the pool idle is analysed in two parts on two workers at once; behind another upload,
// or with one worker, it is one task. Either way it gets the same rows, the same refusals and the same limits.
import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { limitsOf, loadConfig, type Config } from '../../src/config.js';
import { QmapError } from '../../src/errors.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import type { AnalyseInput, Analysis } from '../../src/pipeline/analyse.js';
import { createPool, type Pool } from '../../src/pipeline/pool.js';
import { STORED_QUESTION } from '../../src/store/jobs.js';
import type { Prepared } from '../../src/pipeline/task.js';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);
const items = loadItemsFile(fileURLToPath(fixture('meti-items.json')));
const config = (env: Record<string, string>) => loadConfig({ QMAP_PARSE_TIMEOUT_S: '60', QMAP_PARSE_MEMORY_MB: '384', ...env });

const upload = (bytes: Uint8Array, filename: string): AnalyseInput => ({
  bytes,
  filename,
  limits: limitsOf(config({})),
  overrides: {},
  items,
  learned: [],
  library: [],
});

/** A pool that splits uploads of any size, as it does large ones. */
function started(t: Test, c: Config, worker?: URL) {
  const pool = createPool(c, { worker, splitFrom: 0 });
  t.teardown(() => pool.close());
  return pool;
}

/** The pool answers with rows prepared for storing. */
function prepared(a: Analysis | Prepared): Prepared {
  if (!('stored' in a)) throw new Error('the pool answers with prepared rows');
  return a;
}

function masked(a: Analysis | Prepared) {
  const p = prepared(a);
  return {
    ...p,
    stored: p.stored.map(([, ...rest]) => rest),
    rowsJson: Buffer.concat(p.rowsJson).toString('utf8').replace(/"id":"[\w-]{22}"/g, '"id":"…"'),
  };
}

t.test('with two workers an upload is split, and stores exactly the rows one worker gives', async (t) => {
  const one = started(t, config({ QMAP_WORKERS: '1' }));
  const two = started(t, config({ QMAP_WORKERS: '2' }));
  for (const path of ['eval-holdout/02-city-shinonome-cloud-kakuninsho.xlsx', 'eval-holdout3/01-securities-minato-vendor-risk.xlsx']) {
    const bytes = new Uint8Array(readFileSync(fixture(path)));
    const whole = masked(await one.analyser(upload(bytes, path)));
    t.ok(whole.stored.length > 30, `${path}: ${whole.stored.length} rows`);
    t.strictSame(masked(await two.analyser(upload(bytes, path))), whole, path);
  }
  t.equal(two.split(), 2, 'both uploads were split');
  t.equal(one.split(), 0, 'one worker: never split');
});

t.test('a bad file is still refused in plain words (4xx), not a 500', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2' }));
  const bytes = new Uint8Array(readFileSync(fixture('workbooks/bad-encrypted.xlsx')));
  // Only a QmapError has a status: anything else is answered 500.
  await t.rejects(two.analyser(upload(bytes, 'bad-encrypted.xlsx')), { code: 'password_protected', status: 422 });
  t.equal(two.split(), 1);
});

const parts = new URL('./fixtures/part-worker.ts', import.meta.url);
const fake = (filename: string) => upload(new Uint8Array([1, 2, 3]), filename);

t.test('only an upload that finds the pool idle is split: the next one waits as one task', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2' }), parts);
  const [first, second] = await Promise.all([two.analyser(fake('a.csv')), two.analyser(fake('b.csv'))]);
  t.same(first.notes, ['part 0 of 2']);
  t.same(second.notes, ['part 0 of 1']);
  t.same((await two.analyser(fake('c.csv'))).notes, ['part 0 of 2'], 'idle again: split again');
  t.equal(two.split(), 2);
});

t.test('a split upload is read once: part 0 gets the bytes and hands the other part its questions', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2' }), parts);
  const questions = async (pool: Pool) => prepared(await pool.analyser(fake('handoff'))).stored.map((r) => r[STORED_QUESTION]);
  t.same(await questions(two), ['part 0: 3 bytes, hands over to 1', 'part 1: 0 bytes, waits for its questions']);
  t.same(await questions(started(t, config({ QMAP_WORKERS: '1' }), parts)), ['part 0: 3 bytes, no hand-off']);
});

t.test('a small upload is not split: matching it takes too little time to gain from a second worker', async (t) => {
  const pool = createPool(config({ QMAP_WORKERS: '2' }), { worker: parts });
  t.teardown(() => pool.close());
  t.same((await pool.analyser(fake('small.csv'))).notes, ['part 0 of 1']);
  t.same((await pool.analyser({ ...fake('large.csv'), bytes: new Uint8Array(100_000) })).notes, ['part 0 of 2'], 'from 100 KB');
  t.equal(pool.split(), 1);
});

t.test('a part that never finishes stops the upload after QMAP_PARSE_TIMEOUT_S, and the next upload is served', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2', QMAP_PARSE_TIMEOUT_S: '1' }), parts);
  await t.rejects(two.analyser(fake('hang 1')), { code: 'timeout', status: 422, message: /longer than 1 seconds/ });
  t.same((await two.analyser(fake('after.csv'))).notes, ['part 0 of 2']);
});

t.test('a part that outgrows QMAP_PARSE_MEMORY_MB refuses the upload 413 too_large, and stops the other part', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2', QMAP_PARSE_MEMORY_MB: '64', QMAP_PARSE_TIMEOUT_S: '60' }), parts);
  const began = Date.now();
  // Part 1 never finishes on its own: the failure of part 0 must stop it, long before its time limit.
  await t.rejects(two.analyser(fake('oom 0 hang 1')), { code: 'too_large', status: 413 });
  t.ok(Date.now() - began < 30_000, 'the hanging part was stopped');
  t.same((await two.analyser(fake('after.csv'))).notes, ['part 0 of 2']);
});

t.test('a refusal or a bug in one part is the upload’s, though the other part succeeded', async (t) => {
  const two = started(t, config({ QMAP_WORKERS: '2' }), parts);
  await t.rejects(two.analyser(fake('refuse 1')), { code: 'password_protected', status: 422, details: { sheet: 'A' } });
  const bug = await two.analyser(fake('bug 0')).catch((e: unknown) => e);
  t.notOk(bug instanceof QmapError);
  t.match((bug as Error).message, /a bug in the reader/);
});
