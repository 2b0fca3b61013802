// A pool worker thread: reads, detects and matches one upload (or one part of it) per task.
import { setPriority } from 'node:os';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { analyseTask, transferables, type WorkerTask } from './task.js';

// Below the main thread (on Linux, niceness is per thread): however many uploads are being read,
// the server itself, /healthz included, gets the CPU first.
try {
  setPriority(10);
} catch {
  // Not allowed here: run at normal priority.
}

export default async function analyseInWorker(task: WorkerTask) {
  const output = await analyseTask(task);
  // The rows' JSON (megabytes) changes hands instead of being copied.
  return move({ [transferableSymbol]: transferables(output), [valueSymbol]: output });
}
