// What crosses the boundary between the server and a pool worker. The worker first says it has
// started (so the time limit counts the reading, not the wait for a free thread), then answers
// with the analysis or with the refusal as plain data: a QmapError does not survive as a class.
import type { MessagePort } from 'node:worker_threads';
import { isQmapError, QmapError, type ErrorCode } from '../errors.js';
import type { Item } from '../domain.js';
import { newIds } from '../store/ids.js';
import { ByteSink } from '../workbook/writer/bytes.js';
import { STORED_STATUS, storedRows, type StoredRow, type Summary } from '../store/jobs.js';
import { newRowView, summaryOf, titleLookup } from '../views.js';
import { analyseDetected, detectedFor, readAndDetect, type AnalyseInput, type Analysis, type Detected } from './analyse.js';

export interface WorkerTask {
  input: Omit<AnalyseInput, 'onProgress'>;
  /** Told once, when the worker begins. */
  started: MessagePort;
  /**
   * A split upload is read once: part 0 reads and detects it, then hands every other part its questions
   * (`to`, in part order from part 1); the other parts wait for theirs (`from`) instead of reading.
   */
  handOff?: { to: MessagePort[] } | { from: MessagePort };
}

/** What part 0 hands another part: its questions, or the refusal reading the upload ended in. */
type HandOff = { detected: Detected } | { refusal: RefusalData };
type RefusalData = { code: ErrorCode; message: string; details?: Record<string, unknown> };

/**
 * An analysis made ready to store and to answer with: the rows in job_rows' column form and the JSON of
 * their view. A worker hands this back instead of the Analysis because cloning 10,000 nested rows between
 * threads, then storing, reading back and encoding them again, cost up to a second at that size.
 */
export interface Prepared {
  kind: Analysis['kind'];
  sheets: Analysis['sheets'];
  notes: string[];
  stored: StoredRow[];
  summary: Summary;
  /**
   * The rows as POST answers them: JSON.stringify of their RowViews in UTF-8, in pieces to send one after
   * another. Moved, not copied, between threads; a merged upload's parts are never copied into one buffer
   * (13 MB at 10,000 rows, and fresh memory is slow to fill).
   */
  rowsJson: Uint8Array[];
}

export function prepare(analysis: Analysis, items: Pick<Item, 'no' | 'title'>[]): Prepared {
  const stored = storedRows(analysis.rows, newIds(analysis.rows.length), analysis.firstOrd);
  const titleOf = titleLookup(items);
  return {
    kind: analysis.kind,
    sheets: analysis.sheets,
    notes: analysis.notes,
    stored,
    summary: summaryOf(stored.map((r) => r[STORED_STATUS])),
    rowsJson: [jsonArray(analysis.rows, (r, i) => JSON.stringify(newRowView(r, stored[i][0], titleOf)))],
  };
}

/**
 * One upload's parts, analysed in order by different workers, as the whole: rows and their JSON concatenated,
 * the summary counted over all rows. Kind, sheets and notes are the same in every part (each read the whole file).
 */
export function mergePrepared(parts: Prepared[]): Prepared {
  if (parts.length === 1) return parts[0];
  const stored = parts.flatMap((p) => p.stored);
  return {
    kind: parts[0].kind,
    sheets: parts[0].sheets,
    notes: parts[0].notes,
    stored,
    summary: summaryOf(stored.map((r) => r[STORED_STATUS])),
    rowsJson: joinArrays(parts.map((p) => p.rowsJson)),
  };
}

const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map((c) => new TextEncoder().encode(c));

/**
 * JSON arrays, each in pieces, joined as pieces (views, no copies): `[a,b]` and `[c]` make `[a,b,c]`;
 * empty arrays `[]` add nothing.
 */
function joinArrays(arrays: Uint8Array[][]): Uint8Array[] {
  const bodies = arrays.map(arrayBody).filter((b) => b.length > 0);
  return [OPEN, ...bodies.flatMap((b, i) => (i ? [COMMA, ...b] : b)), CLOSE];
}

/** The pieces of a JSON array without its brackets (none for `[]`). */
function arrayBody(pieces: Uint8Array[]): Uint8Array[] {
  const body = pieces.filter((p) => p.byteLength > 0);
  if (!body.length) return [];
  body[0] = body[0].subarray(1);
  body[body.length - 1] = body[body.length - 1].subarray(0, -1);
  return body.filter((p) => p.byteLength > 0);
}

/**
 * `[a,b,…]` of the items' JSON, in UTF-8, written a row at a time: the whole array as one string (13 MB of
 * UTF-16 at 10,000 rows) and then its encoding took half as long again, most of it filling fresh memory. The
 * buffer is its own (never a slice of Node's shared pool, and not one kept for writing), so it can be transferred.
 */
function jsonArray<T>(items: T[], json: (item: T, i: number) => string): Uint8Array {
  const out = new ByteSink(1 << 20);
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i) out.push(',');
    out.push(json(items[i], i));
  }
  out.push(']');
  return out.bytes();
}

/** What a worker can move to the server rather than copy: the rows' JSON. */
export function transferables(output: WorkerOutput): ArrayBuffer[] {
  return output.ok ? output.analysis.rowsJson.map((p) => p.buffer as ArrayBuffer) : [];
}

export type WorkerOutput =
  | { ok: true; analysis: Prepared }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** Runs one task in the worker: reports the start, catches QmapErrors into a plain result; other errors are bugs and are thrown. */
export function runTask(task: WorkerTask, work: (input: WorkerTask['input']) => Analysis): WorkerOutput {
  begin(task);
  return settle(() => work(task.input), task.input.items);
}

/** The pool worker's task: the whole upload, or one part of it, read here or handed over by part 0. */
export async function analyseTask(task: WorkerTask): Promise<WorkerOutput> {
  const { handOff, input } = task;
  if (handOff && 'from' in handOff) {
    begin(task);
    const message = await received(handOff.from);
    return settle(() => {
      if (!message) throw new Error('the part reading the upload stopped before handing over its questions');
      if ('refusal' in message) throw new QmapError(message.refusal.code, message.refusal.message, message.refusal.details);
      return analyseDetected(message.detected, input);
    }, input.items);
  }
  return runTask(task, () => {
    const to = handOff?.to ?? [];
    const detected = readOrTell(to, () => readAndDetect(input));
    to.forEach((port, i) => {
      port.postMessage({ detected: detectedFor(detected, { index: i + 1, of: to.length + 1 }) } satisfies HandOff);
      port.close();
    });
    return analyseDetected(detected, input);
  });
}

/** Reads the upload; when that fails, first tells the parts waiting for it (a refusal is theirs too). */
function readOrTell(to: MessagePort[], read: () => Detected): Detected {
  try {
    return read();
  } catch (e) {
    for (const port of to) {
      if (isQmapError(e)) port.postMessage({ refusal: refusalData(e) } satisfies HandOff);
      port.close();
    }
    throw e;
  }
}

function begin(task: WorkerTask): void {
  task.started.postMessage('started');
  task.started.close();
}

function settle(work: () => Analysis, items: WorkerTask['input']['items']): WorkerOutput {
  try {
    return { ok: true, analysis: prepare(work(), items) };
  } catch (e) {
    if (isQmapError(e)) return { ok: false, error: refusalData(e) };
    throw e;
  }
}

const refusalData = (e: QmapError): RefusalData => ({ code: e.code, message: e.message, details: e.details });

/** The one message part 0 sends on this port, or null when its end closed without one (it failed). */
function received(port: MessagePort): Promise<HandOff | null> {
  return new Promise((resolve) => {
    port.once('message', (message: HandOff) => {
      port.close();
      resolve(message);
    });
    // Messages sent before the other end closed arrive before 'close' does.
    port.once('close', () => resolve(null));
  });
}
