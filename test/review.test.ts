import t from 'tap';
import XLSX from 'xlsx';
import { build, type TestApp } from './helpers/app.js';
import { form, xlsx } from './helpers/workbooks.js';

// A bank-style sheet: はい/いいえ drop-down in C, free text in D.
const QUESTIONS = [
  'データベース等に保存されるデータを暗号化していますか。',
  '貴社の経営状況について教えてください。',
  'ログイン時に多要素認証（ワンタイムパスワード等）を必須にできますか。',
  'ISMS（ISO/IEC 27001）認証を取得していますか。',
];
const sheet = () =>
  xlsx([
    {
      name: '確認事項',
      preamble: ['委託先チェックシート'],
      header: ['No.', '確認項目', '回答（はい／いいえ）', '備考'],
      rows: QUESTIONS.map((q, i) => [i + 1, q, null, null]),
      validation: { column: 3, values: ['はい', 'いいえ', '該当なし'] },
    },
  ]);

async function jobOf(ctx: TestApp, file: Buffer) {
  const body = form(file, 'sheet.xlsx');
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(res.statusCode, 201, res.body);
  return res.json();
}

const blankOf = (job: { rows: { sheet: string; row: number; answer: string | null; choice: string | null }[] }) => job.rows.find((r) => !r.answer && !r.choice)!;

function api(ctx: TestApp, jobId: string) {
  const h = ctx.as(ctx.reviewer);
  return {
    patch: (rowId: string, payload: object) => ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${jobId}/rows/${rowId}`, headers: h, payload }),
    rows: (q = '') => ctx.app.inject({ url: `/v1/questionnaires/${jobId}/rows${q}`, headers: h }),
    audit: () => ctx.app.inject({ url: `/v1/questionnaires/${jobId}/audit`, headers: h }),
    download: () => ctx.app.inject({ url: `/v1/questionnaires/${jobId}/download`, headers: h }),
  };
}

t.test('rows can be filtered by one or more statuses', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  const all = (await a.rows()).json();
  t.equal(all.length, 4);
  const some = (await a.rows('?status=review,unmatched')).json();
  t.same(some.map((r: { id: string }) => r.id), all.filter((r: { status: string }) => r.status === 'review' || r.status === 'unmatched').map((r: { id: string }) => r.id));
  const bad = await a.rows('?status=maybe');
  t.equal(bad.statusCode, 400);
  t.match(bad.json().message, /unknown status maybe/);
});

t.test('each PATCH form confirms the row and records who and when', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  const [enc, biz, mfa, isms] = job.rows;

  const item = (await a.patch(enc.id, { itemNo: 33 })).json();
  t.match(item, { status: 'confirmed', itemNos: [33], match: { itemNo: 33, title: 'データ保護のための暗号化要件' } });
  t.match(item.answer, /データベースストレージの暗号化/);
  t.equal(item.choice, 'はい', 'a yes/no question on an item answering 有 gets はい');
  t.match(item.decidedBy, /test reviewer/);
  t.ok(item.decidedAt);

  const two = (await a.patch(biz.id, { itemNos: [28, 30] })).json();
  t.same(two.itemNos, [28, 30]);
  t.match(two.answer, /バックアップの方法[\s\S]*バックアップデータの保存期間/, 'both answers, each under its title');

  const custom = (await a.patch(mfa.id, { answer: 'TOTPによる多要素認証に対応しています。', choice: 'はい' })).json();
  t.match(custom, { status: 'confirmed', itemNos: [], answer: 'TOTPによる多要素認証に対応しています。', choice: 'はい' });

  const accepted = (await a.patch(isms.id, { status: 'confirmed' })).json();
  t.equal(accepted.status, 'confirmed');
  t.same(accepted.itemNos, isms.itemNos, 'accepting keeps the proposal');

  const none = (await a.patch(isms.id, { itemNo: null })).json();
  t.match(none, { status: 'confirmed', itemNos: [], answer: null, match: null });
});

t.test('a choice can be set with the item kept, or alone with the answer kept', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  const [enc] = job.rows;
  const both = (await a.patch(enc.id, { itemNo: 33, choice: '該当なし' })).json();
  t.match(both, { status: 'confirmed', itemNos: [33], choice: '該当なし' });
  t.match(both.answer, /データベースストレージの暗号化/, 'the item and its answer are kept');
  const alone = (await a.patch(enc.id, { choice: 'いいえ' })).json();
  t.match(alone, { status: 'confirmed', itemNos: [33], choice: 'いいえ', answer: both.answer }, 'a choice alone changes only the choice');
  t.equal((await a.patch(enc.id, { choice: 'たぶん' })).statusCode, 422, 'only the sheet\'s own values');
});

t.test('a row can be named by where the customer sees it: Sheet!8, or 8 when one sheet has it', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  const first = job.rows[0];
  const byPlace = await a.patch(encodeURIComponent(`${first.sheet}!${first.row}`), { itemNo: 33 });
  t.equal(byPlace.statusCode, 200, byPlace.body);
  t.equal(byPlace.json().id, first.id);
  t.equal((await a.patch(String(job.rows[1].row), { itemNo: null })).json().id, job.rows[1].id);
  const one = await ctx.app.inject({ url: `/v1/questionnaires/${job.id}/rows/${encodeURIComponent(`${first.sheet}!${first.row}`)}`, headers: ctx.as(ctx.reviewer) });
  t.match(one.json(), { id: first.id, version: 1 }, 'one row can be read the same way');
  t.equal(one.headers.etag, '"1"');
  const none = await a.patch('99', { itemNo: null });
  t.equal(none.statusCode, 404);
  t.match(none.json().message, /No sheet has a question on row 99.*by its sheet and Excel row number, such as/);
});

t.test('two reviewers deciding the same row: If-Match with the row version, and 412 for the one who was late', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const row = job.rows[0];
  const patch = (payload: object, ifMatch?: string) =>
    ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${job.id}/rows/${row.id}`, headers: { ...ctx.as(ctx.reviewer), ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload });
  t.equal(row.version, 0);
  const first = await patch({ itemNo: 33 }, `"${row.version}"`);
  t.equal(first.statusCode, 200);
  t.equal(first.headers.etag, '"1"', 'the answer carries the new version');
  const late = await patch({ itemNo: 28 }, `"${row.version}"`);
  t.equal(late.statusCode, 412);
  t.match(late.json(), { code: 'precondition_failed', message: /Someone else changed this row meanwhile/ });
  t.same((await api(ctx, job.id).rows()).json()[0].itemNos, [33], 'the first decision stands');
  const unconditional = await patch({ itemNo: 28 });
  t.equal(unconditional.statusCode, 200, 'without If-Match the last decision wins, as before');
  t.equal((await patch({ itemNo: 28 }, 'soon')).statusCode, 400, 'an If-Match that is not a version is refused');
  const many = await Promise.all(Array.from({ length: 30 }, () => patch({ itemNo: 33 }, unconditional.headers.etag as string)));
  t.equal(many.filter((r) => r.statusCode === 200).length, 1, 'of 30 simultaneous decisions from the same version, one wins');
  t.equal(many.filter((r) => r.statusCode === 412).length, 29);
});

t.test('invalid decisions are refused in plain words and change nothing', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  const row = job.rows[0];
  const unknownItem = await a.patch(row.id, { itemNo: 50 });
  t.equal(unknownItem.statusCode, 422);
  t.match(unknownItem.json().message, /There is no item 50/);
  const badChoice = await a.patch(row.id, { answer: 'x', choice: 'たぶん' });
  t.equal(badChoice.statusCode, 422);
  t.match(badChoice.json().message, /"たぶん" is not one of this row's allowed values: はい, いいえ, 該当なし/);
  const unknownRow = await a.patch('no-such-row', { status: 'confirmed' });
  t.equal(unknownRow.statusCode, 404);
  const mixed = await a.patch(row.id, { itemNo: 3, status: 'confirmed' });
  t.equal(mixed.statusCode, 400);
  for (const body of [{ choice: 7 }, { itemNo: '11' }, { status: 'auto' }, {}, { itemNo: 11, answer: 'x' }]) {
    const res = await a.patch(row.id, body);
    t.equal(res.statusCode, 400);
    t.match(res.json().message, /a decision is one of \{"itemNo": 28\}, \{"itemNos": \[28, 30\]\}/, `${JSON.stringify(body)}: the forms a decision takes are named`);
  }
  const text = await ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${job.id}/rows/${row.id}`, headers: { ...ctx.as(ctx.reviewer), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'itemNo=11' }); // curl -d without -H
  t.equal(text.statusCode, 415);
  t.match(text.json().message, /Send the body as JSON, with the header content-type: application\/json/);
  const long = await a.patch(row.id, { answer: 'あ'.repeat(20_001) });
  t.equal(long.statusCode, 400);
  t.match(long.json().message, /answer: at most 20,000 characters; shorten it and save again/, 'the limit is named, not a validator\'s wording');
  t.equal((await a.rows()).json()[0].status, row.status, 'the row is as it was');
});

t.test('confirming many rows at once, and the audit trail of every change', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  await a.patch(job.rows[0].id, { itemNo: 33 });
  const before = (await a.rows()).json() as { status: string; answer: string | null; choice: string | null }[];
  const carrying = before.filter((r) => r.status !== 'confirmed' && (r.answer || r.choice)).length;
  const blanks = before.filter((r) => !r.answer && !r.choice).length;
  t.ok(blanks > 0, 'the sheet has a row left blank');
  const res = await ctx.app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: ctx.as(ctx.reviewer), payload: { rowIds: 'all' } });
  t.same(res.json(), { confirmed: carrying, left: blanks }, '"all" confirms the rows that carry an answer; the blank ones are left, and counted');
  const after = (await a.rows()).json() as { status: string; answer: string | null; choice: string | null }[];
  t.ok(after.every((r) => (r.answer || r.choice ? r.status === 'confirmed' : r.status !== 'confirmed')), 'a blank row needs a decision of its own');
  const trail = (await a.audit()).json();
  t.same(trail.map((e: { action: string }) => e.action), ['upload', 'decide', 'confirm']);
  t.ok(trail.every((e: { actor: string; at: string }) => /test reviewer/.test(e.actor) && e.at));
  const unknown = await ctx.app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: ctx.as(ctx.reviewer), payload: { rowIds: ['nope'] } });
  t.equal(unknown.statusCode, 404);
  const many = await ctx.app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: ctx.as(ctx.reviewer), payload: { rowIds: Array.from({ length: 500 }, (_, i) => `nope-${i}`) } });
  t.match(many.json().message, /has no row nope-0, nope-1, nope-2, nope-3, nope-4 and 495 more\. Nothing was confirmed/, 'five unknown ids are named, the rest counted');
  const byPlace = await ctx.app.inject({ method: 'POST', url: `/v1/questionnaires/${job.id}/rows:confirm`, headers: ctx.as(ctx.reviewer), payload: { rowIds: [`${blankOf(job).sheet}!${blankOf(job).row}`] } });
  t.same(byPlace.json(), { confirmed: 1, left: blanks - 1 }, 'rows can be named as Sheet!8 here too');

  // The next upload of the same questions: the bulk-confirmed answers are remembered, a blank row is not.
  const blank = job.rows.find((r: { status: string }) => r.status === 'unmatched');
  t.ok(blank, 'the sheet has a question no item answers');
  const again = await jobOf(ctx, await sheet());
  const source = (question: string) => again.rows.find((r: { question: string }) => r.question === question).proposal.source;
  t.equal(source(job.rows[0].question), 'learned', 'a decided row is remembered');
  t.not(source(blank.question), 'learned', 'a blank row confirmed in bulk teaches nothing: nobody decided it');
});

t.test('the download reflects the decisions: corrected answers written, confirmed rows unflagged', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  await a.patch(job.rows[2].id, { answer: 'TOTPに対応しています。', choice: 'はい' });
  const wb = XLSX.read((await a.download()).rawPayload);
  const ws = wb.Sheets['確認事項'];
  t.equal(ws['D5'].v, 'TOTPに対応しています。');
  t.equal(ws['C5'].v, 'はい');
});

t.test('a corrected question is answered auto in the next questionnaire asking the same thing', async (t) => {
  const ctx = await build(t);
  const question = '貴社のサービスで取り扱う当社データの退避先拠点について記載してください。';
  const file = await xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: [[1, question, null]] }]);
  const first = await jobOf(ctx, file);
  await api(ctx, first.id).patch(first.rows[0].id, { itemNo: 6 });
  const second = await jobOf(ctx, file);
  t.match(second.rows[0], { status: 'auto', itemNos: [6] });
  t.equal(second.rows[0].proposal.source, 'learned');
});

t.test('"no item answers this" is remembered, and a custom answer is offered from the library next time', async (t) => {
  const ctx = await build(t);
  const mfa = 'ログイン時に多要素認証（ワンタイムパスワード等）を必須にできますか。';
  const file = await xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: [[1, mfa, null]] }]);
  const first = await jobOf(ctx, file);
  await api(ctx, first.id).patch(first.rows[0].id, { answer: 'TOTPによる多要素認証に対応しています。' });
  const library = (await ctx.app.inject({ url: '/v1/library', headers: ctx.as(ctx.reviewer) })).json();
  t.match(library, [{ forms: [{ question: mfa, jobId: first.id }], answer: 'TOTPによる多要素認証に対応しています。', createdBy: /test reviewer/ }]);
  const second = await jobOf(ctx, file);
  t.match(second.rows[0], { status: 'review', answer: 'TOTPによる多要素認証に対応しています。', itemNos: [] });
  t.equal(second.rows[0].proposal.source, 'library');
  // Admins edit or remove library entries.
  const id = library[0].id;
  const edit = await ctx.app.inject({ method: 'PUT', url: `/v1/library/${id}`, headers: ctx.as(ctx.admin), payload: { answer: '対応しています。' } });
  t.equal(edit.json().answer, '対応しています。');
  t.equal((await ctx.app.inject({ method: 'PUT', url: `/v1/library/${id}`, headers: ctx.as(ctx.reviewer), payload: { answer: 'x' } })).statusCode, 403);
  t.equal((await ctx.app.inject({ method: 'DELETE', url: `/v1/library/${id}`, headers: ctx.as(ctx.admin) })).statusCode, 204);
});

t.test('gaps: the questions most often left unmatched, grouped by similar wording', async (t) => {
  const ctx = await build(t);
  const a = await xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: [[1, '多要素認証に対応していますか。', null], [2, '資本金を教えてください。', null]] }]);
  const b = await xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: [[1, '多要素認証には対応していますか？', null]] }]);
  await jobOf(ctx, a);
  await jobOf(ctx, b);
  const gaps = (await ctx.app.inject({ url: '/v1/gaps', headers: ctx.as(ctx.reviewer) })).json();
  t.match(gaps[0], { question: '多要素認証に対応していますか。', count: 2, questionnaires: 2 });
  t.match(gaps[1], { question: '資本金を教えてください。', count: 1 });
});

t.test('the choice a reviewer gave is remembered with the item: the next questionnaire asking the same thing gets it', async (t) => {
  const ctx = await build(t);
  const first = await jobOf(ctx, await sheet());
  const enc = first.rows[0];
  t.equal(enc.choice, 'はい', 'qmap\'s own value from the item\'s 有');
  await api(ctx, first.id).patch(enc.id, { itemNo: 33, choice: '該当なし' });
  const second = await jobOf(ctx, await sheet());
  t.match(second.rows[0], { status: 'auto', itemNos: [33], choice: '該当なし', proposal: { source: 'learned' } });
});

t.test('a custom answer without a choice keeps the row\'s choice; null clears it', async (t) => {
  const ctx = await build(t);
  const job = await jobOf(ctx, await sheet());
  const a = api(ctx, job.id);
  await a.patch(job.rows[0].id, { itemNo: 33, choice: 'いいえ' });
  t.equal((await a.patch(job.rows[0].id, { answer: '当社規程に基づき暗号化しています。' })).json().choice, 'いいえ');
  t.equal((await a.patch(job.rows[0].id, { answer: '当社規程に基づき暗号化しています。', choice: null })).json().choice, null);
});

t.test('in an English questionnaire, an item without an English answer cannot be chosen: the admin writes one first', async (t) => {
  const ctx = await build(t);
  const file = await xlsx([{ name: 'Q', header: ['No', 'Question', 'Answer'], rows: [[1, 'What are your service hours?', null], [2, 'Is data encrypted at rest?', null]] }]);
  const job = await jobOf(ctx, file);
  await ctx.app.inject({ method: 'PUT', url: '/v1/items/26', headers: ctx.as(ctx.admin), payload: { answerEn: null } });
  const res = await api(ctx, job.id).patch(job.rows[0].id, { itemNos: [26, 27] });
  t.equal(res.statusCode, 422);
  t.match(res.json().message, /Item 26 has no English answer yet/);
  t.equal((await api(ctx, job.id).patch(job.rows[0].id, { itemNo: 1 })).statusCode, 200, 'an item with one is fine');
});
