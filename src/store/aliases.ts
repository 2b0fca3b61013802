// What reviewers taught qmap: a question (normalised) and the items that answer it; [] = none does.
import type { Db } from './db.js';

export interface Alias {
  text: string;
  itemNos: number[];
}

// Every upload reads them all: kept per database between writes, which all go through learnAlias (with
// 10,000 decisions, reading and parsing them cost each upload 20–60 ms of the main thread). Never kept
// from inside a transaction, which could still roll back.
const remembered = new WeakMap<Db, Alias[]>();

export function learnAlias(db: Db, norm: string, text: string, itemNos: number[], by: string): void {
  remembered.delete(db);
  db.prepare(
    `INSERT INTO aliases (norm, text, item_nos, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET text = excluded.text, item_nos = excluded.item_nos,
       created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(norm, text, JSON.stringify(itemNos), by, new Date().toISOString());
}

/** Every alias, oldest first. The list is shared: do not change it. */
export function listAliases(db: Db): readonly Alias[] {
  const kept = remembered.get(db);
  if (kept) return kept;
  const list = (db.prepare('SELECT text, item_nos FROM aliases ORDER BY id').all() as { text: string; item_nos: string }[]).map((r) => ({
    text: r.text,
    itemNos: JSON.parse(r.item_nos) as number[],
  }));
  if (!db.inTransaction) remembered.set(db, list);
  return list;
}
