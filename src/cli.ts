#!/usr/bin/env node
// qmap's command line: map a questionnaire without the server, manage tokens, back up the database.
// Plain messages, never stack traces, for what a user got wrong; exit 2 for usage, 1 for a job that failed.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { QmapError } from './errors.js';
import { mapCommand, mapOptions } from './cli/map.js';
import { backupCommand, tokenCommand, tokenOptions } from './cli/admin.js';
import { UsageError } from './cli/usage.js';
import { NewerDatabaseError, openStore, type Db } from './store/db.js';

const usage = `usage: qmap <command> …

  qmap map IN -o OUT [options]       prefill a questionnaire (.xlsx .xlsm .xls .ods .csv) into OUT (.xlsx/.xlsm)
      --json REPORT.json             also write what was found and proposed, row by row
      --copy review|final            review (default): with qmap's highlights, comments and review sheet;
                                     final: the copy to send, answers of auto rows only
      --answer-language ja|en        the language to answer in (default: the questions' own)
      --sheet NAME --header-row N --question-column C --answer-column C --choice-column C|none
                                     say where the questions are, when qmap does not find them by itself
  qmap token create --role admin|reviewer [--name NAME]
  qmap token list
  qmap token revoke ID
  qmap backup FILE                   a consistent copy of the database while qmap keeps serving

Environment: QMAP_DB (default ./data/qmap.db) and the other QMAP_* settings of the README.`;

const options = { help: { type: 'boolean', short: 'h' }, ...mapOptions, ...tokenOptions } satisfies ParseArgsConfig['options'];

async function run(argv: string[], open: (existing?: boolean) => Db): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''));
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === 'map') return mapCommand(open, rest, values);
  // Tokens and backups are of the server's database: never made anew by a mistyped QMAP_DB.
  if (command === 'token') return tokenCommand(() => open(true), rest, values);
  if (command === 'backup') return backupCommand(() => open(true), rest);
  throw new UsageError(command ? `unknown command "${command}"` : 'say what to do');
}

async function main(): Promise<void> {
  let db: Db | undefined;
  try {
    const config = loadConfig();
    await run(process.argv.slice(2), (existing = false) => {
      if (existing && config.QMAP_DB !== ':memory:' && !existsSync(config.QMAP_DB)) {
        throw new QmapError('not_found', `There is no qmap database at ${config.QMAP_DB}. Set QMAP_DB to the server's database file (see the README's configuration).`);
      }
      return (db ??= openStore(config.QMAP_DB));
    });
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`qmap: ${err.message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError || err instanceof NewerDatabaseError || err instanceof QmapError) {
      process.stderr.write(`qmap: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    db?.close();
  }
}

void main();
