// qmap's command line: tokens, backups and mapping a questionnaire without the server.
//   qmap token create --role reviewer [--name NAME] | token list | token revoke ID
//   qmap backup FILE
//   qmap map IN -o OUT [--json REPORT]
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { NewerDatabaseError, openStore, type Db } from './store/db.js';
import { createToken, listTokens, revokeToken, type Role } from './store/tokens.js';
import { QmapError } from './errors.js';
import { mapCommand } from './cli-map.js';

const usage = `usage:
  qmap token create --role admin|reviewer [--name NAME]
  qmap token list
  qmap token revoke ID
  qmap backup FILE
  qmap map IN.xlsx -o OUT.xlsx [--json REPORT.json]`;

class UsageError extends Error {}

async function run(argv: string[], db: Db, config: Config): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string', short: 'o' },
      json: { type: 'string' },
    },
  });
  const [command, sub, arg] = positionals;
  if (command === 'token' && sub === 'create') {
    const role = values.role;
    if (role !== 'admin' && role !== 'reviewer') throw new UsageError('token create needs --role admin or --role reviewer');
    const { token, secret } = createToken(db, role as Role, values.name ?? role);
    console.log(`created ${token.role} token ${token.id} (${token.name}). Its secret is shown only now:\n${secret}`);
  } else if (command === 'token' && sub === 'list') {
    for (const t of listTokens(db)) {
      console.log([t.id, t.role.padEnd(8), t.revokedAt ? `revoked ${t.revokedAt}` : 'live', `last used ${t.lastUsedAt ?? 'never'}`, t.name].join('  '));
    }
  } else if (command === 'token' && sub === 'revoke' && arg) {
    if (!revokeToken(db, arg)) throw new UsageError(`there is no live token ${arg} (see: qmap token list)`);
    console.log(`revoked ${arg}: it stops working at once`);
  } else if (command === 'backup' && sub) {
    // SQLite's online backup API: a consistent copy while the service keeps running.
    await db.backup(sub);
    console.log(`backed up the database to ${sub}`);
  } else if (command === 'map' && sub) {
    if (!values.output) throw new UsageError('map needs -o OUT.xlsx');
    await mapCommand(db, config, sub, values.output, values.json);
  } else {
    throw new UsageError(usage);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  let db: Db | undefined;
  try {
    const config = loadConfig();
    db = openStore(config.QMAP_DB);
    await run(argv, db, config);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof NewerDatabaseError || err instanceof QmapError) {
      process.stderr.write(`qmap: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      throw err;
    }
  } finally {
    db?.close();
  }
}

void main();
