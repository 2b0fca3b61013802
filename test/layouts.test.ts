// When qmap cannot find the questions, or finds them elsewhere than the user means, the user points: a preview
// shows the top of each sheet, the user says where the table is, and qmap remembers that for the template.
import t from 'tap';
import { build, type TestApp } from './helpers/app.js';
import { form, xlsx } from './helpers/workbooks.js';

const QUESTIONS = ['通信はTLS1.2以上で暗号化されていますか。', 'データのバックアップを取得していますか。', 'ISMS認証を取得していますか。'];
/** A customer's template: the answer is to go in 回答欄 (D), although C is headed 回答. */
const template = (year: number) =>
  xlsx([{ name: '調査票', preamble: [`委託先調査票 ${year}年度`], header: ['No', '質問', '回答', '回答欄（貴社記入）'], rows: QUESTIONS.map((q, i) => [i + 1, q, null, null]) }]);

async function upload(ctx: TestApp, file: Buffer, fields: Record<string, string> = {}) {
  const body = form(file, 'survey.xlsx', fields);
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(res.statusCode, 201, res.body);
  return res.json();
}

t.test('a layout the user gave is remembered for the template and used next time, saying so; it can be forgotten', async (t) => {
  const ctx = await build(t);
  const first = await upload(ctx, await template(2025), { answerColumn: 'D' });
  t.equal(first.rows[0].answerCell, 'D3', 'read where the user said');
  t.equal(first.notes[0].code, 'note.layoutSaved', 'the job says the layout is remembered');
  const remembered = (await ctx.app.inject({ url: '/v1/layouts', headers: ctx.as(ctx.reviewer) })).json();
  t.match(remembered, [{ sheet: first.sheets[0].name, headerRow: 2, questionColumn: 'B', answerColumn: 'D', description: /No \| 質問 \| 回答/ }]);

  // Next year's copy of the same template, other answers already typed in: nobody says where the questions are.
  const second = await upload(ctx, await template(2025));
  t.equal(second.rows[0].answerCell, 'D3', 'the remembered layout is used');
  t.match(second.notes.map((n: { code: string }) => n.code), ['note.layoutRemembered'], 'and the job says so');
  const trail = (await ctx.app.inject({ url: `/v1/questionnaires/${second.id}/audit`, headers: ctx.as(ctx.reviewer) })).json();
  t.ok(trail.some((e: { action: string }) => e.action === 'layout.use'), 'the trail records it');

  // Another customer's sheet is not taken for it.
  const other = await upload(ctx, await xlsx([{ name: 'Sheet1', header: ['No', '質問', '回答', '備考'], rows: QUESTIONS.map((q, i) => [i + 1, q, null, null]) }]));
  t.equal(other.rows[0].answerCell, 'C2');
  t.notOk(other.notes.some((n: { code: string }) => n.code === 'note.layoutRemembered'));

  const del = await ctx.app.inject({ method: 'DELETE', url: `/v1/layouts/${remembered[0].id}`, headers: ctx.as(ctx.reviewer) });
  t.equal(del.statusCode, 204);
  t.same((await ctx.app.inject({ url: '/v1/layouts', headers: ctx.as(ctx.reviewer) })).json(), []);
  const third = await upload(ctx, await template(2025));
  t.equal(third.rows[0].answerCell, 'C3', 'forgotten: read as detection finds it');
  t.equal((await ctx.app.inject({ method: 'DELETE', url: `/v1/layouts/${remembered[0].id}`, headers: ctx.as(ctx.reviewer) })).statusCode, 404);
});

t.test('a preview shows the top of each sheet and where qmap would read the questions; nothing is stored', async (t) => {
  const ctx = await build(t);
  const body = form(await template(2025), 'survey.xlsx');
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/previews', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(res.statusCode, 200, res.body);
  const [sheet] = res.json().sheets;
  t.same(sheet.columns, ['A', 'B', 'C', 'D']);
  t.same(sheet.rows[1], ['No', '質問', '回答', '回答欄（貴社記入）']);
  t.equal(sheet.rows[2][1], QUESTIONS[0]);
  t.match(sheet.detected, { headerRow: 2, questionColumn: 'B', answerColumn: 'C', questions: 3 });
  t.same((await ctx.app.inject({ url: '/v1/questionnaires', headers: ctx.as(ctx.reviewer) })).json(), [], 'no job was made');

  const none = form(Buffer.from('日付,金額\n2026-01-05,1200\n'), 'expenses.csv');
  const blank = await ctx.app.inject({ method: 'POST', url: '/v1/previews', headers: { ...ctx.as(ctx.reviewer), ...none.headers }, payload: none.payload });
  t.equal(blank.statusCode, 200);
  t.equal(blank.json().sheets[0].detected, null, 'a sheet without questions shows as it is, with nothing detected');
  const bad = form(Buffer.from('%PDF-1.4'), 'x.xlsx');
  t.equal((await ctx.app.inject({ method: 'POST', url: '/v1/previews', headers: { ...ctx.as(ctx.reviewer), ...bad.headers }, payload: bad.payload })).statusCode, 415);
});

t.test('a remembered layout is for its own template: same header words with other questions are read as detection finds them', async (t) => {
  const ctx = await build(t);
  await upload(ctx, await template(2025), { answerColumn: 'D' });
  const others = ['データの保管場所はどこですか。', '障害時の連絡体制を教えてください。', 'サポートの受付時間を教えてください。'];
  const another = await upload(ctx, await xlsx([{ name: '調査票', preamble: ['別の会社の調査票'], header: ['No', '質問', '回答', '回答欄（貴社記入）'], rows: others.map((q, i) => [i + 1, q, null, null]) }]));
  t.equal(another.rows[0].answerCell, 'C3', 'another customer\'s sheet with the same header words is not taken for the template');
});

t.test('a layout given for one sheet of a two-sheet template is remembered for that sheet; the other is still read', async (t) => {
  const ctx = await build(t);
  const book = () =>
    xlsx([
      { name: '運用', header: ['No', '質問', '回答'], rows: [[1, 'サポートの受付時間を教えてください。', null], [2, '障害時の連絡体制を教えてください。', null]] },
      { name: '保護', header: ['No', '質問', '回答', '回答欄'], rows: QUESTIONS.map((q, i) => [i + 1, q, null, null]) },
    ]);
  const first = await upload(ctx, await book(), { sheet: '保護', answerColumn: 'D' });
  t.same(first.sheets.map((s: { questions: number }) => s.questions), [0, 3], 'the upload read only the sheet it named');
  const again = await upload(ctx, await book());
  t.same(again.sheets.map((s: { questions: number }) => s.questions), [2, 3], 'the next copy: the remembered sheet as given, the other as detected');
  t.equal(again.rows.find((r: { sheet: string }) => r.sheet === '保護').answerCell, 'D2');
});
