// The producer check, shared by `npm run bench:producers` (993 Excel-written workbooks) and the test on the
// sample committed under fixtures/producers: a small questionnaire table is spliced into a workbook's first
// worksheet (as cells in its XML, every other part left as it was), the result goes through qmap as an
// upload does (readBook → detect → writeAnswers), and the download must have the answers where detection
// put them, every part qmap did not write byte for byte, and the same questions when read again.
// The producer variants stand for other programs' packages: stored entries (as SheetJS writes), and
// LibreOffice's and openpyxl's re-saves.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import type { CellWrite, FileKind, Limits, Question } from '../../src/workbook/types.js';
import { writeAnswers } from '../../src/workbook/write.js';
import { packageDiffs, sheetParts } from './fidelity.js';
import { convert, PYTHON, readAll, SOFFICE, type Reader } from './readers.js';

export const QUESTIONS = [
  'データは国内のデータセンターに保管されていますか。',
  '通信はTLS1.2以上で暗号化されていますか。',
  'バックアップの取得頻度と保管世代数を教えてください。',
  '障害発生時の連絡体制を教えてください。',
  '退会後のデータ削除方法を教えてください。',
];

const LIMITS: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

export interface Spliced {
  bytes: Uint8Array;
  sheet: string;
  part: string;
  /** 1-based row of the table's header. */
  header: number;
  /** False when a person could not see the table: its sheet is hidden, or its rows or columns are. */
  visible: boolean;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * The workbook with the questionnaire table in the first free rows of its first worksheet: rows no value,
 * merge, autofilter or table reaches, with a blank row above and below, and no row element of the sheet's
 * own among them; null without a worksheet.
 */
export function splice(original: Uint8Array): Spliced | null {
  const files = unzipSync(original);
  const parts = sheetParts(original);
  const first = [...parts].find(([, part]) => /worksheets\//.test(part) && files[part]);
  if (!first) return null;
  const [sheet, part] = first;
  const xml = strFromU8(files[part]);
  const rowsAt = [...xml.matchAll(/<row\b[^>]*\sr="(\d+)"/g)].map((m) => ({ r: Number(m[1]), at: m.index }));
  const header = freeRows(usedRows(xml, files), new Set(rowsAt.map((x) => x.r)), QUESTIONS.length + 1);
  const rows = [
    `<row r="${header}">${inline(`A${header}`, 'No.')}${inline(`B${header}`, '質問')}${inline(`C${header}`, '回答')}</row>`,
    ...QUESTIONS.map((q, i) => `<row r="${header + i + 1}">${inline(`A${header + i + 1}`, String(i + 1))}${inline(`B${header + i + 1}`, q)}</row>`),
  ].join('');
  // Rows stay in order: the table goes before the first row below it, or at the end.
  const before = rowsAt.find((x) => x.r > header)?.at;
  const spliced =
    before !== undefined
      ? xml.slice(0, before) + rows + xml.slice(before)
      : xml.includes('</sheetData>')
        ? xml.replace('</sheetData>', `${rows}</sheetData>`)
        : xml.replace(/<sheetData\s*\/>/, `<sheetData>${rows}</sheetData>`);
  files[part] = strToU8(spliced);
  const wbXml = strFromU8(files['xl/workbook.xml']);
  const sheetTag = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${escapeAttr(sheet)}"`)) ?? '';
  const hiddenCol = [...xml.matchAll(/<col\b[^>]*>/g)].some((m) => /hidden="(1|true)"/.test(m[0]) && Number(/min="(\d+)"/.exec(m[0])?.[1]) <= 3);
  const visible = !/state="(hidden|veryHidden)"/.test(sheetTag) && !hiddenCol && !/zeroHeight="(1|true)"/.test(xml);
  return { bytes: zipSync(files, { level: 6 }), sheet, part, header, visible };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Row ranges the sheet shows something in: rows with a value, merges, autofilters, tables. */
function usedRows(xml: string, files: Record<string, Uint8Array>): [number, number][] {
  const used: [number, number][] = [];
  for (const m of xml.matchAll(/<row\b[^>]*\sr="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) if (/<(v|is|f)[\s>]/.test(m[2])) used.push([Number(m[1]), Number(m[1])]);
  const range = (m: RegExpMatchArray): [number, number] => [Number(m[1]), Number(m[2])];
  used.push(...[...xml.matchAll(/<(?:mergeCell|autoFilter)\b[^>]*\sref="[A-Z]+(\d+):[A-Z]+(\d+)"/g)].map(range));
  for (const [name, data] of Object.entries(files)) {
    if (/^xl\/tables\/[^/]+\.xml$/.test(name)) used.push(...[...strFromU8(data).matchAll(/<table\b[^>]*\sref="[A-Z]+(\d+):[A-Z]+(\d+)"/g)].map(range));
  }
  return used;
}

/** The first row from which `count` rows are free, with a free row above and below. */
function freeRows(used: [number, number][], taken: Set<number>, count: number): number {
  for (let h = 1; ; ) {
    const clash = used.find(([a, b]) => a <= h + count && b >= h - 1);
    if (clash) {
      h = clash[1] + 2;
      continue;
    }
    const row = Array.from({ length: count }, (_, i) => h + i).find((r) => taken.has(r));
    if (row === undefined) return h;
    h = row + 1;
  }
}

export interface Outcome {
  file: string;
  variant: string;
  /** What went wrong, in words; [] when the workbook passed. */
  problems: string[];
  visible: boolean;
  /** The download, for the readers' matrix. */
  output?: Uint8Array;
  extension?: 'xlsx' | 'xlsm';
}

/** One spliced workbook through qmap, and every check on what comes back. */
export function check(file: string, variant: string, spliced: Spliced): Outcome {
  const outcome: Outcome = { file, variant, problems: [], visible: spliced.visible };
  const kind: FileKind = file.endsWith('.xlsm') ? 'xlsm' : 'xlsx';
  let questions: Question[];
  try {
    questions = ours(detect(readBook(spliced.bytes, file, LIMITS)).sheets.flatMap((s) => s.questions), spliced);
  } catch (e) {
    outcome.problems.push(`upload refused: ${(e as Error).message.slice(0, 200)}`);
    return outcome;
  }
  if (questions.length !== QUESTIONS.length) outcome.problems.push(`detection found ${questions.length} of the ${QUESTIONS.length} questions`);
  // As the service writes them: the answer into the answer cell, else a choice into a drop-down's cell.
  const writes: CellWrite[] = questions.flatMap((q, i): CellWrite[] => {
    const flag = i === 1 ? { flag: { comment: 'qmap: 要確認' } } : {};
    if (q.answerCell) return [{ sheet: q.sheet, cell: q.answerCell, text: `回答${i + 1}: 対応しています。`, ...flag }];
    return q.choiceCell && q.choices?.length ? [{ sheet: q.sheet, cell: q.choiceCell, text: q.choices[0], ...flag }] : [];
  });
  if (writes.length !== questions.length) outcome.problems.push(`no answer or choice cell for ${questions.length - writes.length} questions`);
  const review = writes.map((w, i) => ({ sheet: w.sheet, cell: w.cell, question: questions[i].text, itemNos: [i + 1], itemTitles: ['項目'], score: 0.9, status: 'auto' as const, alternatives: '', answer: w.text }));
  let out;
  try {
    out = writeAnswers(spliced.bytes, kind, writes, review, { limits: LIMITS });
  } catch (e) {
    outcome.problems.push(`download failed: ${(e as Error).message.slice(0, 200)}`);
    return outcome;
  }
  Object.assign(outcome, { output: out.bytes, extension: out.extension });
  if (out.skipped.length) outcome.problems.push(`answers not written: ${out.skipped.map((s) => `${s.cell} (${s.reason})`).join(', ')}`);
  const ws = XLSX.read(out.bytes, { type: 'array' }).Sheets[spliced.sheet];
  const misplaced = writes.filter((w) => ws?.[w.cell]?.v !== w.text);
  if (misplaced.length) outcome.problems.push(`answers not where they were written: ${misplaced.map((w) => w.cell).join(', ')}`);
  const diffs = packageDiffs(spliced.bytes, out.bytes, { written: new Map([[spliced.part, new Set(writes.map((w) => w.cell))]]) });
  if (diffs.length) outcome.problems.push(`parts changed: ${diffs.slice(0, 3).join('; ')}`);
  try {
    const again = ours(detect(readBook(out.bytes, `again.${out.extension}`, LIMITS)).sheets.flatMap((s) => s.questions), spliced);
    if (JSON.stringify(again.map((q) => [q.row, q.text])) !== JSON.stringify(questions.map((q) => [q.row, q.text]))) outcome.problems.push('read again, the download shows other questions');
  } catch (e) {
    outcome.problems.push(`the download cannot be uploaded again: ${(e as Error).message.slice(0, 200)}`);
  }
  return outcome;
}

/** The spliced table's questions among what detection found. */
function ours(found: Question[], spliced: Spliced): Question[] {
  return found.filter((q) => q.sheet === spliced.sheet && q.row > spliced.header && q.row <= spliced.header + QUESTIONS.length);
}

/** The variant a program makes of each spliced workbook: stored entries (SheetJS's default), LibreOffice's and openpyxl's re-saves. */
function variants(spliced: Map<string, Spliced>, dir: string, which: Variant[]): Map<string, Map<string, Spliced>> {
  const out = new Map<string, Map<string, Spliced>>();
  const each = (variant: string, make: (file: string, s: Spliced) => Uint8Array | null) => {
    const made = new Map<string, Spliced>();
    for (const [file, s] of spliced) {
      const bytes = make(file, s);
      const part = bytes && partOf(bytes, s.sheet);
      if (bytes && part) made.set(file, { ...s, bytes, part });
    }
    out.set(variant, made);
  };
  if (which.includes('stored')) each('stored', (_, s) => zipSync(unzipSync(s.bytes), { level: 0 }));
  const inputs = join(dir, 'spliced');
  mkdirSync(inputs, { recursive: true });
  for (const [file, s] of spliced) writeFileSync(join(inputs, file), s.bytes);
  const paths = [...spliced.keys()].map((f) => join(inputs, f));
  if (which.includes('libreoffice') && SOFFICE) {
    const made = convert(paths, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'libreoffice'), join(dir, 'profile'));
    each('libreoffice', (file) => {
      const out = made.get(join(inputs, file));
      return out ? new Uint8Array(readFileSync(out)) : null;
    });
    renameXlsm(out.get('libreoffice')!);
  }
  if (which.includes('openpyxl') && existsSync(PYTHON)) {
    const py = join(dir, 'openpyxl');
    mkdirSync(py, { recursive: true });
    // Saved under a temporary name first: openpyxl leaves half a zip behind when saving fails.
    const script = `import os, sys, warnings, openpyxl\nwarnings.simplefilter('ignore')\nfor p in sys.argv[2:]:\n    out = sys.argv[1] + '/' + p.split('/')[-1]\n    try:\n        openpyxl.load_workbook(p, keep_vba=p.endswith('.xlsm')).save(out + '.part')\n        os.rename(out + '.part', out)\n    except Exception as e:\n        print(p, repr(e)[:200], file=sys.stderr)\n`;
    for (let i = 0; i < paths.length; i += 200) spawnSync(PYTHON, ['-c', script, py, ...paths.slice(i, i + 200)], { stdio: 'ignore' });
    each('openpyxl', (file) => (existsSync(join(py, file)) ? new Uint8Array(readFileSync(join(py, file))) : null));
  }
  return out;
}

/** The spliced sheet's part in a re-saved workbook; null when the program did not write a workbook. */
function partOf(bytes: Uint8Array, sheet: string): string | null {
  try {
    return sheetParts(bytes).get(sheet) ?? null;
  } catch {
    return null;
  }
}

/** LibreOffice saves without macros: its re-save of an .xlsm is an .xlsx. */
function renameXlsm(made: Map<string, Spliced>): void {
  for (const [file, s] of [...made]) {
    if (!file.endsWith('.xlsm')) continue;
    made.delete(file);
    made.set(file.replace(/\.xlsm$/, '.lo.xlsx'), s);
  }
}

export type Variant = 'stored' | 'libreoffice' | 'openpyxl';

export interface Run {
  /** Workbooks by variant ('excel' for the files as they are), then by file. */
  inputs: Map<string, Map<string, Spliced>>;
  outcomes: Outcome[];
  /** Files without a worksheet to splice the table into. */
  skipped: string[];
}

/**
 * The whole check over a set of workbooks: splice, make the variants, run each through qmap, then the
 * readers' matrix over every download. A reader's failure counts against qmap only when that reader opens
 * the workbook qmap was given (openpyxl cannot read every file LibreOffice writes, for one).
 */
export function run(files: Map<string, Uint8Array>, dir: string, which: Variant[]): Run {
  const spliced = new Map<string, Spliced>();
  const skipped: string[] = [];
  for (const [file, bytes] of files) {
    const s = splice(bytes);
    if (s) spliced.set(file, s);
    else skipped.push(file);
  }
  const inputs = new Map<string, Map<string, Spliced>>([['excel', spliced], ...variants(spliced, dir, which)]);
  const outcomes: Outcome[] = [];
  for (const [variant, set] of inputs) for (const [file, s] of set) outcomes.push(check(file, variant, s));
  const out = join(dir, 'written');
  mkdirSync(out, { recursive: true });
  const written = new Map<string, Outcome>();
  for (const o of outcomes) {
    if (!o.output) continue;
    const path = join(out, `${o.variant}--${o.file.replace(/\.[^.]+$/, '')}.${o.extension}`);
    writeFileSync(path, o.output);
    written.set(path, o);
    o.output = undefined;
  }
  const failed = readAll([...written.keys()]);
  // The same readers over the workbooks given, for the downloads some reader could not open.
  const given = new Map<string, Outcome>();
  for (const f of failed) {
    const o = written.get(f.file)!;
    const path = join(out, `given--${o.variant}--${o.file.replace(/\.[^.]+$/, '')}.${o.file.endsWith('.xlsm') ? 'xlsm' : 'xlsx'}`);
    writeFileSync(path, inputs.get(o.variant)!.get(o.file)!.bytes);
    given.set(path, o);
  }
  const readerFails = new Set(readAll([...given.keys()], [...new Set(failed.map((f) => f.reader))]).map((f) => `${f.reader} ${given.get(f.file)!.variant}/${given.get(f.file)!.file}`));
  for (const f of failed) {
    const o = written.get(f.file)!;
    if (!readerFails.has(`${f.reader} ${o.variant}/${o.file}`)) o.problems.push(`${f.reader}: ${f.error}`);
  }
  return { inputs, outcomes, skipped };
}

/** The figures of a run: per variant, the workbooks whose table is visible and how many passed. */
export function figures(r: Run): { variant: string; workbooks: number; visible: number; passed: number }[] {
  return [...r.inputs].map(([variant, set]) => {
    const visible = r.outcomes.filter((o) => o.variant === variant && o.visible);
    return { variant, workbooks: set.size, visible: visible.length, passed: visible.filter((o) => o.problems.length === 0).length };
  });
}

export type { Reader };

/** The feature a corpus file exercises, from its name: autofilter03.xlsx → autofilter. */
export function feature(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '').replace(/(\.lo)$/, '').replace(/[_-]?\d+$/, '') || file;
}

