// A pool worker thread: reads, detects and matches one upload per task.
import { analyse } from './analyse.js';
import { runTask, type WorkerOutput, type WorkerTask } from './task.js';

export default function analyseInWorker(task: WorkerTask): WorkerOutput {
  return runTask(task, analyse);
}
