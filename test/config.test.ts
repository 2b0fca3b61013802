import t from 'tap';
import { loadConfig } from '../src/config.js';
import { bootstrapTokens, loginUrl } from '../src/bootstrap.js';
import { openStore } from '../src/store/db.js';
import { authenticate, listTokens } from '../src/store/tokens.js';

t.test('defaults are safe and complete', async (t) => {
  const c = loadConfig({});
  t.equal(c.HOST, '127.0.0.1');
  t.equal(c.PORT, 3000);
  t.equal(c.QMAP_DB, './data/qmap.db');
  t.ok(c.QMAP_MAX_UPLOAD_BYTES > 0 && c.QMAP_MAX_ROWS > 0 && c.QMAP_MAX_SHEETS > 0 && c.QMAP_MAX_UNCOMPRESSED_BYTES > c.QMAP_MAX_UPLOAD_BYTES);
});

t.test('a bad value is refused with the variable and what is allowed', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), /PORT="eighty": must be a whole number from 0 to 65535/);
  const both = t.throws(() => loadConfig({ QMAP_MAX_ROWS: '-1', QMAP_LOG_LEVEL: 'loud' })) as Error;
  t.match(both.message, /QMAP_MAX_ROWS="-1": must be a whole number from 10 to 1048576/);
  t.match(both.message, /QMAP_LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent/);
  t.throws(() => loadConfig({ QMAP_ADMIN_TOKEN: 'short' }), /QMAP_ADMIN_TOKEN.*at least 16/);
});

t.test('QMAP_ADMIN_TOKEN makes exactly that admin token exist, idempotently', async (t) => {
  const db = openStore(':memory:');
  const config = loadConfig({ QMAP_ADMIN_TOKEN: 'secret-admin-token-0123' });
  t.same(bootstrapTokens(db, config), { firstSecret: null });
  bootstrapTokens(db, config);
  t.equal(listTokens(db).length, 1);
  t.equal(authenticate(db, 'secret-admin-token-0123')?.role, 'admin');
});

t.test('a first start without any token creates an admin token shown once as a login URL', async (t) => {
  const db = openStore(':memory:');
  const { firstSecret } = bootstrapTokens(db, loadConfig({}));
  t.ok(firstSecret);
  t.equal(authenticate(db, firstSecret!)?.role, 'admin');
  t.same(bootstrapTokens(db, loadConfig({})), { firstSecret: null }, 'the second start creates none');
  t.equal(loginUrl('127.0.0.1', 3000, 'abc'), 'http://127.0.0.1:3000/#token=abc', 'the token is in the fragment, never sent to the server');
});
