import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { root } from '../src/paths.js';
import { checksheet } from './helpers/workbooks.js';

t.test('qmap map prefills a questionnaire without the server and prints a summary', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-cli-'));
  writeFileSync(join(dir, 'in.xlsx'), await checksheet(['通信はTLS1.2以上で暗号化されていますか。', '資本金を教えてください。']));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli.ts'), 'map', join(dir, 'in.xlsx'), '-o', join(dir, 'out.xlsx'), '--json', join(dir, 'report.json')],
    { env: { ...process.env, QMAP_DB: join(dir, 'qmap.db') }, encoding: 'utf8' },
  );
  t.match(out, /2 questions: 1 answered automatically, 0 to review, 1 left for a human/);
  const ws = XLSX.read(readFileSync(join(dir, 'out.xlsx'))).Sheets['チェックシート'];
  t.match(String(ws['C4'].v), /TLS1\.2/);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  t.same(report.rows.map((r: { status: string }) => r.status), ['auto', 'unmatched']);
});
