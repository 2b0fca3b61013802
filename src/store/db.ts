// Opens the SQLite database and brings its schema up to date from migrations/NNN_name.sql.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrationsDir } from '../paths.js';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

export class NewerDatabaseError extends Error {}

/** QMAP_DB names something that cannot be qmap's database: a folder, another kind of file, a place not writable. */
export class UnusableDatabaseError extends Error {}

/** Applies the migrations not yet applied, each in its own transaction; returns the names applied. */
export function migrate(db: Db, migrations = readMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new NewerDatabaseError(
      `the database was written by a newer qmap (schema version ${newest}; this qmap knows up to ${latest}). ` +
        'Upgrade qmap, or point QMAP_DB at another file.',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    done.push(m.name);
  }
  return done;
}

export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  try {
    return configure(new Database(preparePath(file), { readonly: options.readonly ?? false }), options);
  } catch (e) {
    throw unusable(file, e);
  }
}

function preparePath(file: string): string {
  if (file === ':memory:') return file;
  if (existsSync(file) && statSync(file).isDirectory()) throw new UnusableDatabaseError(`QMAP_DB=${file} is a folder. Point QMAP_DB at a file in it, such as ${join(file, 'qmap.db')}.`);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

/** What went wrong opening the database, in words an operator can act on. */
function unusable(file: string, e: unknown): Error {
  if (e instanceof UnusableDatabaseError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new UnusableDatabaseError(`QMAP_DB=${file} is not a SQLite database (another kind of file). Point QMAP_DB at qmap's database, or at a new path to start a new one.`);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') {
    return new UnusableDatabaseError(`QMAP_DB=${file} cannot be opened (${code}): check that its folder exists or can be made, and that qmap may write there.`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

function configure(db: Db, options: { readonly?: boolean }): Db {
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Deleted customer data is overwritten on disk, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Opens and migrates: what the server and the CLI use. */
export function openStore(file: string): Db {
  const db = openDb(file);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
