// A ready app on a fresh temporary database, with an admin and a reviewer token.
import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openStore, type Db } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  dir: string;
  admin: string;
  reviewer: string;
  /** Authorization header for a token. */
  as(secret: string): { authorization: string };
}

export async function build(t: Test, env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-test-'));
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db'), ...env });
  const db = openStore(config.QMAP_DB);
  const admin = createToken(db, 'admin', 'test admin').secret;
  const reviewer = createToken(db, 'reviewer', 'test reviewer').secret;
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, db, config, dir, admin, reviewer, as: (secret) => ({ authorization: `Bearer ${secret}` }) };
}
