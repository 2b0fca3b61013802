// qmap token … and qmap backup: what an admin does on the server's machine.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Db } from '../store/db.js';
import { createToken, listTokens, revokeToken } from '../store/tokens.js';
import { QmapError } from '../errors.js';
import { UsageError } from './usage.js';

export const tokenOptions: ParseArgsConfig['options'] = { role: { type: 'string' }, name: { type: 'string' } };

export function tokenCommand(open: () => Db, args: string[], values: { role?: unknown; name?: unknown }): void {
  const [sub, id] = args;
  if (sub === 'create') {
    if (values.role !== 'admin' && values.role !== 'reviewer') throw new UsageError('token create needs --role admin or --role reviewer');
    const name = typeof values.name === 'string' && values.name.trim() ? values.name.trim() : values.role;
    const { token, secret } = createToken(open(), values.role, name);
    console.log(`created ${token.role} token ${token.id} (${token.name}). Its secret is shown only now:\n${secret}`);
  } else if (sub === 'list') {
    for (const t of listTokens(open())) {
      console.log([t.id, t.role.padEnd(8), t.revokedAt ? `revoked ${t.revokedAt}` : 'live', `last used ${t.lastUsedAt ?? 'never'}`, t.name].join('  '));
    }
  } else if (sub === 'revoke' && id) {
    if (!revokeToken(open(), id)) throw new QmapError('not_found', `there is no live token ${id} (see: qmap token list)`);
    console.log(`revoked ${id}: it stops working at once`);
  } else {
    throw new UsageError('token needs create, list or revoke ID');
  }
}

export async function backupCommand(open: () => Db, args: string[]): Promise<void> {
  const [file] = args;
  if (!file) throw new UsageError('backup needs the file to write, e.g. qmap backup backup.db');
  if (!existsSync(dirname(resolve(file)))) throw new UsageError(`cannot write ${file}: the folder ${dirname(resolve(file))} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`cannot write ${file}: it is a folder; name the backup file`);
  // SQLite's online backup API: a consistent copy while the service keeps running.
  await open().backup(file);
  console.log(`backed up the database to ${file}`);
}
