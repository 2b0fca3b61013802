// Starts qmap: configuration → database → worker pool → app → listen; stops cleanly on SIGTERM / SIGINT.
import { buildApp } from './app.js';
import { bootstrapTokens, loginUrl } from './bootstrap.js';
import { ConfigError, diskReserve, loadConfig } from './config.js';
import { createPool } from './pipeline/pool.js';
import { scheduleRetention } from './services/retention.js';
import { NewerDatabaseError, openStore, UnusableDatabaseError } from './store/db.js';
import { keepReserve } from './store/reserve.js';

async function main() {
  const config = loadConfig();
  const db = openStore(config.QMAP_DB);
  if (!keepReserve(config.QMAP_DB, diskReserve(config))) process.stderr.write('qmap: the disk has no room for the reserve that lets deletions work on a full disk; free some space.\n');
  const { firstSecret } = bootstrapTokens(db, config);
  // Uploads are read and downloads written in worker threads, so a hostile file cannot stall or crash the server.
  const runner = createPool(config, { onWorkerError: (err) => app.log.error({ err }, 'a worker failed while idle; it is replaced') });
  const ctx = { db, config, runner };
  const app = await buildApp(ctx);
  const stopRetention = scheduleRetention(ctx, app.log);
  await app.listen({ host: config.HOST, port: config.PORT });
  if (firstSecret) {
    // To the terminal only, never into the JSON log stream: the login link signs in once, within a day.
    const port = (app.server.address() as { port: number }).port;
    const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
    process.stderr.write(`\n  qmap created an admin sign-in link on first start. It works once, within a day; open:\n\n    ${loginUrl(host, port, firstSecret)}\n\n`);
  }

  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      stopRetention();
      await app.close();
      await runner.close();
      db.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof NewerDatabaseError || err instanceof UnusableDatabaseError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`qmap: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
