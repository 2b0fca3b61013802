// Starts qmap: configuration → database → app → listen; stops cleanly on SIGTERM / SIGINT.
import { buildApp } from './app.js';
import { bootstrapTokens, loginUrl } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { NewerDatabaseError, openStore } from './store/db.js';
import { createPool } from './pipeline/pool.js';
import { scheduleRetention } from './retention.js';

async function main() {
  const config = loadConfig();
  const db = openStore(config.QMAP_DB);
  const { firstSecret } = bootstrapTokens(db, config);
  // Uploads are read in worker threads, so a hostile file cannot stall or crash the server.
  const pool = createPool(config, { onWorkerError: (err) => app.log.error({ err }, 'a parsing worker failed while idle; it is replaced') });
  const app = await buildApp({ config, db, analyser: pool.analyser });
  const stopRetention = scheduleRetention(db, config.QMAP_RETENTION_DAYS, app.log);
  await app.listen({ host: config.HOST, port: config.PORT });
  if (firstSecret) {
    const port = (app.server.address() as { port: number }).port;
    const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
    process.stdout.write(
      `\n  qmap created an admin token on first start. It is shown only this once; open:\n\n    ${loginUrl(host, port, firstSecret)}\n\n` +
        `  or use it with the API:  Authorization: Bearer ${firstSecret}\n\n`,
    );
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
      await pool.close();
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
  if (err instanceof ConfigError || err instanceof NewerDatabaseError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`qmap: could not start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
  process.exit(1);
});
