// The first-start admin token is a sign-in link: printed to the terminal only, never into the log stream; it
// works once, to get a token of one's own, and not after a day. No token reaches the logs, not even in a URL.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { inProcess } from '../../src/pipeline/pool.js';
import { openStore } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';
import { build } from '../helpers/app.js';
import { startServer } from './server-process.js';

t.test('first start: the sign-in link goes to the terminal (stderr), not into the JSON log', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-first-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ QMAP_DB: join(dir, 'qmap.db') });
  t.teardown(() => server.stop());
  await new Promise((r) => setTimeout(r, 200));
  const link = /http:\/\/127\.0\.0\.1:\d+\/#token=(qmap_[\w-]+)/.exec(server.stderr());
  t.ok(link, 'the terminal shows the sign-in link');
  const secret = link![1];
  t.notMatch(server.stdout(), secret, 'the log stream never holds it');
  t.match(server.stderr(), /works once, within a day/);

  const signIn = (token: string) => fetch(`${server.url}/v1/sign-in`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  t.equal((await fetch(`${server.url}/v1/items`, { headers: { authorization: `Bearer ${secret}` } })).status, 401, 'the link is not a token to use the API with');
  const first = await signIn(secret);
  t.equal(first.status, 200);
  const own = (await first.json()) as { secret: string; token: { role: string } };
  t.match(own, { secret: /^qmap_/, token: { role: 'admin' } }, 'it is exchanged for an admin token of one\'s own');
  t.not(own.secret, secret);
  t.equal((await signIn(secret)).status, 401, 'the link works once');
  t.equal((await fetch(`${server.url}/v1/items`, { headers: { authorization: `Bearer ${own.secret}` } })).status, 200);
  const again = await signIn(own.secret);
  t.same(((await again.json()) as { secret: null }).secret, null, 'an ordinary token is confirmed, not replaced');
});

t.test('a sign-in link older than a day no longer works', async (t) => {
  const { app, db } = await build(t);
  const { secret } = createToken(db, 'admin', 'link', undefined, { expiresAt: new Date(Date.now() - 1000).toISOString() });
  t.equal((await app.inject({ method: 'POST', url: '/v1/sign-in', headers: { authorization: `Bearer ${secret}` } })).statusCode, 401);
});

t.test('a token pasted into a query string is never logged', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-log-'));
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db') });
  const db = openStore(config.QMAP_DB);
  const app = await buildApp({ config, db, runner: inProcess(db), logger: { level: 'trace', stream } });
  t.teardown(async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { secret } = createToken(db, 'reviewer', 'r');
  await app.inject({ url: `/v1/items?token=${secret}`, headers: { authorization: `Bearer ${secret}` } });
  await app.inject({ url: `/?token=${secret}` });
  t.ok(lines.length > 0, 'requests were logged');
  t.notMatch(lines.join(''), secret);
});
