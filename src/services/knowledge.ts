// What an upload is matched with, read from the database. The lists are kept between uploads for as long as
// the knowledge revision (raised by triggers on every change, migrations/007) stays the same: with 10,000
// remembered decisions, reading them cost each upload 20–60 ms of the main thread.
import type { Config } from '../config.js';
import type { Knowledge } from '../pipeline/knowledge.js';
import { listAliases } from '../store/aliases.js';
import type { Db } from '../store/db.js';
import { listItems } from '../store/items.js';
import { knowledgeRevision } from '../store/knowledge.js';
import { libraryAnswers } from '../store/library.js';

const kept = new WeakMap<Db, Knowledge>();

export function currentKnowledge(db: Db, config: Config): Knowledge {
  // Read inside a caller's transaction, the lists could still be rolled back with it: then they are not kept.
  const keep = !db.inTransaction;
  // One read transaction: the revision and the lists come from the same snapshot.
  const knowledge = db.transaction(() => {
    const revision = knowledgeRevision(db);
    const known = kept.get(db);
    if (known?.revision === revision) return known;
    return {
      revision,
      items: listItems(db).map(({ updatedAt: _a, updatedBy: _b, ...item }) => item),
      learned: listAliases(db),
      library: libraryAnswers(db),
    };
  })();
  if (keep) kept.set(db, knowledge);
  return { ...knowledge, thresholds: thresholdsOf(config) };
}

function thresholdsOf(config: Config): Knowledge['thresholds'] {
  if (config.QMAP_AUTO_THRESHOLD === undefined && config.QMAP_REVIEW_THRESHOLD === undefined) return undefined;
  return { auto: config.QMAP_AUTO_THRESHOLD ?? 1, review: config.QMAP_REVIEW_THRESHOLD ?? 0 };
}
