// The answer library as an admin curates it: an answer covers one or more question forms; an admin writes one
// for a gap, merges two entries, edits (making it the vendor's own) and deletes; each is offered next upload.
import t from 'tap';
import { build, type TestApp } from './helpers/app.js';
import { form, xlsx } from './helpers/workbooks.js';

const FINANCE = '直近3期分の決算書をご提出いただけますか。';
const FINANCE_2 = '財務諸表（直近3年分）を提供できますか。';
const ANTI = '反社会的勢力との関係がないことを表明できますか。';

const book = (questions: string[]) => xlsx([{ name: 'Q', header: ['No', '質問', '回答'], rows: questions.map((q, i) => [i + 1, q, null]) }]);

async function upload(ctx: TestApp, questions: string[]) {
  const body = form(await book(questions), 'q.xlsx');
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(res.statusCode, 201, res.body);
  return res.json();
}

t.test('an admin writes an answer for a gap, covering its wordings; the next upload is offered it, and the library says when', async (t) => {
  const ctx = await build(t);
  await upload(ctx, [FINANCE]);
  const gap = (await ctx.app.inject({ url: '/v1/gaps', headers: ctx.as(ctx.admin) })).json()[0];
  t.match(gap, { question: FINANCE });
  const post = (as: string, payload: object) => ctx.app.inject({ method: 'POST', url: '/v1/library', headers: ctx.as(as), payload });
  t.equal((await post(ctx.reviewer, { questions: [FINANCE], answer: 'x' })).statusCode, 403, 'reviewers read the library; admins write it');
  const made = await post(ctx.admin, { questions: [...gap.examples, FINANCE_2], answer: '決算公告をご参照ください。', choice: null });
  t.equal(made.statusCode, 201, made.body);
  t.match(made.json(), { answer: '決算公告をご参照ください。', forms: [{ question: FINANCE, jobId: null }, { question: FINANCE_2, jobId: null }], uses: 0, lastUsedAt: null });

  const next = await upload(ctx, [FINANCE_2]);
  t.match(next.rows[0], { status: 'review', answer: '決算公告をご参照ください。', proposal: { source: 'library' } });
  const entry = (await ctx.app.inject({ url: `/v1/library/${made.json().id}`, headers: ctx.as(ctx.admin) })).json();
  t.match(entry, { uses: 1, lastUsedAt: String }, 'when it was last used, and how often');
  t.equal((await post(ctx.admin, { questions: ['、。'], answer: 'x' })).statusCode, 422, 'a question without words to match is refused');
});

t.test('two entries merged: one answer for all their wordings; the other is gone', async (t) => {
  const ctx = await build(t);
  const post = (payload: object) => ctx.app.inject({ method: 'POST', url: '/v1/library', headers: ctx.as(ctx.admin), payload });
  const a = (await post({ questions: [FINANCE], answer: '決算公告をご参照ください。' })).json();
  const b = (await post({ questions: [FINANCE_2], answer: '財務諸表は開示していません。' })).json();
  const merge = (into: string, from: string, as = ctx.admin) => ctx.app.inject({ method: 'POST', url: `/v1/library/${into}/merge`, headers: ctx.as(as), payload: { from } });
  t.equal((await merge(a.id, b.id, ctx.reviewer)).statusCode, 403);
  const merged = await merge(a.id, b.id);
  t.equal(merged.statusCode, 200, merged.body);
  t.match(merged.json(), { id: a.id, answer: '決算公告をご参照ください。', forms: [{ question: FINANCE }, { question: FINANCE_2 }] });
  t.equal((await ctx.app.inject({ url: `/v1/library/${b.id}`, headers: ctx.as(ctx.admin) })).statusCode, 404);
  t.equal((await merge(a.id, a.id)).statusCode, 422);
  t.equal((await merge(a.id, 'nope')).statusCode, 404);
  const next = await upload(ctx, [FINANCE_2, ANTI]);
  t.equal(next.rows[0].answer, '決算公告をご参照ください。', 'the merged wording is answered with the kept answer');
});

t.test('the items page figures: how often each item was proposed and corrected, and the questions it answered', async (t) => {
  const ctx = await build(t);
  const job = await upload(ctx, ['通信はTLS1.2以上で暗号化されていますか。', 'データのバックアップを取得していますか。']);
  const usage = (no: number) => ctx.app.inject({ url: '/v1/items', headers: ctx.as(ctx.reviewer) }).then((r) => r.json().find((i: { no: number }) => i.no === no).usage);
  const tls = job.rows[0];
  t.same(tls.itemNos, [42]);
  t.same(await usage(42), { used: 1, corrected: 0 });
  await ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${job.id}/rows/${tls.id}`, headers: ctx.as(ctx.reviewer), payload: { itemNo: 33 } });
  t.same(await usage(42), { used: 1, corrected: 1 }, 'a reviewer chose another item: counted as a correction');
  const asked = (await ctx.app.inject({ url: '/v1/items/33/questions', headers: ctx.as(ctx.reviewer) })).json();
  t.match(asked, [{ jobId: job.id, question: tls.question, status: 'confirmed', sheet: 'Q', row: 2 }]);
  t.equal((await ctx.app.inject({ url: '/v1/items/99/questions', headers: ctx.as(ctx.reviewer) })).statusCode, 404);
});
