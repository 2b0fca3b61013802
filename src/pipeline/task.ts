// What crosses the boundary between the server and a pool worker. The worker first says it has
// started (so the time limit counts the reading, not the wait for a free thread), then answers
// with the analysis or with the refusal as plain data: a QmapError does not survive as a class.
import type { MessagePort } from 'node:worker_threads';
import { isQmapError, type ErrorCode } from '../errors.js';
import type { AnalyseInput, Analysis } from './analyse.js';

export interface WorkerTask {
  input: Omit<AnalyseInput, 'onProgress'>;
  /** Told once, when the worker begins. */
  started: MessagePort;
}

export type WorkerOutput =
  | { ok: true; analysis: Analysis }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** Runs one task in the worker: reports the start, catches QmapErrors into a plain result; other errors are bugs and are thrown. */
export function runTask(task: WorkerTask, work: (input: WorkerTask['input']) => Analysis): WorkerOutput {
  task.started.postMessage('started');
  task.started.close();
  try {
    return { ok: true, analysis: work(task.input) };
  } catch (e) {
    if (isQmapError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    throw e;
  }
}
