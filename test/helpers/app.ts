// A ready app on a fresh temporary database, with an admin and a reviewer token.
import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { inProcess, type Runner } from '../../src/pipeline/pool.js';
import type { Context } from '../../src/services/context.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openStore, type Db } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';

export interface TestApp {
  app: FastifyInstance;
  /** What the routes' services work with: call services directly with it. */
  ctx: Context;
  db: Db;
  config: Config;
  dir: string;
  admin: string;
  reviewer: string;
  /** Authorization header for a token. */
  as(secret: string): { authorization: string };
}

export async function build(t: Test, env: Record<string, string> = {}, pool?: Runner): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-test-'));
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db'), ...env });
  const db = openStore(config.QMAP_DB);
  const admin = createToken(db, 'admin', 'test admin').secret;
  const reviewer = createToken(db, 'reviewer', 'test reviewer').secret;
  const runner = pool ?? inProcess(db);
  const ctx = { db, config, runner };
  const app = await buildApp({ ...ctx, logger: false });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    await runner.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, ctx, db, config, dir, admin, reviewer, as: (secret) => ({ authorization: `Bearer ${secret}` }) };
}
