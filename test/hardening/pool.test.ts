import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { QmapError } from '../../src/errors.js';
import { createPool } from '../../src/pipeline/pool.js';
import type { AnalyseInput } from '../../src/pipeline/analyse.js';

const worker = new URL('./fixtures/misbehaving-worker.ts', import.meta.url);
const config = loadConfig({ QMAP_WORKERS: '1', QMAP_PARSE_TIMEOUT_S: '1', QMAP_PARSE_MEMORY_MB: '64' });

const input = (filename: string): AnalyseInput => ({
  bytes: new Uint8Array([1, 2, 3]),
  filename,
  limits: { uploadBytes: 1, uncompressedBytes: 1, sheets: 1, rows: 1, columns: 1 },
  overrides: {},
  knowledge: { revision: 0, items: [], learned: [], library: [] },
});
const readInWorker = [{ code: 'text', params: { text: 'read 3 bytes in a worker' } }];

function started(overrides: Partial<typeof config> = {}, maxWaiting?: number) {
  return createPool({ ...config, ...overrides }, { worker, maxWaiting });
}

async function refusal(p: Promise<unknown>): Promise<QmapError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof QmapError) return e;
    throw e;
  }
  throw new Error('expected the upload to be refused');
}

t.test('an upload is analysed in a worker thread and comes back as plain data', async (t) => {
  const pool = started();
  t.teardown(() => pool.close());
  const analysis = await pool.analyse(input('fine.csv'));
  t.same(analysis.notes, readInWorker);
});

t.test('a refusal inside the worker arrives as a QmapError with its code, words and details', async (t) => {
  const pool = started();
  t.teardown(() => pool.close());
  const err = await refusal(pool.analyse(input('refuse')));
  t.equal(err.code, 'password_protected');
  t.equal(err.status, 422);
  t.equal(err.message, 'The workbook is password-protected.');
  t.same(err.details, { sheet: 'A' });
});

t.test('a file that never finishes is stopped after QMAP_PARSE_TIMEOUT_S, and the next upload is served', async (t) => {
  const pool = started({ QMAP_PARSE_TIMEOUT_S: 1 });
  t.teardown(() => pool.close());
  const err = await refusal(pool.analyse(input('hang')));
  t.equal(err.code, 'timeout');
  t.match(err.message, /longer than 1 seconds/);
  t.same((await pool.analyse(input('after.csv'))).notes, readInWorker);
});

t.test('a file that needs more than QMAP_PARSE_MEMORY_MB kills only its worker: 413 too_large, and a fresh worker takes over', async (t) => {
  const pool = started({ QMAP_PARSE_TIMEOUT_S: 60 });
  t.teardown(() => pool.close());
  for (let i = 0; i < 2; i++) {
    const err = await refusal(pool.analyse(input('oom')));
    t.equal(err.code, 'too_large');
    t.equal(err.status, 413);
    t.match(err.message, /64 MB/);
  }
  t.same((await pool.analyse(input('after.csv'))).notes, readInWorker);
});

t.test('a bug in the worker is an ordinary error (a 500), and a worker that exits is replaced', async (t) => {
  const pool = started();
  t.teardown(() => pool.close());
  const bug = await pool.analyse(input('bug')).catch((e: unknown) => e);
  t.notOk(bug instanceof QmapError);
  t.match((bug as Error).message, /a bug in the reader/);
  await t.rejects(pool.analyse(input('exit')), /exited/);
  t.same((await pool.analyse(input('after.csv'))).notes, readInWorker);
});

t.test('uploads beyond the pool wait their turn; the time limit counts only their own reading', async (t) => {
  const pool = started({ QMAP_PARSE_TIMEOUT_S: 2 });
  t.teardown(() => pool.close());
  // The hang holds the only worker for 2 s; the next two wait and must not be charged for it.
  const results = await Promise.allSettled([pool.analyse(input('hang')), pool.analyse(input('a.csv')), pool.analyse(input('b.csv'))]);
  t.equal(results[0].status, 'rejected');
  t.same(results.slice(1).map((r) => r.status), ['fulfilled', 'fulfilled']);
});

t.test('when too many uploads are waiting the server says it is busy instead of queueing forever', async (t) => {
  const pool = started({ QMAP_PARSE_TIMEOUT_S: 1 }, 1);
  t.teardown(() => pool.close());
  const results = await Promise.allSettled([pool.analyse(input('hang')), pool.analyse(input('a.csv')), pool.analyse(input('b.csv'))]);
  const busy = results[2].status === 'rejected' ? (results[2].reason as QmapError) : null;
  t.equal(busy?.code, 'unavailable');
  t.equal(results[1].status, 'fulfilled');
});

t.test('a download is written in the pool too, with the same time limit: a write that never ends is stopped', async (t) => {
  const pool = started({ QMAP_PARSE_TIMEOUT_S: 1 });
  t.teardown(() => pool.close());
  const err = await refusal(pool.download({ database: ':memory:', jobId: 'hang', copy: 'review' }));
  t.equal(err.code, 'timeout');
  t.same((await pool.analyse(input('after.csv'))).notes, readInWorker, 'and the pool goes on');
});
