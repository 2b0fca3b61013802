// npm run bench:ab -- --base DIR [--sizes 1000,10000] [--rounds 3] [--runs 3]
// This tree against another checkout of qmap (DIR, with its node_modules installed: say the previous main in a
// git worktree), in one run: `bench/pipeline.ts` of each, alternating A B A B … so a busy machine slows both
// alike, then the medians over the rounds of each one's ratios to its own floor (SheetJS reading the same
// bytes), and B's against A's. Both print the same table, which is what is read here.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { option } from './options.js';

const base = option('base');
if (!base) throw new Error('say which checkout to compare with: --base DIR');
const sizes = option('sizes') ?? '1000,10000';
const rounds = Number(option('rounds') ?? 3);
const runs = option('runs') ?? '3';
// --no-http: the in-process pipeline only (quicker, and less at the mercy of a busy machine).
const http = !process.argv.includes('--no-http');
const here = resolve(import.meta.dirname, '..');

interface Line {
  pipeline: number;
  pipelineRatio: number;
  http: number;
  httpRatio: number;
  rss: number;
}

/** One run of a tree's pipeline bench: per size, what its table says. */
function run(dir: string): Map<number, Line> {
  const args = ['--import', 'tsx', 'bench/pipeline.ts', '--sizes', sizes, '--runs', runs, ...(http ? [] : ['--no-http'])];
  const out = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
  const lines = new Map<number, Line>();
  for (const line of out.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (!/^\d+$/.test(cells[0] ?? '') || cells.length < 12) continue;
    // size KB floor read+detect match write pipeline ×floor spread http ×floor RSS "MB"
    const rss = cells.findIndex((c) => c === 'MB') - 1;
    lines.set(Number(cells[0]), { pipeline: +cells[6], pipelineRatio: +cells[7], http: +cells[9], httpRatio: +cells[10], rss: +cells[rss] });
  }
  return lines;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { A: [] as Map<number, Line>[], B: [] as Map<number, Line>[] };
for (let r = 0; r < rounds; r++) {
  results.A.push(run(resolve(base)));
  results.B.push(run(here));
  process.stderr.write(`round ${r + 1} of ${rounds} done\n`);
}

console.log(`A = ${resolve(base)}, B = ${here}; medians of ${rounds} alternating rounds (each the median of its own runs)`);
console.log('size    A pipeline/floor  B pipeline/floor  B/A    A http/floor  B http/floor  B/A    A RSS   B RSS');
for (const n of sizes.split(',').map(Number)) {
  const of = (side: Map<number, Line>[], key: keyof Line) => median(side.map((m) => m.get(n)?.[key] ?? NaN));
  const [ap, bp, ah, bh] = [of(results.A, 'pipelineRatio'), of(results.B, 'pipelineRatio'), of(results.A, 'httpRatio'), of(results.B, 'httpRatio')];
  console.log(
    `${n}`.padEnd(8) +
      `${ap.toFixed(2)}×`.padStart(16) +
      `${bp.toFixed(2)}×`.padStart(18) +
      `${(bp / ap).toFixed(2)}`.padStart(6) +
      `${ah.toFixed(2)}×`.padStart(15) +
      `${bh.toFixed(2)}×`.padStart(14) +
      `${(bh / ah).toFixed(2)}`.padStart(6) +
      `${of(results.A, 'rss').toFixed(0)} MB`.padStart(9) +
      `${of(results.B, 'rss').toFixed(0)} MB`.padStart(8),
  );
}
