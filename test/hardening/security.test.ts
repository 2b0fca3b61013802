import t from 'tap';
import { build } from '../helpers/app.js';
import { checksheet, form } from '../helpers/workbooks.js';
import { FAILED_SIGN_INS, REQUESTS_PER_MINUTE } from '../../src/http/limits.js';
import { newId } from '../../src/ids.js';
import { authenticate, createToken, ensureToken } from '../../src/store/tokens.js';

const wrong = { authorization: 'Bearer qmap_guessed-wrong' };

t.test('guessing tokens: after 10 wrong tokens in a minute an address gets 429 for wrong tokens, never for a valid one', async (t) => {
  const { app, reviewer, as } = await build(t);
  const attacker = { remoteAddress: '203.0.113.9' };
  for (let i = 0; i < FAILED_SIGN_INS; i++) {
    t.equal((await app.inject({ url: '/v1/items', headers: { authorization: `Bearer qmap_guess-${i}` }, ...attacker })).statusCode, 401);
  }
  const blocked = await app.inject({ url: '/v1/items', headers: wrong, ...attacker });
  t.equal(blocked.statusCode, 429);
  t.match(blocked.json(), { code: 'rate_limited', message: /Too many failed sign-ins/ });
  t.ok(Number(blocked.headers['retry-after']) > 0, 'says when to try again');
  t.equal((await app.inject({ url: '/v1/items', headers: as(reviewer), ...attacker })).statusCode, 200, 'a colleague behind the same address signs in');
  t.equal((await app.inject({ url: '/v1/items', headers: wrong, remoteAddress: '198.51.100.7' })).statusCode, 401, 'other addresses are not blocked');
  t.equal((await app.inject({ url: '/healthz', ...attacker })).statusCode, 200, 'health is not behind the sign-in limit');
});

t.test('one wrong token tried from many addresses is blocked too', async (t) => {
  const { app } = await build(t);
  for (let i = 0; i < FAILED_SIGN_INS; i++) await app.inject({ url: '/v1/items', headers: wrong, remoteAddress: `203.0.113.${i + 1}` });
  t.equal((await app.inject({ url: '/v1/items', headers: wrong, remoteAddress: '203.0.113.200' })).statusCode, 429);
});

t.test('requests without a token, and preflights, never lock anyone out (a web page can make a browser send them)', async (t) => {
  const { app, admin, as } = await build(t);
  const office = { remoteAddress: '192.0.2.50' };
  for (let i = 0; i < 3 * FAILED_SIGN_INS; i++) {
    t.equal((await app.inject({ url: '/v1/items', ...office })).statusCode, 401);
    await app.inject({ method: 'OPTIONS', url: '/v1/items', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' }, ...office });
  }
  t.equal((await app.inject({ url: '/v1/items', headers: as(admin), ...office })).statusCode, 200);
  t.equal((await app.inject({ url: '/v1/items', headers: wrong, ...office })).statusCode, 401, 'not even a wrong token is blocked yet');
});

t.test('behind a proxy (QMAP_TRUST_PROXY), addresses come from X-Forwarded-For', async (t) => {
  const { app } = await build(t, { QMAP_TRUST_PROXY: '127.0.0.1' });
  const via = (client: string) => ({ remoteAddress: '127.0.0.1', headers: { ...wrong, 'x-forwarded-for': client } });
  for (let i = 0; i < FAILED_SIGN_INS; i++) await app.inject({ url: '/v1/items', ...via('203.0.113.9'), headers: { ...via('203.0.113.9').headers, authorization: `Bearer qmap_g${i}` } });
  t.equal((await app.inject({ url: '/v1/items', ...via('203.0.113.9') })).statusCode, 429, 'the guessing client is blocked');
  t.equal((await app.inject({ url: '/v1/items', ...via('198.51.100.7'), headers: { ...via('198.51.100.7').headers, authorization: 'Bearer qmap_other' } })).statusCode, 401, 'not everyone behind the proxy');
});

t.test('every /v1 route needs a token however its path is spelled (percent-encoded anywhere)', async (t) => {
  const { app } = await build(t);
  // Every operation the API publishes (a test elsewhere holds the routes to that contract).
  const paths = (await app.inject({ url: '/docs/json' })).json().paths as Record<string, Record<string, unknown>>;
  const v1 = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
  t.ok(v1.length >= 18, `${v1.length} routes found`);
  const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'no' ? '1' : 'x'));
  const spellings = (path: string) => [path, path.replace('/v1/', '/%761/'), path.replace('/v1/', '/v%31/'), path.replace(/\/([a-z])/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`)];
  for (const route of v1) {
    const [method, path] = route.split(' ');
    for (const url of spellings(concrete(path))) {
      const res = await app.inject({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
      t.equal(res.statusCode, 401, `${method} ${url} needs a token`);
    }
  }
});

t.test('signed-in users are limited too, per token, and /healthz never is', async (t) => {
  const { app, reviewer, admin, as } = await build(t);
  let last = 0;
  for (let i = 0; i <= REQUESTS_PER_MINUTE; i++) last = (await app.inject({ url: '/v1/questionnaires', headers: as(reviewer) })).statusCode;
  t.equal(last, 429);
  const res = await app.inject({ url: '/v1/questionnaires', headers: as(reviewer) });
  t.match(res.json(), { code: 'rate_limited', message: new RegExp(`at most ${REQUESTS_PER_MINUTE} a minute`) });
  t.equal((await app.inject({ url: '/v1/questionnaires', headers: as(admin) })).statusCode, 200, 'another token has its own allowance');
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
});

t.test('every body is bounded: JSON over 1 MiB and uploads over QMAP_MAX_UPLOAD_BYTES get 413', async (t) => {
  const { app, admin, reviewer, as } = await build(t, { QMAP_MAX_UPLOAD_BYTES: '4096' });
  const big = JSON.stringify({ role: 'reviewer', name: 'x'.repeat(1024 * 1024 + 1) });
  const json = await app.inject({ method: 'POST', url: '/v1/tokens', headers: { ...as(admin), 'content-type': 'application/json' }, payload: big });
  t.equal(json.statusCode, 413);
  t.match(json.json(), { code: 'too_large' });
  const text = await app.inject({ method: 'POST', url: '/v1/tokens', headers: { ...as(admin), 'content-type': 'text/plain' }, payload: 'x'.repeat(1024 * 1024 + 1) });
  t.equal(text.statusCode, 413);
  const body = form(Buffer.alloc(8192, 'a'), 'big.csv');
  const upload = await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload });
  t.equal(upload.statusCode, 413);
  t.match(upload.json(), { code: 'too_large', message: /QMAP_MAX_UPLOAD_BYTES/ });
  const fields = form(Buffer.from('a,b\n'), 'q.csv', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'])));
  const many = await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...fields.headers }, payload: fields.payload });
  t.equal(many.statusCode, 400, 'a form with too many fields is refused (a wrong form, not a large one)');
  t.match(many.json(), { code: 'bad_request', message: /more parts than expected/ });
});

t.test('security headers from helmet on the API and the page; no inline scripts allowed', async (t) => {
  const { app } = await build(t);
  for (const url of ['/healthz', '/v1/items', '/']) {
    const res = await app.inject({ url });
    t.equal(res.headers['x-content-type-options'], 'nosniff', url);
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/, url);
    t.equal(res.headers['referrer-policy'], 'no-referrer', url);
    t.equal(res.headers['cross-origin-opener-policy'], 'same-origin', url);
    const csp = String(res.headers['content-security-policy']);
    t.match(csp, /script-src 'self'(;|$)/, `${url}: scripts only from qmap itself`);
    t.notMatch(csp, /script-src[^;]*unsafe-inline/, url);
    t.match(csp, /frame-ancestors 'self'/, url);
  }
});

t.test('no cross-site requests: the API takes the token only from the Authorization header, never a cookie', async (t) => {
  const { app, reviewer } = await build(t);
  const res = await app.inject({ url: '/v1/questionnaires', headers: { cookie: `token=${reviewer}; qmap=${reviewer}` } });
  t.equal(res.statusCode, 401);
  t.notOk(res.headers['set-cookie'], 'the API never sets a cookie');
});

t.test('job and row ids are 128 random bits: unguessable, not sequential', async (t) => {
  const ids = Array.from({ length: 10_000 }, newId);
  t.equal(new Set(ids).size, ids.length, 'no repeats in 10,000');
  for (const id of ids.slice(0, 100)) t.equal(Buffer.from(id, 'base64url').length, 16);

  const { app, reviewer, as } = await build(t);
  const body = form(await checksheet(['データのバックアップの取得頻度を教えてください。', '通信は暗号化されていますか。']), 'q.xlsx');
  const job = (await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload })).json();
  for (const id of [job.id, ...job.rows.map((r: { id: string }) => r.id)]) t.match(id, /^[A-Za-z0-9_-]{22}$/);
  t.not(job.rows[0].id.slice(0, 10), job.rows[1].id.slice(0, 10), 'row ids share no prefix');
});

// A revoked token stops working at once: covered in test/auth.test.ts.

t.test('filenames: at most 255 characters, and no bidi controls in what the page shows or in Content-Disposition', async (t) => {
  const { app, reviewer, as } = await build(t);
  // 'invoice‮xslx.exe' reads as 'invoiceexe.xlsx' on screen: the controls that reorder text are dropped.
  const tricky = `${'長'.repeat(300)}invoice\u202Excslx.exe\u2066x\u2069.xlsx`;
  const body = form(await checksheet(['通信はTLS1.2以上で暗号化されていますか。']), tricky);
  const up = await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload });
  t.equal(up.statusCode, 201);
  const { id, filename } = up.json();
  t.ok([...filename].length <= 255, `stored name is ${[...filename].length} characters`);
  t.notMatch(filename, /[\u202a-\u202e\u2066-\u2069]/);
  const dl = await app.inject({ url: `/v1/questionnaires/${id}/download`, headers: as(reviewer) });
  const disposition = decodeURIComponent(String(dl.headers['content-disposition']));
  t.notMatch(disposition, /[\u202a-\u202e\u2066-\u2069]/, 'nor in the download\'s name');
  const list = (await app.inject({ url: '/v1/questionnaires', headers: as(reviewer) })).json();
  t.notMatch(list[0].filename, /[\u202a-\u202e\u2066-\u2069]/, 'the job list shows it clean');
});

t.test('the last live admin token cannot be revoked (nobody could manage qmap); with another, it can', async (t) => {
  const { app, admin, db, as } = await build(t);
  const tokens = (await app.inject({ url: '/v1/tokens', headers: as(admin) })).json() as { id: string; role: string; revokedAt: string | null }[];
  const mine = tokens.find((x) => x.role === 'admin' && !x.revokedAt)!;
  const last = await app.inject({ method: 'DELETE', url: `/v1/tokens/${mine.id}`, headers: as(admin) });
  t.equal(last.statusCode, 409);
  t.match(last.json().message, /last admin token.*Create another admin token first/);
  const other = createToken(db, 'admin', 'second admin');
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/tokens/${mine.id}`, headers: as(other.secret) })).statusCode, 204);
});

t.test('a new QMAP_ADMIN_TOKEN replaces the old one: the old secret stops working', async (t) => {
  const { db } = await build(t);
  ensureToken(db, 'qmap_first-admin-secret-0001', 'admin', 'admin (QMAP_ADMIN_TOKEN)');
  ensureToken(db, 'qmap_second-admin-secret-0002', 'admin', 'admin (QMAP_ADMIN_TOKEN)');
  t.notOk(authenticate(db, 'qmap_first-admin-secret-0001'));
  t.ok(authenticate(db, 'qmap_second-admin-secret-0002'));
});

t.test('a JSON body over 1 MiB gets 413 naming the JSON limit, not the upload limit', async (t) => {
  const { app, reviewer, as } = await build(t);
  const body = form(await checksheet(['通信は暗号化されていますか。']), 'q.xlsx');
  const job = (await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload })).json();
  const res = await app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: { ...as(reviewer), 'content-type': 'application/json' }, payload: JSON.stringify({ rowIds: Array.from({ length: 60_000 }, (_, i) => `row-${String(i).padStart(16, '0')}`) }) });
  t.equal(res.statusCode, 413);
  t.match(res.json().message, /larger than 1 MiB.*Send fewer rows at a time/);
  t.notMatch(res.json().message, /workbook|QMAP_MAX_UPLOAD_BYTES/);
});
