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
import type { WorkerOutput, WorkerTask } from './task.js';

export interface Pool {
  analyser: Analyser;
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
}

// From src/ under tsx the worker is worker.ts, from dist/ worker.js: same folder, same extension as this file.
const defaultWorker = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export function createPool(config: Config, options: PoolOptions = {}): Pool {
  const worker = options.worker ?? defaultWorker;
  const maxWaiting = options.maxWaiting ?? 64;
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

  const analyser: Analyser = async ({ onProgress: _, ...input }) => {
    if (piscina.queueSize >= maxWaiting) {
      throw new QmapError('unavailable', `qmap is busy reading ${piscina.queueSize + config.QMAP_WORKERS} uploads. Try again in a minute.`);
    }
    const output = await run(piscina, input, config);
    if (!output.ok) throw new QmapError(output.error.code, output.error.message, output.error.details);
    return output.analysis;
  };

  return { analyser, close: () => piscina.close() };
}

/** One task; its clock starts when a worker picks it up, not while it waits in line. */
async function run(piscina: Piscina, input: WorkerTask['input'], config: Config): Promise<WorkerOutput> {
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  port1.once('message', () => {
    timer = setTimeout(() => abort.abort(), config.QMAP_PARSE_TIMEOUT_S * 1000);
  });
  try {
    const task: WorkerTask = { input, started: port2 };
    return (await piscina.run(task, { signal: abort.signal, transferList: [port2] })) as WorkerOutput;
  } catch (e) {
    throw refusal(e, abort.signal.aborted, config) ?? e;
  } finally {
    clearTimeout(timer);
    port1.close();
  }
}

/** Why the pool stopped a task, in words for the user; null for anything else (a bug: 500). */
function refusal(e: unknown, timedOut: boolean, config: Config): QmapError | null {
  if (timedOut) {
    return new QmapError(
      'timeout',
      `Reading this file took longer than ${config.QMAP_PARSE_TIMEOUT_S} seconds, so qmap stopped. Remove the sheets and rows that are not part of the questionnaire and upload it again.`,
      { limit: 'QMAP_PARSE_TIMEOUT_S', seconds: config.QMAP_PARSE_TIMEOUT_S },
    );
  }
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new QmapError(
      'too_large',
      `Reading this file needed more than the ${config.QMAP_PARSE_MEMORY_MB} MB of memory one upload may use. Remove the sheets, images and rows that are not part of the questionnaire and upload it again.`,
      { limit: 'QMAP_PARSE_MEMORY_MB', mb: config.QMAP_PARSE_MEMORY_MB },
    );
  }
  return null;
}
