// Uploads are read, detected and matched in a pool of worker threads (piscina), so one enormous or
// hostile file costs at most one worker: it is stopped after QMAP_PARSE_TIMEOUT_S, dies alone when
// it outgrows QMAP_PARSE_MEMORY_MB, and the pool starts a fresh worker in its place.
import { Piscina } from 'piscina';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { Config } from '../config.js';
import { QmapError } from '../errors.js';
import type { Analyser } from '../questionnaires.js';
import { mergePrepared, type Prepared, type WorkerOutput, type WorkerTask } from './task.js';

export interface Pool {
  analyser: Analyser;
  /** How many uploads were matched in parts on several workers at once. */
  split(): number;
  /** Waits for running uploads, then stops the workers. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** The worker module; tests pass one that misbehaves on purpose. */
  worker?: URL;
  /** Uploads allowed to wait for a free worker; beyond that the server says it is busy (503). */
  maxWaiting?: number;
  /** Told when an idle worker fails (not an upload's fault: there is no upload to blame). */
  onWorkerError?: (err: unknown) => void;
  /** Uploads of at least this many bytes are matched in two parts when the pool is idle (tests pass 0). */
  splitFrom?: number;
}

// Under ~100 KB (some 1,500 questions) matching takes ~0.1 s, and two workers at once each run slower than
// one alone on a 2-core machine: splitting such an upload was measured to save nothing, and to cost when cold.
const SPLIT_FROM_BYTES = 100_000;

// From src/ under tsx the worker is worker.ts, from dist/ worker.js: same folder, same extension as this file.
const defaultWorker = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export function createPool(config: Config, options: PoolOptions = {}): Pool {
  const worker = options.worker ?? defaultWorker;
  const maxWaiting = options.maxWaiting ?? 64;
  const splitFrom = options.splitFrom ?? SPLIT_FROM_BYTES;
  // Node 20 does not give worker threads the --import loaders, so TypeScript workers start through a shim
  // that registers tsx itself (and need none of the parent's --import hooks, which only slow their start).
  const typescript = worker.pathname.endsWith('.ts');
  const piscina = new Piscina({
    filename: typescript ? new URL('./ts-worker.mjs', import.meta.url).href : worker.href,
    workerData: { worker: worker.href },
    execArgv: typescript ? [] : undefined,
    minThreads: config.QMAP_WORKERS,
    maxThreads: config.QMAP_WORKERS,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: config.QMAP_PARSE_MEMORY_MB },
  });
  // Without a listener, an error from an idle worker would be thrown in the main thread.
  piscina.on('error', (err: unknown) => options.onWorkerError?.(err));

  // Uploads being analysed. A large one alone in the pool is matched in two halves on two workers at once
  // (the first reads and detects it, then hands the second its questions); behind others it is one task.
  let inFlight = 0;
  let split = 0;
  const analyser: Analyser = async ({ onProgress: _, ...input }) => {
    if (piscina.queueSize >= maxWaiting) {
      throw new QmapError('unavailable', `qmap is busy reading ${piscina.queueSize + config.QMAP_WORKERS} uploads. Try again in a minute.`);
    }
    const parts = inFlight === 0 && config.QMAP_WORKERS >= 2 && input.bytes.byteLength >= splitFrom ? 2 : 1;
    if (parts > 1) split++;
    inFlight++;
    try {
      return await runParts(piscina, input, config, parts);
    } finally {
      inFlight--;
    }
  };

  return { analyser, split: () => split, close: () => piscina.close() };
}

/**
 * One upload as one task per part. A part that times out, runs out of memory or fails stops the others, and
 * its error is the upload's. A refusal (a bad file) is left to the other parts: part 0 hands them its refusal
 * instead of their questions, and stopping a running task would end its thread and what it has cached.
 */
async function runParts(piscina: Piscina, input: WorkerTask['input'], config: Config, of: number): Promise<Prepared> {
  const abort = new AbortController();
  const refusals: QmapError[] = [];
  // Part 0 reads the upload and hands the others their questions: they get no bytes to read.
  const channels = Array.from({ length: of - 1 }, () => new MessageChannel());
  const task = (index: number): Omit<WorkerTask, 'started'> =>
    of === 1
      ? { input }
      : index === 0
        ? { input: { ...input, part: { index, of } }, handOff: { to: channels.map((c) => c.port1) } }
        : { input: { ...input, bytes: new Uint8Array(0), part: { index, of } }, handOff: { from: channels[index - 1].port2 } };
  const parts = await Promise.allSettled(
    Array.from({ length: of }, (_, index) =>
      run(piscina, task(index), config, abort).then(
        (output) => {
          if (output.ok) return output.analysis;
          refusals.push(new QmapError(output.error.code, output.error.message, output.error.details));
          return null;
        },
        (e: unknown) => {
          if (!abort.signal.aborted) abort.abort(e);
          throw e;
        },
      ),
    ),
  );
  if (abort.signal.aborted) throw abort.signal.reason;
  if (refusals.length) throw refusals[0];
  return mergePrepared(parts.map((p) => (p as PromiseFulfilledResult<Prepared>).value));
}

/** One task; its clock starts when a worker picks it up, not while it waits in line. */
async function run(piscina: Piscina, work: Omit<WorkerTask, 'started'>, config: Config, abort: AbortController): Promise<WorkerOutput> {
  const { port1, port2 } = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  port1.once('message', () => {
    timer = setTimeout(() => abort.abort(timedOut(config)), config.QMAP_PARSE_TIMEOUT_S * 1000);
  });
  try {
    const task: WorkerTask = { ...work, started: port2 };
    const handOff = !work.handOff ? [] : 'to' in work.handOff ? work.handOff.to : [work.handOff.from];
    return (await piscina.run(task, { signal: abort.signal, transferList: [port2, ...handOff] })) as WorkerOutput;
  } catch (e) {
    // Stopped because this task or another part of the upload timed out or failed: that is what to answer.
    if (abort.signal.aborted) throw abort.signal.reason;
    throw outOfMemory(e, config) ?? e;
  } finally {
    clearTimeout(timer);
    port1.close();
  }
}

/** The refusal for an upload stopped at its time limit. */
function timedOut(config: Config): QmapError {
  return new QmapError(
    'timeout',
    `Reading this file took longer than ${config.QMAP_PARSE_TIMEOUT_S} seconds, so qmap stopped. Remove the sheets and rows that are not part of the questionnaire and upload it again.`,
    { limit: 'QMAP_PARSE_TIMEOUT_S', seconds: config.QMAP_PARSE_TIMEOUT_S },
  );
}

/** The refusal for a worker that outgrew its memory; null for any other error (a bug: 500). */
function outOfMemory(e: unknown, config: Config): QmapError | null {
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new QmapError(
      'too_large',
      `Reading this file needed more than the ${config.QMAP_PARSE_MEMORY_MB} MB of memory one upload may use. Remove the sheets, images and rows that are not part of the questionnaire and upload it again.`,
      { limit: 'QMAP_PARSE_MEMORY_MB', mb: config.QMAP_PARSE_MEMORY_MB },
    );
  }
  return null;
}
