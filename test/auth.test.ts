import t from 'tap';
import { build } from './helpers/app.js';
import { listTokens } from '../src/store/tokens.js';

t.test('every /v1 route needs a bearer token: 401 without, 401 with a wrong one', async (t) => {
  const { app } = await build(t);
  const none = await app.inject({ url: '/v1/items' });
  t.equal(none.statusCode, 401);
  t.match(none.json().message, /Authorization: Bearer/);
  const wrong = await app.inject({ url: '/v1/items', headers: { authorization: 'Bearer qmap_not-a-token' } });
  t.equal(wrong.statusCode, 401);
  t.match(wrong.json().message, /unknown or has been revoked/);
});

t.test('roles: reviewers read, only admins manage tokens and answers', async (t) => {
  const { app, admin, reviewer, as } = await build(t);
  t.equal((await app.inject({ url: '/v1/items', headers: as(reviewer) })).statusCode, 200);
  t.equal((await app.inject({ url: '/v1/items', headers: as(admin) })).statusCode, 200);
  t.equal((await app.inject({ url: '/v1/tokens', headers: as(reviewer) })).statusCode, 403);
  t.equal((await app.inject({ url: '/v1/tokens', headers: as(admin) })).statusCode, 200);
});

t.test('tokens are stored only as hashes and a revoked token stops working at once', async (t) => {
  const { app, db, admin, as } = await build(t);
  const created = await app.inject({ method: 'POST', url: '/v1/tokens', headers: as(admin), payload: { role: 'reviewer', name: 'sales' } });
  t.equal(created.statusCode, 201);
  const { id, secret } = created.json();
  t.match(secret, /^qmap_[A-Za-z0-9_-]{40,}$/);
  const stored = db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
  t.notOk(JSON.stringify(stored).includes(secret), 'the secret is nowhere in the tokens table');
  t.equal((await app.inject({ url: '/v1/items', headers: as(secret) })).statusCode, 200);
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: as(admin) })).statusCode, 204);
  t.equal((await app.inject({ url: '/v1/items', headers: as(secret) })).statusCode, 401);
  t.ok(listTokens(db).find((tk) => tk.id === id)?.revokedAt, 'the revocation is recorded');
});

t.test('health needs no token and checks the database', async (t) => {
  const { app, db } = await build(t);
  const res = await app.inject({ url: '/healthz' });
  t.same(res.json(), { ok: true, items: 49 });
  db.close();
  const down = await app.inject({ url: '/healthz' });
  t.equal(down.statusCode, 503, 'a database that does not answer makes health fail');
});

t.test('the OpenAPI description is served at /docs', async (t) => {
  const { app } = await build(t);
  const spec = await app.inject({ url: '/docs/json' });
  t.equal(spec.statusCode, 200);
  t.ok(spec.json().paths['/v1/items/{no}'], 'documents the item routes');
});
