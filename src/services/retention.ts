// Customer questionnaires are kept QMAP_RETENTION_DAYS, then deleted for good, with what was learned from
// them: through removeQuestionnaire, so the audit trail records a 'retention' deletion, secure_delete zeroes
// the freed pages, and a checkpoint clears the old copies out of the WAL file.
import { jobsOlderThan } from '../store/jobs.js';
import type { Context } from './context.js';
import { removeQuestionnaire } from './questionnaires.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const RETENTION_ACTOR = 'qmap retention';

/** Deletes every job older than QMAP_RETENTION_DAYS; returns the ids deleted. */
export function deleteExpired(ctx: Context, now = new Date()): string[] {
  const before = new Date(now.getTime() - ctx.config.QMAP_RETENTION_DAYS * DAY_MS).toISOString();
  const ids = jobsOlderThan(ctx.db, before);
  for (const id of ids) removeQuestionnaire(ctx, id, RETENTION_ACTOR, 'retention');
  return ids;
}

export interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Runs the sweep at start and every hour; returns a function that stops it. */
export function scheduleRetention(ctx: Context, log: RetentionLog): () => void {
  const sweep = () => {
    try {
      const ids = deleteExpired(ctx);
      if (ids.length) log.info({ deleted: ids.length, days: ctx.config.QMAP_RETENTION_DAYS }, 'retention: deleted old questionnaires');
    } catch (err) {
      log.error({ err }, 'retention sweep failed; it runs again in an hour');
    }
  };
  sweep();
  const timer = setInterval(sweep, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
