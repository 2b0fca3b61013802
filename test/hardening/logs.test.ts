import t from 'tap';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { inProcess } from '../../src/pipeline/pool.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/db.js';
import { createToken } from '../../src/store/tokens.js';
import { listItems } from '../../src/store/items.js';
import { checksheet, form } from '../helpers/workbooks.js';

const QUESTIONS = [
  'データのバックアップの取得頻度と方法を教えてください。（顧客機密ZQ1）',
  '通信はTLS1.2以上で暗号化されていますか。（顧客機密ZQ2）',
  '反社会的勢力との関係がないことを表明できますか。（顧客機密ZQ3）',
];
const REVIEWER_ANSWER = '弊社は反社会的勢力と一切の関係を持ちません（査読者回答ZA9）。';

t.test('a full run (sign-in failures, upload, review, download, delete) logs no token and no questionnaire text', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-logs-'));
  const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db') });
  const db = openStore(config.QMAP_DB);
  const admin = createToken(db, 'admin', 'log admin').secret;
  const reviewer = createToken(db, 'reviewer', 'log reviewer').secret;
  const guessed = 'qmap_guessed-token-Xy7Kp2Lm9Qr4';
  let logs = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((logs += String(chunk)), done()) });
  // trace: the most the server can ever say.
  const app = await buildApp({ config, db, runner: inProcess(db), logger: { level: 'trace', stream } });
  t.teardown(async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const as = (secret: string) => ({ authorization: `Bearer ${secret}` });

  t.equal((await app.inject({ url: '/v1/items', headers: as(guessed) })).statusCode, 401);
  const body = form(await checksheet(QUESTIONS), '山並銀行_委託先チェックシート.xlsx');
  const up = await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload });
  t.equal(up.statusCode, 201, up.body);
  const job = up.json();
  const h = as(reviewer);
  const last = job.rows.at(-1).id;
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/questionnaires/${job.id}/rows/${last}`, headers: h, payload: { answer: REVIEWER_ANSWER } })).statusCode, 200);
  t.equal((await app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: h, payload: { rowIds: 'all' } })).statusCode, 200);
  t.equal((await app.inject({ url: `/v1/questionnaires/${job.id}/rows`, headers: h })).statusCode, 200);
  t.equal((await app.inject({ url: `/v1/questionnaires/${job.id}/audit`, headers: h })).statusCode, 200);
  t.equal((await app.inject({ url: `/v1/questionnaires/${job.id}/download`, headers: h })).statusCode, 200);
  const bad = form(Buffer.from('PK\x03\x04 truncated 顧客機密ZQ4'), 'broken.xlsx');
  t.equal((await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...h, ...bad.headers }, payload: bad.payload })).statusCode, 422);
  t.equal((await app.inject({ url: '/v1/tokens', headers: as(admin) })).statusCode, 200);
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/questionnaires/${job.id}`, headers: h })).statusCode, 204);

  t.match(logs, /incoming request/, 'the server did log the run');
  t.match(logs, new RegExp(job.id), 'requests are traceable by job id');
  for (const secret of [admin, reviewer, guessed]) t.notOk(logs.includes(secret), 'no token secret in the logs');
  t.notOk(/Bearer/i.test(logs), 'no Authorization header in the logs');
  for (const q of QUESTIONS) t.notOk(logs.includes(q), `question not logged: ${q}`);
  t.notOk(/顧客機密|査読者回答/.test(logs), 'no fragment of the customer text or the reviewer answer');
  t.notOk(logs.includes('山並銀行'), 'not even the customer file name');
  const answers = listItems(db).map((i) => i.answer).filter((a) => a.length > 20);
  t.notOk(answers.some((a) => logs.includes(a)), 'no prepared answer text');
});
