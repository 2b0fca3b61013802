// Room kept free for deleting. Deleting a questionnaire writes too (secure_delete overwrites every freed page,
// through the write-ahead log), so on a full disk it would fail just when freeing space is needed. qmap keeps a
// reserve file beside the database; a deletion that finds the disk full gives the reserve back and tries again,
// and the reserve is made again once there is room.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';

const MiB = 1024 * 1024;

export const reservePath = (dbFile: string) => `${dbFile}.reserve`;

/** Makes (or completes) the reserve file; false when the disk has no room for it now. */
export function keepReserve(dbFile: string, bytes: number): boolean {
  if (dbFile === ':memory:' || bytes <= 0) return true;
  const path = reservePath(dbFile);
  const have = existsSync(path) ? statSync(path).size : 0;
  if (have >= bytes) return true;
  const fd = openSync(path, 'a');
  const zeros = Buffer.alloc(MiB);
  try {
    for (let at = have; at < bytes; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, bytes - at));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC' || (e as NodeJS.ErrnoException).code === 'EFBIG') return false;
    throw e;
  } finally {
    closeSync(fd);
  }
}

const diskFull = (e: unknown) => e instanceof Database.SqliteError && e.code === 'SQLITE_FULL';

/** Runs a deletion; when the disk is full, gives the reserve back and runs it again, then makes the reserve again. */
export function withReserve<T>(dbFile: string, bytes: number, deletion: () => T): T {
  try {
    return deletion();
  } catch (e) {
    if (!diskFull(e) || !existsSync(reservePath(dbFile))) throw e;
    unlinkSync(reservePath(dbFile));
    const result = deletion();
    keepReserve(dbFile, bytes);
    return result;
  }
}
