// Customer questionnaires are kept QMAP_RETENTION_DAYS, then deleted for good: the job, its rows and
// its stored upload go through removeQuestionnaire (so the audit trail records a 'retention' deletion),
// secure_delete zeroes the freed pages, and a checkpoint clears the old copies out of the WAL file.
import type { Db } from './store/db.js';
import { jobsOlderThan } from './store/jobs.js';
import { removeQuestionnaire } from './questionnaires.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const RETENTION_ACTOR = 'qmap retention';

/** Deletes every job older than `days`; returns the ids deleted. */
export function deleteExpired(db: Db, days: number, now = new Date()): string[] {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  const ids = jobsOlderThan(db, before);
  for (const id of ids) removeQuestionnaire(db, id, RETENTION_ACTOR, 'retention');
  return ids;
}

export interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Runs now and then every hour until stopped; the timer never keeps the process alive. */
export function scheduleRetention(db: Db, days: number, log: RetentionLog, everyMs = HOUR_MS): () => void {
  const run = () => {
    try {
      const ids = deleteExpired(db, days);
      if (ids.length) log.info({ deleted: ids.length, days }, 'deleted questionnaires past the retention period');
    } catch (err) {
      log.error({ err }, 'could not delete questionnaires past the retention period; will try again');
    }
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
