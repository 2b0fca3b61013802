import t from 'tap';
import XLSX from 'xlsx';
import { readFileSync } from 'node:fs';
import { build } from './helpers/app.js';
import { checksheet, form, xlsx } from './helpers/workbooks.js';

const QUESTIONS = [
  'データのバックアップの取得頻度と方法を教えてください。',
  '通信はTLS1.2以上で暗号化されていますか。',
  'ログイン時に多要素認証（MFA）を利用できますか。',
];

async function upload(t: Parameters<typeof build>[0], file?: Buffer, fields: Record<string, string> = {}) {
  const ctx = await build(t);
  const body = form(file ?? (await checksheet(QUESTIONS)), 'チェックシート.xlsx', fields);
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  return { ...ctx, res };
}

t.test('uploading a check sheet answers 201 with the job: where the questions are and what qmap proposes', async (t) => {
  const { res } = await upload(t);
  t.equal(res.statusCode, 201, res.body);
  const job = res.json();
  t.match(job, { id: String, filename: 'チェックシート.xlsx', createdAt: String });
  t.equal(job.summary.questions, 3);
  t.equal(job.summary.auto + job.summary.review + job.summary.unmatched, 3);
  const sheet = job.sheets[0];
  t.match(sheet, { name: 'チェックシート', headerRow: 3, questionColumn: 'B', answerColumn: 'C', reason: String });
  const [backup, tls, mfa] = job.rows;
  t.match(backup, { sheet: 'チェックシート', row: 4, question: QUESTIONS[0], answerCell: 'C4' });
  t.ok(backup.itemNos.includes(28), 'the backup question is matched to item 28 (バックアップの方法)');
  t.equal(tls.match?.itemNo, 42, 'the TLS question is matched to item 42 (通信の暗号化レベル)');
  t.match(tls.answer, /TLS1\.2/);
  t.equal(mfa.status, 'unmatched', 'MFA is not among the 49 items: left for a human');
  t.equal(mfa.answer, null);
  const scores = job.rows.flatMap((r: { match: { score: number } | null; alternatives: { score: number }[] }) => [r.match?.score ?? 0, ...r.alternatives.map((a) => a.score)]);
  t.ok(scores.every((s: number) => s >= 0 && s <= 1), 'every score is in [0, 1]');
});

t.test('the job can be listed, read, and deleted for good', async (t) => {
  const { app, db, reviewer, as, res } = await upload(t);
  const id = res.json().id;
  const list = (await app.inject({ url: '/v1/questionnaires', headers: as(reviewer) })).json();
  t.same(list.map((j: { id: string }) => j.id), [id]);
  t.equal(list[0].summary.questions, 3);
  t.equal((await app.inject({ url: `/v1/questionnaires/${id}`, headers: as(reviewer) })).json().rows.length, 3);
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/questionnaires/${id}`, headers: as(reviewer) })).statusCode, 204);
  const gone = await app.inject({ url: `/v1/questionnaires/${id}`, headers: as(reviewer) });
  t.equal(gone.statusCode, 404);
  t.equal(db.prepare('SELECT count(*) FROM uploads').pluck().get(), 0, 'the stored upload is gone');
  t.equal(db.prepare('SELECT count(*) FROM job_rows').pluck().get(), 0, 'its rows are gone');
});

t.test('the download is the customer workbook with the answers written in and a qmap確認 sheet', async (t) => {
  const { app, reviewer, as, res } = await upload(t);
  const dl = await app.inject({ url: `/v1/questionnaires/${res.json().id}/download`, headers: as(reviewer) });
  t.equal(dl.statusCode, 200);
  t.match(dl.headers['content-type'], /spreadsheetml/);
  t.match(dl.headers['content-disposition'], /attachment; .*filename\*=UTF-8''/);
  const wb = XLSX.read(dl.rawPayload);
  t.same(wb.SheetNames, ['チェックシート', 'qmap確認']);
  const ws = wb.Sheets['チェックシート'];
  t.equal(ws['B5'].v, QUESTIONS[1], 'the questions are untouched');
  t.match(String(ws['C5']?.v), /TLS1\.2/, 'the TLS answer is written');
  t.notOk(ws['C6']?.v, 'the MFA answer cell stays blank');
});

t.test('a cell the customer already filled is never overwritten, and the job says so', async (t) => {
  const file = await checksheet(QUESTIONS, { 1: '弊社回答済み' });
  const { app, reviewer, as, res } = await upload(t, file);
  const job = res.json();
  t.equal(job.rows[1].existingAnswer, '弊社回答済み');
  t.match(job.notes.map((n: { text: string }) => n.text).join(' '), /already held the customer's text/);
  const dl = await app.inject({ url: `/v1/questionnaires/${job.id}/download`, headers: as(reviewer) });
  t.equal(XLSX.read(dl.rawPayload).Sheets['チェックシート']['C5'].v, '弊社回答済み');
});

t.test('detection can be overridden per upload', async (t) => {
  const { res } = await upload(t, undefined, { headerRow: '3', questionColumn: 'B', answerColumn: 'D' });
  t.equal(res.statusCode, 201, res.body);
  t.equal(res.json().sheets[0].answerColumn, 'D');
  t.equal(res.json().rows[0].answerCell, 'D4');
});

t.test('a place given that holds no questions, and a blank template, are said for what they are', async (t) => {
  const ctx = await build(t);
  const post = (body: ReturnType<typeof form>) =>
    ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  const wrongColumn = await post(form(await checksheet(QUESTIONS), 'a.xlsx', { headerRow: '3', questionColumn: 'Z' }));
  t.equal(wrongColumn.statusCode, 422);
  t.match(wrongColumn.json().message, /column Z is empty below row 3: check the question column's letter/);
  const blank = await post(form(Buffer.from('No,質問,回答\n'), 'template.csv'));
  t.equal(blank.statusCode, 422);
  t.match(blank.json().message, /row 1 names the columns, but no row under it holds a question: the table is empty/);
});

t.test('a DELETE sent with content-type: application/json and no body deletes', async (t) => {
  const { app, reviewer, as, res } = await upload(t);
  const del = await app.inject({ method: 'DELETE', url: `/v1/questionnaires/${res.json().id}`, headers: { ...as(reviewer), 'content-type': 'application/json' }, payload: '' });
  t.equal(del.statusCode, 204, del.body);
});

t.test('bad uploads get a clear 4xx and nothing is stored', async (t) => {
  const ctx = await build(t);
  const post = (body: ReturnType<typeof form>) =>
    ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  const pdf = await post(form(Buffer.from('%PDF-1.4 not a sheet'), 'checksheet.pdf'));
  t.equal(pdf.statusCode, 415);
  t.match(pdf.json().message, /\.xlsx/);
  const empty = await post(form(Buffer.alloc(0), 'empty.xlsx'));
  t.equal(empty.statusCode, 422);
  t.match(empty.json().message, /empty/);
  const badOverride = await post(form(await checksheet(QUESTIONS), 'a.xlsx', { questionColumn: '3' }));
  t.equal(badOverride.statusCode, 400);
  t.match(badOverride.json().message, /column letter/);
  const noFile = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), 'content-type': 'application/json' }, payload: '{}' });
  t.equal(noFile.statusCode, 415);
  t.match(noFile.json().message, /Send the workbook as multipart\/form-data with the file in the field "file"/, 'says how to send it');
  const one = form(await checksheet(QUESTIONS), 'a.xlsx');
  const boundary = one.headers['content-type'].split('boundary=')[1];
  const another = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nxx\r\n`);
  const two = await post({ payload: Buffer.concat([another, one.payload]), headers: one.headers });
  t.equal(two.statusCode, 400, 'two files: nothing was too large, the form was wrong');
  t.match(two.json().message, /Send exactly one file, in the form field "file"/);
  t.equal(ctx.db.prepare('SELECT count(*) FROM jobs').pluck().get(), 0);
});

t.test('an upload over the size limit gets 413 naming the limit', async (t) => {
  const ctx = await build(t, { QMAP_MAX_UPLOAD_BYTES: '2048' });
  const body = form(Buffer.alloc(4096, 1), 'big.xlsx');
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(res.statusCode, 413);
  t.match(res.json().message, /^The workbook is larger than 2 KiB, the most this server accepts\. Delete unused sheets or split it/);
  t.equal(res.json().details.limitBytes, 2048);
});

t.test('an unknown job is a 404 in plain words', async (t) => {
  const { app, reviewer, as } = await build(t);
  const res = await app.inject({ url: '/v1/questionnaires/nope/download', headers: as(reviewer) });
  t.equal(res.statusCode, 404);
  t.match(res.json().message, /There is no questionnaire nope/);
});

t.test('plain text that is not a table is not a spreadsheet: 415 naming what it is, whatever its name', async (t) => {
  const ctx = await build(t);
  const prose = Buffer.from('お世話になっております。\nセキュリティチェックシートを添付いたしますので、ご確認ください。\nよろしくお願いいたします。\n');
  for (const name of ['memo.txt', 'memo.csv']) {
    const body = form(prose, name);
    const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
    t.equal(res.statusCode, 415, name);
    t.match(res.json(), { code: 'unsupported_type', message: /plain text without columns.*\.xlsx, \.xlsm, \.xls, \.ods or \.csv/s });
  }
  const csv = form(Buffer.from('No,質問,回答\n1,通信はTLS1.2以上で暗号化されていますか。,\n'), 'q.txt');
  const ok = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...csv.headers }, payload: csv.payload });
  t.equal(ok.statusCode, 201, 'a CSV export is read whatever it is called');
});

t.test('a confident match whose choice cannot be said is held for a reviewer, saying why, never "filled automatically"', async (t) => {
  const ctx = await build(t);
  const file = await xlsx([
    { name: '確認事項', header: ['No.', '確認項目', '回答', '備考'], rows: [[1, '過去1年間に発生したシステム障害の件数を教えてください。', null, null]], validation: { column: 3, values: ['はい', 'いいえ'] } },
  ]);
  const body = form(file, 'q.xlsx');
  const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  const [row] = up.json().rows;
  t.match(row, { status: 'review', itemNos: [12], choice: null });
  const codes = row.proposal.reasons.map((r: { code: string }) => r.code);
  t.equal(codes[0], 'choice.no-default', 'first, why no value can be chosen');
  t.notOk(codes.includes('verdict.auto'));
  t.equal(codes.at(-1), 'row.held');
});

t.test('a choice column whose values the sheet does not say: never auto with the choice blank', async (t) => {
  const ctx = await build(t);
  const body = form(readFileSync(new URL('../fixtures/eval-detect/09-clinic-yurinokai-chotatsu-sjis.csv', import.meta.url)), 'clinic.csv');
  const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(up.statusCode, 201, up.body);
  const rows = up.json().rows as { status: string; choiceCell: string | null; choice: string | null; proposal: { reasons: { code: string }[] } }[];
  const withColumn = rows.filter((r) => r.choiceCell && r.status !== 'unmatched');
  t.ok(withColumn.length > 0, 'the sheet has a choice column');
  t.same(withColumn.filter((r) => r.status === 'auto' && !r.choice), [], 'no auto row leaves its choice blank');
  t.ok(withColumn.some((r) => r.proposal.reasons[0].code === 'row.choiceUnknown'), 'and the held rows say why');
});

t.test('QMAP_KEEP_ROW_HEIGHTS=1 keeps the customer\'s row heights; by default a fixed row grows to show its answer', async (t) => {
  const heights = async (env: Record<string, string>) => {
    const ctx = await build(t, env);
    const book = await xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: [[1, 'バックアップの方法と頻度を教えてください。', null]] }]);
    const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', ...(() => { const b = form(book, 'q.xlsx'); return { headers: { ...ctx.as(ctx.reviewer), ...b.headers }, payload: b.payload }; })() });
    const dl = await ctx.app.inject({ url: `/v1/questionnaires/${up.json().id}/download?copy=final`, headers: ctx.as(ctx.reviewer) });
    return XLSX.read(dl.rawPayload, { cellStyles: true }).Sheets.Q['!rows']?.[1]?.hpt ?? null;
  };
  const grown = await heights({});
  t.ok(grown !== null && grown > 30, `the answered row grows (${grown} pt)`);
  t.equal(await heights({ QMAP_KEEP_ROW_HEIGHTS: '1' }), null, 'kept: qmap writes no height');
});

t.test('Excel\'s "Unicode text" (UTF-16, tab-separated) is read like any CSV', async (t) => {
  const ctx = await build(t);
  const text = 'No\t質問\t回答\n1\t通信はTLS1.2以上で暗号化されていますか。\t\n';
  const body = form(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'unicode.txt');
  const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(up.statusCode, 201, up.body);
  t.match(up.json().rows[0], { question: '通信はTLS1.2以上で暗号化されていますか。', itemNos: [42] });
  const dl = await ctx.app.inject({ url: `/v1/questionnaires/${up.json().id}/download`, headers: ctx.as(ctx.reviewer) });
  t.equal(dl.statusCode, 200, 'and downloads as .xlsx');
});

t.test('an English questionnaire: a yes that the answer\'s own words deny is held for a reviewer, and a how-question gets no bare yes', async (t) => {
  const { res } = await upload(t, await checksheet(['Are backups written to removable media such as tapes or USB drives?', 'How does the application store passwords?', 'Have you implemented monitoring and alerting for your network?']));
  t.equal(res.statusCode, 201, res.body);
  const [removable, passwords, remote] = res.json().rows;
  t.equal(removable.status, 'review', 'the item says Yes, its words say not on removable media');
  t.ok(removable.proposal.reasons.some((r: { code: string }) => r.code === 'row.answerDenies'), 'and the page says why');
  t.notMatch(passwords.answer ?? '', /^Yes\b/, 'how it is done is not answered with a yes');
  t.match(remote.answer ?? '', /^Yes\. /, 'a yes-or-no question keeps its yes');
});
