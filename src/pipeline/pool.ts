// Where the heavy work runs. Reading an upload and writing a download both run in a pool of worker threads
// (piscina), so one enormous or hostile file costs at most one worker: each task is stopped after
// QMAP_PARSE_TIMEOUT_S, a worker that outgrows QMAP_PARSE_MEMORY_MB dies alone and is replaced, and the main
// thread only moves bytes (a worker reads a download's job from the database itself). The CLI and most tests
// use the same functions in-process.
import { Piscina } from 'piscina';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Analysis } from '../domain.js';
import { QmapError } from '../errors.js';
import { analyse, type AnalyseInput } from './analyse.js';
import type { Db } from '../store/db.js';
import { openDb } from '../store/db.js';
import { writeDownload, type DownloadInput, type Written } from './download.js';
import { previewOf, type Preview, type PreviewInput } from './preview.js';
import type { Task, TaskOutput, WorkerMessage } from './worker.js';

export interface Runner {
  analyse(input: AnalyseInput): Promise<Analysis>;
  /** The job's answered workbook, or null when there is no such job. */
  download(input: DownloadInput): Promise<Written | null>;
  preview(input: PreviewInput): Promise<Preview>;
  close(): Promise<void>;
}

/** The pipeline in this thread, on this database connection: for the CLI and for tests that do not exercise the pool. */
export function inProcess(db?: Db): Runner {
  return {
    analyse: async (input) => analyse(input),
    download: async (input) => writeDownload(db ?? openDb(input.database, { readonly: true }), input),
    preview: async (input) => previewOf(input),
    close: async () => {},
  };
}

export interface PoolOptions {
  /** The worker module; tests pass one that misbehaves on purpose. */
  worker?: URL;
  /** Tasks allowed to wait for a free worker; beyond that the server says it is busy (503). */
  maxWaiting?: number;
  /** Told when an idle worker fails (not a task's fault: there is no task to blame). */
  onWorkerError?: (err: unknown) => void;
}

// From src/ under tsx the worker is worker.ts, from dist/ worker.js: same folder, same extension as this file.
const defaultWorker = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export function createPool(config: Config, options: PoolOptions = {}): Runner {
  const worker = options.worker ?? defaultWorker;
  const maxWaiting = options.maxWaiting ?? 64;
  // Node 20 does not give worker threads the --import loaders, so TypeScript workers start through a shim
  // that registers tsx itself.
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

  const run = async (task: Task): Promise<unknown> => {
    if (piscina.queueSize >= maxWaiting) {
      throw new QmapError('unavailable', `qmap is busy with ${piscina.queueSize + config.QMAP_WORKERS} files. Try again in a minute.`);
    }
    const output = await runTimed(piscina, task, config);
    if (!output.ok) throw new QmapError(output.error.code, output.error.message, output.error.details);
    return output.value;
  };
  return {
    analyse: async ({ onProgress: _, ...input }) => (await run({ kind: 'analyse', input })) as Analysis,
    download: async (input) => (await run({ kind: 'download', input })) as Written | null,
    preview: async (input) => (await run({ kind: 'preview', input })) as Preview,
    close: () => piscina.close(),
  };
}

/** One task; its clock starts when a worker picks it up, not while it waits in line. */
async function runTimed(piscina: Piscina, task: Task, config: Config): Promise<TaskOutput> {
  const abort = new AbortController();
  const { port1, port2 } = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  port1.once('message', () => {
    timer = setTimeout(() => abort.abort(timedOut(config)), config.QMAP_PARSE_TIMEOUT_S * 1000);
  });
  try {
    const message: WorkerMessage = { task, started: port2 };
    return (await piscina.run(message, { signal: abort.signal, transferList: [port2] })) as TaskOutput;
  } catch (e) {
    if (abort.signal.aborted) throw abort.signal.reason;
    throw outOfMemory(e, config) ?? e;
  } finally {
    clearTimeout(timer);
    port1.close();
  }
}

function timedOut(config: Config): QmapError {
  return new QmapError(
    'timeout',
    `Working on this file took longer than ${config.QMAP_PARSE_TIMEOUT_S} seconds, so qmap stopped. Remove the sheets and rows that are not part of the questionnaire and upload it again.`,
    { limit: 'QMAP_PARSE_TIMEOUT_S', seconds: config.QMAP_PARSE_TIMEOUT_S },
  );
}

/** The refusal for a worker that outgrew its memory; null for any other error (a bug: 500). */
function outOfMemory(e: unknown, config: Config): QmapError | null {
  if ((e as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') return null;
  return new QmapError(
    'too_large',
    `Working on this file needed more than the ${config.QMAP_PARSE_MEMORY_MB} MB of memory one file may use. Remove the sheets, images and rows that are not part of the questionnaire and upload it again.`,
    { limit: 'QMAP_PARSE_MEMORY_MB', mb: config.QMAP_PARSE_MEMORY_MB },
  );
}
