// The upload's 201 answer is the job as stored: exactly what GET /v1/questionnaires/:id answers afterwards,
// whether the upload was read in a pool worker or in process.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { questionKey } from '../src/matching/near.js';
import { createPool, inProcess } from '../src/pipeline/pool.js';
import { openStore } from '../src/store/db.js';
import { keepInLibrary } from '../src/store/library.js';
import { createToken } from '../src/store/tokens.js';
import { questionnaire } from '../bench/questionnaire.js';
import { checksheet, form } from './helpers/workbooks.js';

const MFA = 'ログイン時に多要素認証（MFA）を利用できますか。';
const QUESTIONS = ['データのバックアップの取得頻度と方法を教えてください。', '通信はTLS1.2以上で暗号化されていますか。', MFA, '貴社の創業年を教えてください。'];

/** An .xls of the questions, one of them holding half a surrogate pair (UTF-8 has no way to carry it). */
function xls(): Buffer {
  const rows = QUESTIONS.map((q, i) => [String(i + 1), i === 3 ? `${q}\uD800` : q, '']);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['No.', '質問', '回答'], ...rows]), 'チェックシート');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

for (const where of ['a pool worker', 'process'] as const) {
  t.test(`read in ${where}: the 201 body is byte for byte what GET answers`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'qmap-upload-response-'));
    const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db'), QMAP_WORKERS: '1' });
    const db = openStore(config.QMAP_DB);
    // A library answer, so one row is proposed from it (source 'library', a libraryId in its proposal).
    keepInLibrary(db, { norm: questionKey(MFA), question: MFA, answer: 'TOTPによる多要素認証に対応しています。', choice: null, jobId: null }, 'test');
    const runner = where === 'a pool worker' ? createPool(config) : inProcess(db);
    const app = await buildApp({ config, db, runner, logger: false });
    const auth = { authorization: `Bearer ${createToken(db, 'reviewer', 'test').secret}` };
    t.teardown(async () => {
      await app.close();
      await runner.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    // A styled book with sections, numbers and a drop-down, a plain one with a library hit and an unmatched row,
    // and the same as an old .xls with a broken character.
    const books = [
      ['generated.xlsx', Buffer.from(await questionnaire(60))],
      ['チェックシート.xlsx', await checksheet(QUESTIONS, { 3: '1998年' })],
      ['チェックシート.xls', xls()],
    ] as const;
    for (const [name, bytes] of books) {
      const body = form(bytes, name);
      const up = await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...auth, ...body.headers }, payload: body.payload });
      t.equal(up.statusCode, 201, up.body);
      t.equal(up.headers['content-type'], 'application/json; charset=utf-8');
      const id = up.json().id as string;
      t.equal(up.headers.location, `/v1/questionnaires/${id}`);
      const got = await app.inject({ url: `/v1/questionnaires/${id}`, headers: auth });
      t.equal(up.body, got.body, `${name}: the upload's answer and GET's are the same bytes`);
      const rows = up.json().rows as { status: string; proposal: { source: string } }[];
      t.ok(rows.length >= 4, `${name}: ${rows.length} rows`);
      if (name !== 'generated.xlsx') {
        t.ok(rows.some((r) => r.proposal.source === 'library'), 'a row proposed from the library');
        t.ok(rows.some((r) => r.status === 'unmatched'), 'an unmatched row');
      } else {
        t.ok(rows.some((r) => r.status === 'auto'), 'a row filled automatically');
      }
    }
  });
}
