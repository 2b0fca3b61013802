// The command line as a user meets it: qmap map prefills a questionnaire without the server, says in plain
// words what was wrong when it cannot (exit 2 for how it was called, 1 for a job that failed), never a stack.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { root } from '../src/paths.js';
import { checksheet, xlsx } from './helpers/workbooks.js';

// tsx found from here, so the command can run in the user's own folder.
const tsx = import.meta.resolve('tsx');

function qmap(dir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli.ts'), ...args], { env: { ...process.env, QMAP_DB: join(dir, 'qmap.db') }, encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  writeFileSync(join(dir, 'in.xlsx'), await checksheet(['通信はTLS1.2以上で暗号化されていますか。', '資本金を教えてください。']));
  return dir;
}

t.test('qmap map prefills a questionnaire without the server and prints a summary', async (t) => {
  const dir = await folder();
  const { code, out, err } = qmap(dir, 'map', 'in.xlsx', '-o', 'out.xlsx', '--json', 'report.json');
  t.equal(code, 0);
  t.equal(err, '', 'on a pipe, no progress bar and nothing else on stderr');
  t.match(out, /2 questions: 1 answered automatically, 0 to review, 1 left for a human/);
  t.match(out, /job \S+ is kept in .*qmap\.db for review on the page/, 'the job can be reviewed on the page afterwards');
  const ws = XLSX.read(readFileSync(join(dir, 'out.xlsx'))).Sheets['チェックシート'];
  t.match(String(ws['C4'].v), /TLS1\.2/);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  t.same(report.rows.map((r: { status: string }) => r.status), ['auto', 'unmatched']);
});

t.test('--copy final writes the copy to send: no review sheet, nothing qmap is unsure of', async (t) => {
  const dir = await folder();
  t.equal(qmap(dir, 'map', 'in.xlsx', '-o', 'out.xlsx', '--copy', 'final').code, 0);
  t.same(XLSX.read(readFileSync(join(dir, 'out.xlsx'))).SheetNames, ['チェックシート']);
  const review = qmap(dir, 'map', 'in.xlsx', '-o', 'review.xlsx');
  t.equal(review.code, 0);
  t.same(XLSX.read(readFileSync(join(dir, 'review.xlsx'))).SheetNames, ['チェックシート', 'qmap確認']);
});

t.test('-o with another extension: the file is named for what it is (.xlsx), and the summary says so', async (t) => {
  const dir = await folder();
  const { code, out } = qmap(dir, 'map', 'in.xlsx', '-o', 'out.csv');
  t.equal(code, 0);
  t.ok(existsSync(join(dir, 'out.xlsx')));
  t.notOk(existsSync(join(dir, 'out.csv')), 'no xlsx bytes under a .csv name');
  t.match(out, /out\.xlsx \(the answered workbook is \.xlsx, so it is not named out\.csv\)/);
});

t.test('telling qmap where the questions are, with the same fields as the API', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  // A table no header word announces: the user says where it is.
  const book = await xlsx([{ name: '一覧', header: ['列1', '列2', '列3'], rows: [[1, '通信はTLS1.2以上で暗号化されていますか。', null], [2, 'データのバックアップを取得していますか。', null]] }]);
  writeFileSync(join(dir, 'in.xlsx'), book);
  const { code, out } = qmap(dir, 'map', 'in.xlsx', '-o', 'out.xlsx', '--sheet', '一覧', '--header-row', '1', '--question-column', 'B', '--answer-column', 'C');
  t.equal(code, 0, out);
  t.match(out, /sheet 「一覧」: 2 question\(s\)/);
  t.match(String(XLSX.read(readFileSync(join(dir, 'out.xlsx'))).Sheets['一覧']['C2']?.v), /TLS/);
  const bad = qmap(dir, 'map', 'in.xlsx', '-o', 'out.xlsx', '--question-column', '7');
  t.equal(bad.code, 2);
  t.match(bad.err, /--question-column: must be a column letter such as C/);
});

t.test('mistakes get plain words and the usage, never a stack trace', async (t) => {
  const dir = await folder();
  const cases: [string[], RegExp][] = [
    [['map', 'missing.xlsx', '-o', 'out.xlsx'], /cannot read missing\.xlsx: there is no such file/],
    [['map', 'in.xlsx', '-o', join(dir, 'no', 'such', 'folder', 'out.xlsx')], /cannot write .*: the folder .* does not exist/],
    [['map', 'in.xlsx'], /map needs -o OUT\.xlsx/],
    [['map', 'in.xlsx', '-o', 'out.xlsx', '--copy', 'draft'], /--copy is review or final/],
    [['map', 'in.xlsx', '--nonsense'], /Unknown option '--nonsense'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['token', 'create'], /token create needs --role admin or --role reviewer/],
    [['map', 'in.xlsx', '-o', 'in.xlsx'], /would write over the questionnaire itself/],
    [['map', 'in.xlsx', '-o', 'in.csv'], /would write over the questionnaire itself/],
    [['map', 'in.xlsx', '-o', '.'], /it is a folder/],
    [['map', 'in.xlsx', '-o', 'out.xlsx', '--json', join(dir, 'no', 'r.json')], /cannot write .*r\.json: the folder .* does not exist/],
    [['backup', join(dir, 'no', 'such', 'b.db')], /cannot write .*b\.db: the folder .* does not exist/],
  ];
  for (const [args, message] of cases) {
    const { code, err } = qmap(dir, ...args);
    t.equal(code, 2, `${args.join(' ')}: exit 2`);
    t.match(err, message);
    t.match(err, /usage: qmap <command>/);
    t.notMatch(err, /\n\s+at /, 'no stack trace');
  }
});

t.test('--help prints the usage and exits 0', async (t) => {
  const dir = await folder();
  for (const flag of ['--help', '-h', 'help']) {
    const { code, out } = qmap(dir, flag);
    t.equal(code, 0);
    t.match(out, /qmap map IN -o OUT \[options\]/);
    t.match(out, /--sheet NAME --header-row N --question-column C --answer-column C --choice-column C\|none/);
  }
});

t.test('a failed job exits 1; when no questions are found, the message names the command-line flags', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  writeFileSync(join(dir, 'list.csv'), '日付,金額\n2026-01-05,1200\n2026-01-06,800\n');
  const { code, err } = qmap(dir, 'map', 'list.csv', '-o', 'out.xlsx');
  t.equal(code, 1);
  t.match(err, /--sheet NAME, --header-row N, --question-column C and --answer-column C/);
  t.notMatch(err, /読み取り位置を指定|form fields/, 'not the page\'s or the API\'s instructions');
  t.notMatch(err, /usage:/, 'not a usage mistake');
});

t.test('the built command (npx qmap, from dist/) runs without building again', { skip: !existsSync(join(root, 'dist/src/cli.js')) && 'dist/ is built by npm ci (prepare)' }, async (t) => {
  const run = spawnSync(process.execPath, [join(root, 'dist/src/cli.js'), '--help'], { encoding: 'utf8' });
  t.equal(run.status, 0);
  t.match(run.stdout, /usage: qmap/);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  t.equal(pkg.bin.qmap, 'dist/src/cli.js', 'package.json exposes it as the qmap command');
});

t.test('on a terminal, a map that takes more than a second shows a progress bar', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a terminal' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  const { questionnaire } = await import('../bench/questionnaire.js');
  writeFileSync(join(dir, 'big.xlsx'), await questionnaire(6000));
  const command = [process.execPath, '--import', tsx, join(root, 'src/cli.ts'), 'map', 'big.xlsx', '-o', 'out.xlsx'].map((a) => `'${a}'`).join(' ');
  // script(1) runs the command on a pseudo-terminal, as a user's shell would.
  const run = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { env: { ...process.env, QMAP_DB: join(dir, 'qmap.db') }, cwd: dir, encoding: 'utf8' });
  t.equal(run.status, 0, run.stdout);
  t.match(run.stdout, /\d+\/6000 questions/, 'the bar counts the questions matched');
  t.match(run.stdout, /6000 questions: \d+ answered automatically/);
});

t.test('token and backup work on the server\'s database only: a mistyped QMAP_DB is said, not made anew', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  for (const args of [['backup', join(dir, 'b.db')], ['token', 'list']]) {
    const run = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli.ts'), ...args], { env: { ...process.env, QMAP_DB: join(dir, 'typo', 'qmap.db') }, encoding: 'utf8', cwd: dir });
    t.equal(run.status, 1, args.join(' '));
    t.match(run.stderr, /There is no qmap database at .*typo.*qmap\.db\. Set QMAP_DB/);
    t.notOk(existsSync(join(dir, 'typo')), 'no database was made');
    t.notOk(existsSync(join(dir, 'b.db')), 'and no empty backup');
  }
});
