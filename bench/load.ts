// npm run bench:load [-- --seconds 30 --concurrency 8 --profile mixed|uploads --skip-build]
// A burst before a deadline: builds qmap, starts the built server (with its worker pool) on a fresh
// database, and has N reviewers, each with their own token, upload the dev questionnaires back to back for a
// fixed time, while /healthz is polled every 100 ms. In the mixed profile (the default) each reviewer also
// downloads every job it uploads (review and final copies in turn), and two more download a 10,000-question
// job over and over: the heavy work of downloads must stay off the main thread too. Prints throughput,
// upload and download latency, /healthz latency under that load, failed requests and the server's peak RSS.
// Exits 1 when a request failed or /healthz p99 reached 100 ms.
// QMAP_BENCH_NODE_ARGS adds node options to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") and
// prints what the server wrote outside its JSON log.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { root } from '../src/paths.js';
import { startServer } from '../test/hardening/server-process.js';
import { numberOption, option } from './options.js';
import { questionnaire } from './questionnaire.js';

const seconds = numberOption('seconds', 30);
const concurrency = numberOption('concurrency', 8);
const mixed = (option('profile') ?? 'mixed') === 'mixed';

function questionnaires(): { name: string; bytes: Uint8Array }[] {
  const shared = join(root, '..', 'shared', 'eval', 'dev');
  const dir = existsSync(shared) ? shared : join(root, 'fixtures', 'workbooks');
  const names = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('bad-'));
  if (!names.length) throw new Error(`no questionnaires in ${dir}`);
  return names.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The server's peak resident memory (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

// /healthz is polled from its own thread, so the uploaders' work in this process does not count as the server's latency.
const pollerCode = `
const { parentPort, workerData: { url, ms } } = require('node:worker_threads');
(async () => {
  const latencies = [], errors = [];
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    const start = performance.now();
    try {
      const res = await fetch(url + '/healthz');
      await res.arrayBuffer();
      if (res.ok) latencies.push(performance.now() - start);
      else errors.push('healthz: ' + res.status);
    } catch (e) {
      errors.push('healthz: ' + e.message);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - start))));
  }
  parentPort.postMessage({ latencies, errors });
})();`;

function pollHealth(url: string, ms: number): Promise<{ latencies: number[]; errors: string[] }> {
  const worker = new Worker(pollerCode, { eval: true, workerData: { url, ms } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { latencies: number[]; errors: string[] }) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

async function main() {
  if (!process.argv.includes('--skip-build')) {
    process.stdout.write('building… ');
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      // tsc still writes dist/ when it reports errors (another module may be mid-change); say so and go on.
      if (!existsSync(join(root, 'dist', 'src', 'server.js'))) throw e;
      process.stdout.write('(the build reported type errors; using what it wrote) ');
    }
    process.stdout.write('done\n');
  }
  const files = questionnaires();
  const dir = mkdtempSync(join(tmpdir(), 'qmap-load-'));
  const admin = `qmap_${randomBytes(24).toString('base64url')}`;
  const server = await startServer({ QMAP_DB: join(dir, 'qmap.db'), QMAP_ADMIN_TOKEN: admin }, [...(process.env.QMAP_BENCH_NODE_ARGS?.split(' ') ?? []), join(root, 'dist', 'src', 'server.js')]);
  const pid = server.child.pid!;
  try {
    const tokens = await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const res = await fetch(`${server.url}/v1/tokens`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'reviewer', name: `uploader ${i + 1}` }),
        });
        return ((await res.json()) as { secret: string }).secret;
      }),
    );
    process.stdout.write(`${concurrency} reviewers × ${seconds} s over ${files.map((f) => f.name).join(', ')}${mixed ? ', each downloading what it uploads, and 2 downloading a 10,000-question job' : ''}\n`);

    // The large job the heavy downloaders fetch, uploaded before the clock starts.
    let large: string | null = null;
    if (mixed) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(await questionnaire(10_000))]), 'large.xlsx');
      const res = await fetch(`${server.url}/v1/questionnaires`, { method: 'POST', headers: { authorization: `Bearer ${tokens[0]}` }, body: form });
      if (res.status !== 201) throw new Error(`could not upload the 10,000-question job: ${res.status}`);
      large = ((await res.json()) as { id: string }).id;
    }

    const uploads: number[] = [];
    const downloads: number[] = [];
    const health: number[] = [];
    const failures: string[] = [];
    const deadline = performance.now() + seconds * 1000;

    const uploader = async (token: string, offset: number) => {
      for (let n = offset; performance.now() < deadline; n++) {
        const file = files[n % files.length];
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(file.bytes)]), file.name);
        const start = performance.now();
        try {
          const res = await fetch(`${server.url}/v1/questionnaires`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
          const body = await res.text();
          if (res.status === 201) uploads.push(performance.now() - start);
          else failures.push(`upload ${file.name}: ${res.status} ${body.slice(0, 200)}`);
          if (mixed && res.status === 201) await download(token, (JSON.parse(body) as { id: string }).id, n % 2 ? 'final' : 'review');
        } catch (e) {
          failures.push(`upload ${file.name}: ${(e as Error).message}`);
        }
      }
    };
    const download = async (token: string, id: string, copy: string) => {
      const start = performance.now();
      try {
        const res = await fetch(`${server.url}/v1/questionnaires/${id}/download?copy=${copy}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.arrayBuffer();
        if (res.status === 200) downloads.push(performance.now() - start);
        else failures.push(`download: ${res.status} ${Buffer.from(body).toString('utf8', 0, 200)}`);
      } catch (e) {
        failures.push(`download: ${(e as Error).message}`);
      }
    };
    const heavy = async (token: string) => {
      for (let n = 0; large && performance.now() < deadline; n++) await download(token, large, n % 2 ? 'final' : 'review');
    };
    const started = performance.now();
    const polled = pollHealth(server.url, seconds * 1000);
    await Promise.all([...tokens.map((token, i) => uploader(token, i)), ...(mixed ? [heavy(tokens[0]), heavy(tokens[1 % tokens.length])] : [])]);
    const { latencies, errors } = await polled;
    health.push(...latencies);
    failures.push(...errors);
    const elapsed = (performance.now() - started) / 1000;
    const peak = peakRssMb(pid);

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const report = [
      `uploads          ${uploads.length} in ${elapsed.toFixed(1)} s = ${(uploads.length / elapsed).toFixed(2)} uploads/s`,
      `upload latency   p50 ${ms(percentile(uploads, 50))}   p99 ${ms(percentile(uploads, 99))}   max ${ms(Math.max(...uploads))}`,
      ...(mixed ? [`downloads        ${downloads.length}: p50 ${ms(percentile(downloads, 50))}   p99 ${ms(percentile(downloads, 99))}   max ${ms(Math.max(...downloads))}`] : []),
      `/healthz latency p50 ${ms(percentile(health, 50))}   p99 ${ms(percentile(health, 99))}   max ${ms(Math.max(...health))}   (${health.length} polls)`,
      `failed requests  ${failures.length}`,
      `server peak RSS  ${peak} MB`,
    ];
    process.stdout.write(`\n${report.join('\n')}\n`);
    for (const f of failures.slice(0, 10)) process.stdout.write(`  ${f}\n`);

    const healthOk = percentile(health, 99) < 100;
    process.stdout.write(`\n${failures.length === 0 ? 'PASS' : 'FAIL'}: zero failed requests\n${healthOk ? 'PASS' : 'FAIL'}: /healthz p99 under 100 ms\n`);
    if (failures.length || !healthOk) process.exitCode = 1;
  } finally {
    await server.stop();
    if (process.env.QMAP_BENCH_NODE_ARGS) process.stdout.write(server.output().split('\n').filter((l) => !l.startsWith('{')).join('\n'));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:load failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
