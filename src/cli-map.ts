// `qmap map IN -o OUT [--json REPORT]`: the whole job without the server, on the embedded database.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { limitsOf, type Config } from './config.js';
import { analyse } from './pipeline/analyse.js';
import { prefill } from './pipeline/prefill.js';
import { titles } from './questionnaires.js';
import { listAliases } from './store/aliases.js';
import type { Db } from './store/db.js';
import { listItems } from './store/items.js';
import { listLibrary } from './store/library.js';

export async function mapCommand(db: Db, config: Config, input: string, output: string, report?: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(input));
  const showBar = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar({ format: '  {bar} {percentage}% | {value}/{total} questions', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  const analysis = analyse({
    bytes,
    filename: basename(input),
    limits: limitsOf(config),
    overrides: {},
    items: listItems(db),
    learned: listAliases(db),
    library: listLibrary(db),
    onProgress: (done, total) => {
      if (!showBar || total < 200) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  const titleOf = titles(db);
  const out = prefill(bytes, analysis.kind, analysis.rows, titleOf);
  const target = out.extension === 'xlsm' ? output.replace(/\.xlsx$/i, '.xlsm') : output;
  writeFileSync(target, out.bytes);

  const count = (s: string) => analysis.rows.filter((r) => r.status === s).length;
  const lines = [
    `${basename(input)} → ${target}`,
    ...analysis.sheets.map((s) => `  sheet 「${s.name}」: ${s.questions} question(s)${s.questions ? ` — ${s.reason}` : ''}`),
    `  ${analysis.rows.length} questions: ${count('auto')} answered automatically, ${count('review')} to review, ${count('unmatched')} left for a human`,
    ...analysis.notes.map((n) => `  note: ${n}`),
    ...out.skipped.map((s) => `  skipped ${s.sheet}!${s.cell}: ${s.reason}`),
  ];
  console.log(lines.join('\n'));
  if (report) {
    writeFileSync(report, JSON.stringify({ input: basename(input), output: target, sheets: analysis.sheets, notes: analysis.notes, rows: analysis.rows }, null, 2));
  }
}
