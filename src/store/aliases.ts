// What reviewers taught qmap: a question (normalised) and the items that answer it; [] = none does.
import type { Db } from './db.js';
import { keptBetweenWrites } from './kept.js';

export interface Alias {
  text: string;
  itemNos: number[];
}

const aliases = keptBetweenWrites((db): readonly Alias[] =>
  (db.prepare('SELECT text, item_nos FROM aliases ORDER BY id').all() as { text: string; item_nos: string }[]).map((r) => ({
    text: r.text,
    itemNos: JSON.parse(r.item_nos) as number[],
  })),
);

export function learnAlias(db: Db, norm: string, text: string, itemNos: number[], by: string): void {
  aliases.forget(db);
  db.prepare(
    `INSERT INTO aliases (norm, text, item_nos, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(norm) DO UPDATE SET text = excluded.text, item_nos = excluded.item_nos,
       created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(norm, text, JSON.stringify(itemNos), by, new Date().toISOString());
}

/** Every alias, oldest first (kept between writes, see kept.ts). The list is shared: do not change it. */
export const listAliases = (db: Db): readonly Alias[] => aliases.get(db);
