// A pool worker thread: reads, detects and matches one upload per task.
import { setPriority } from 'node:os';
import { analyse } from './analyse.js';
import { runTask, type WorkerOutput, type WorkerTask } from './task.js';

// Below the main thread (on Linux, niceness is per thread): however many uploads are being read,
// the server itself, /healthz included, gets the CPU first.
try {
  setPriority(10);
} catch {
  // Not allowed here: run at normal priority.
}

export default function analyseInWorker(task: WorkerTask): WorkerOutput {
  return runTask(task, analyse);
}
