// Lists every upload reads whole (reviewers' decisions, the answer library), kept per database between
// writes: with 10,000 decisions reading and parsing them cost each upload 20–60 ms of the main thread.
// Every write to their table calls forget() first, and a list read inside a transaction is not kept,
// since the transaction could still roll back.
import type { Db } from './db.js';

export interface Kept<T> {
  /** The kept value, or a fresh read. Shared: do not change it. */
  get(db: Db): T;
  /** Called before each write to what the value is read from. */
  forget(db: Db): void;
}

export function keptBetweenWrites<T>(read: (db: Db) => T): Kept<T> {
  const kept = new WeakMap<Db, T>();
  return {
    get(db) {
      if (kept.has(db)) return kept.get(db)!;
      const value = read(db);
      if (!db.inTransaction) kept.set(db, value);
      return value;
    },
    forget: (db) => void kept.delete(db),
  };
}
