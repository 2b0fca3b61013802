// The revision of what matching knows (items, reviewers' decisions, the library): raised by triggers on
// every change (migrations/007), read to know whether what was built from it is still current.
import type { Db } from './db.js';

export function knowledgeRevision(db: Db): number {
  return db.prepare('SELECT revision FROM knowledge WHERE id = 1').pluck().get() as number;
}
