// qmap token … and qmap backup: what an admin does on the server's machine.
import type { ParseArgsConfig } from 'node:util';
import type { Db } from '../store/db.js';
import { createToken, listTokens, revokeToken } from '../store/tokens.js';
import { UsageError } from './usage.js';

export const tokenOptions: ParseArgsConfig['options'] = { role: { type: 'string' }, name: { type: 'string' } };

export function tokenCommand(db: Db, args: string[], values: { role?: unknown; name?: unknown }): void {
  const [sub, id] = args;
  if (sub === 'create') {
    if (values.role !== 'admin' && values.role !== 'reviewer') throw new UsageError('token create needs --role admin or --role reviewer');
    const name = typeof values.name === 'string' && values.name.trim() ? values.name.trim() : values.role;
    const { token, secret } = createToken(db, values.role, name);
    console.log(`created ${token.role} token ${token.id} (${token.name}). Its secret is shown only now:\n${secret}`);
  } else if (sub === 'list') {
    for (const t of listTokens(db)) {
      console.log([t.id, t.role.padEnd(8), t.revokedAt ? `revoked ${t.revokedAt}` : 'live', `last used ${t.lastUsedAt ?? 'never'}`, t.name].join('  '));
    }
  } else if (sub === 'revoke' && id) {
    if (!revokeToken(db, id)) throw new UsageError(`there is no live token ${id} (see: qmap token list)`);
    console.log(`revoked ${id}: it stops working at once`);
  } else {
    throw new UsageError('token needs create, list or revoke ID');
  }
}

export async function backupCommand(db: Db, args: string[]): Promise<void> {
  const [file] = args;
  if (!file) throw new UsageError('backup needs the file to write, e.g. qmap backup backup.db');
  // SQLite's online backup API: a consistent copy while the service keeps running.
  await db.backup(file);
  console.log(`backed up the database to ${file}`);
}
