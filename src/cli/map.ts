// `qmap map IN -o OUT`: the whole job without the server, through the same services as an upload and a
// download, on the embedded database (the job stays there for review on the page, like an upload).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { messageText } from '../messages.js';
import { inProcess } from '../pipeline/pool.js';
import type { Context } from '../services/context.js';
import { itemTitles } from '../services/items.js';
import { createQuestionnaire, download, uploadFields } from '../services/questionnaires.js';
import { jobView } from '../http/views.js';
import { QmapError } from '../errors.js';
import type { Db } from '../store/db.js';
import { UsageError } from './usage.js';

export const mapOptions: ParseArgsConfig['options'] = {
  output: { type: 'string', short: 'o' },
  json: { type: 'string' },
  copy: { type: 'string' },
  'answer-language': { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  'question-column': { type: 'string' },
  'answer-column': { type: 'string' },
  'choice-column': { type: 'string' },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const CLI_HELP =
  'To tell qmap where the questions are, run it again with --sheet NAME, --header-row N, --question-column C and --answer-column C (and --choice-column C for a yes/no column).';

export async function mapCommand(open: () => Db, args: string[], values: Values): Promise<void> {
  const [input, extra] = args;
  if (!input) throw new UsageError('map needs the questionnaire to read, e.g. qmap map in.xlsx -o out.xlsx');
  if (extra) throw new UsageError(`map reads one questionnaire at a time; "${extra}" is one too many`);
  const output = typeof values.output === 'string' ? values.output : undefined;
  if (!output) throw new UsageError('map needs -o OUT.xlsx, where the answered workbook goes');
  if (!existsSync(input) || !statSync(input).isFile()) throw new UsageError(`cannot read ${input}: there is no such file`);
  if (!existsSync(dirname(resolve(output)))) throw new UsageError(`cannot write ${output}: the folder ${dirname(resolve(output))} does not exist`);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`cannot write ${output}: it is a folder; name the file to write, e.g. ${join(output, 'answered.xlsx')}`);
  if ([output, withExtension(output, '.xlsx'), withExtension(output, '.xlsm')].some((o) => resolve(o) === resolve(input))) {
    throw new UsageError(`-o ${output} would write over the questionnaire itself (${input}): qmap never overwrites the customer's file; name another file`);
  }
  const report = typeof values.json === 'string' ? values.json : undefined;
  if (report && !existsSync(dirname(resolve(report)))) throw new UsageError(`cannot write ${report}: the folder ${dirname(resolve(report))} does not exist`);
  const copy = values.copy === undefined ? 'review' : values.copy;
  if (copy !== 'review' && copy !== 'final') throw new UsageError(`--copy is review or final, not ${String(copy)}`);
  const fields = uploadFields.safeParse(
    Object.fromEntries(
      Object.entries({ sheet: values.sheet, headerRow: values['header-row'], questionColumn: values['question-column'], answerColumn: values['answer-column'], choiceColumn: values['choice-column'], answerLanguage: values['answer-language'] }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  );
  if (!fields.success) throw new UsageError(fields.error.issues.map((i) => `--${flag(String(i.path[0]))}: ${i.message}`).join('; '));

  const db = open();
  const ctx: Context = { db, config: loadConfig(), runner: inProcess(db) };
  const progress = progressBar();
  let created;
  try {
    created = await createQuestionnaire(ctx, { bytes: new Uint8Array(readFileSync(input)), filename: basename(input), fields: fields.data, onProgress: progress.update }, 'command line');
  } catch (e) {
    throw e instanceof QmapError && e.code === 'no_questions' ? new QmapError(e.code, e.message.replace(/To tell qmap where the questions are.*$/s, CLI_HELP), e.details) : e;
  } finally {
    progress.stop();
  }
  const { job, rows } = created;
  const file = await download(ctx, job.id, copy, 'command line');
  const target = withExtension(output, extname(file.filename));
  writeFileSync(target, file.bytes);

  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const lines = [
    `${basename(input)} → ${target}${target !== output ? ` (the answered workbook is ${extname(target)}, so it is not named ${basename(output)})` : ''}`,
    ...job.sheets.map((s) => `  sheet 「${s.name}」: ${s.questions} question(s)${s.questions ? ` — ${s.reason}` : ''}`),
    `  ${rows.length} questions: ${count('auto')} answered automatically, ${count('review')} to review, ${count('unmatched')} left for a human`,
    ...job.notes.map((n) => `  note: ${messageText(n)}`),
    copy === 'final' && file.unreviewed ? `  final copy: ${file.unreviewed} row(s) not yet reviewed were left blank` : '',
    `  job ${job.id} is kept in ${ctx.config.QMAP_DB} for review on the page (deleted after ${ctx.config.QMAP_RETENTION_DAYS} days)`,
  ].filter(Boolean);
  console.log(lines.join('\n'));
  if (report) writeFileSync(report, JSON.stringify({ input: basename(input), output: target, ...jobView(job, rows, itemTitles(ctx)) }, null, 2));
}

const flag = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** OUT with the extension of what was written (.xlsx or .xlsm): an answered .csv would be an .xlsx under a false name. */
function withExtension(output: string, extension: string): string {
  return extname(output).toLowerCase() === extension ? output : `${output.slice(0, output.length - extname(output).length)}${extension}`;
}

/** A progress bar on a terminal, shown once a map has taken more than a second; nothing on a pipe. */
function progressBar() {
  const started = Date.now();
  const bar = new cliProgress.SingleBar({ format: '  {bar} {percentage}% | {value}/{total} questions', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let shown = false;
  return {
    update: (done: number, total: number) => {
      if (!process.stderr.isTTY) return;
      if (!shown && Date.now() - started < 1000) return;
      if (!shown) bar.start(total, done);
      shown = true;
      bar.update(done);
    },
    stop: () => shown && bar.stop(),
  };
}
