// What reviewers taught qmap: a question (normalised) and the items that answer it; [] = none does.
import type { Db } from './db.js';

export interface Alias {
  text: string;
  itemNos: number[];
}

export function learnAlias(db: Db, norm: string, text: string, itemNos: number[], by: string): void {
  db.prepare(
    `INSERT INTO aliases (norm, text, item_nos, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET text = excluded.text, item_nos = excluded.item_nos,
       created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(norm, text, JSON.stringify(itemNos), by, new Date().toISOString());
}

export function listAliases(db: Db): Alias[] {
  return (db.prepare('SELECT text, item_nos FROM aliases ORDER BY id').all() as { text: string; item_nos: string }[]).map((r) => ({
    text: r.text,
    itemNos: JSON.parse(r.item_nos) as number[],
  }));
}
