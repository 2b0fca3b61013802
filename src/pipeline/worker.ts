// A pool worker thread: reads and matches an upload, or writes a download, one task at a time. It first says
// it has started (so the time limit counts the work, not the wait for a thread), then answers with the result or
// with the refusal as plain data: a QmapError does not survive between threads as a class.
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Analysis } from '../domain.js';
import { isQmapError, type ErrorCode } from '../errors.js';
import { analyse, type AnalyseInput } from './analyse.js';
import { openDb, type Db } from '../store/db.js';
import { writeDownload, type DownloadInput, type Written } from './download.js';
import { previewOf, type Preview, type PreviewInput } from './preview.js';

export type Task =
  | { kind: 'analyse'; input: Omit<AnalyseInput, 'onProgress'> }
  | { kind: 'download'; input: DownloadInput }
  | { kind: 'preview'; input: PreviewInput };

type Result = Analysis | Written | null | Preview;

export type TaskOutput =
  | { ok: true; value: Result }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

// Below the main thread (on Linux, niceness is per thread): however many files are being worked on, the
// server itself, /healthz included, gets the CPU first.
try {
  setPriority(10);
} catch {
  // Not allowed here: run at normal priority.
}

/** What the pool sends a worker: the task, and a port to say it has started on it. */
export interface WorkerMessage {
  task: Task;
  started: MessagePort;
}

export default (message: WorkerMessage) => answer(message, perform);

export function perform(task: Task): Result {
  if (task.kind === 'analyse') return analyse(task.input);
  if (task.kind === 'download') return writeDownload(reader(task.input.database), task.input);
  return previewOf(task.input);
}

// This worker's read-only connection to the database, opened on its first download.
const readers = new Map<string, Db>();
const reader = (file: string) => readers.get(file) ?? readers.set(file, openDb(file, { readonly: true })).get(file)!;

/** Runs a task in this worker the pool's way: says it started, then answers with the result or the refusal. */
export function answer({ task, started }: WorkerMessage, work: (task: Task) => Result) {
  started.postMessage('started');
  started.close();
  const output = settle(() => work(task));
  // A written workbook (megabytes) changes hands instead of being copied.
  const bytes = output.ok && output.value && 'bytes' in output.value ? ownBuffer(output.value.bytes) : [];
  return move({ [transferableSymbol]: bytes, [valueSymbol]: output });
}

function settle(work: () => Result): TaskOutput {
  try {
    return { ok: true, value: work() };
  } catch (e) {
    // A refusal (a bad file) is an answer; anything else is a bug and fails the task (500).
    if (isQmapError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    throw e;
  }
}

/** The buffer to move, when the bytes are all of it (a slice of a shared buffer is copied instead). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
}
