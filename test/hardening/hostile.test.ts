// Given any of 200+ hostile or broken files, the user gets a clear 4xx, and the server goes on
// answering and serving what it stored before. Uploads go through the real app and the worker pool.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createPool } from '../../src/pipeline/pool.js';
import { openStore } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';
import { control, hostileCorpus, type HostileFile } from '../../scripts/make-hostile.js';
import { form } from '../helpers/workbooks.js';

t.setTimeout(15 * 60_000);

t.test('every hostile file gets a clear 4xx, and the server stays up and keeps what it stored', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-hostile-'));
  // A short time limit and a modest memory bound, so the worst files cost seconds, not minutes.
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db'), QMAP_WORKERS: '2', QMAP_PARSE_TIMEOUT_S: '10', QMAP_PARSE_MEMORY_MB: '384' });
  const db = openStore(config.QMAP_DB);
  const pool = createPool(config);
  const app = await buildApp({ config, db, logger: false, runner: pool });
  const token = createToken(db, 'reviewer', 'hostile').secret;
  t.teardown(async () => {
    await app.close();
    await pool.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (bytes: Uint8Array, name: string, contentType: string) => {
    const body = form(Buffer.from(bytes), name, {}, contentType);
    return app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { authorization: `Bearer ${token}`, ...body.headers }, payload: body.payload });
  };

  const before = await post(control(), 'control.xlsx', 'application/octet-stream');
  t.equal(before.statusCode, 201, 'the undamaged questionnaire the bad files are made from is accepted');
  const stored = before.json();
  const files = await hostileCorpus();
  t.ok(files.length >= 200, `${files.length} hostile files`);

  const outcomes: { file: HostileFile; status: number; code: string; ms: number }[] = [];
  // Four at a time: the pool's two workers are kept busy and others wait, as in a burst.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const start = performance.now();
        const res = await post(file.bytes, file.name, file.contentType);
        const body = String(res.headers['content-type']).includes('json') ? res.json() : {};
        outcomes.push({ file, status: res.statusCode, code: body.code, ms: performance.now() - start });
        t.test(`${file.kind}: ${file.name} gets a clear 4xx`, async (t) => {
          t.ok(res.statusCode >= 400 && res.statusCode < 500, `status ${res.statusCode} (${body.code}): ${String(body.message).slice(0, 160)}`);
          t.match(body, { code: String, message: String });
          t.ok(String(body.message).length > 30, 'the message says what to do');
          t.notMatch(res.body, /root:x:0:0|ami-id|instance-id/, 'no external entity was fetched into the answer');
        });
      }
    }),
  );

  t.test('after the whole corpus the server is healthy and serves the job stored before, unchanged', async (t) => {
    t.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    const again = await app.inject({ url: `/v1/questionnaires/${stored.id}`, headers: { authorization: `Bearer ${token}` } });
    t.same(again.json(), stored);
    const list = (await app.inject({ url: '/v1/questionnaires', headers: { authorization: `Bearer ${token}` } })).json();
    t.same(list.map((j: { id: string }) => j.id), [stored.id], 'no hostile file was stored');
    t.equal((await post(control(), 'control-again.xlsx', 'application/octet-stream')).statusCode, 201, 'and good uploads still work');
  });

  const byKind = new Map<string, string[]>();
  for (const o of outcomes) byKind.set(o.file.kind, [...(byKind.get(o.file.kind) ?? []), `${o.status}`]);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  t.comment(`answers by kind: ${[...byKind].map(([k, s]) => `${k}: ${[...new Set(s)].join('/')}`).join('; ')}`);
  t.comment(`slowest: ${slowest.map((o) => `${o.file.name} ${Math.round(o.ms)} ms (${o.code})`).join(', ')}; main thread peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
});
