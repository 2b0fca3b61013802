// Given a check sheet whose answer is a mark in one of two columns (対応している | 対応していない, with □ printed in
// each), the answered workbook has ■ in the right one and the other □ untouched.
import t from 'tap';
import XLSX from 'xlsx';
import { build } from './helpers/app.js';
import { form, xlsx } from './helpers/workbooks.js';

t.test('two columns to mark one of: the chosen value is marked in its column', async (t) => {
  const ctx = await build(t);
  const statements = ['保存データを暗号化していること。', '通信を暗号化していること（TLS1.2以上）。'];
  const file = await xlsx([{ name: '自己点検', header: ['No', '取組内容', '対応している', '対応していない', '備考'], rows: statements.map((s, i) => [i + 1, s, '□', '□', null]) }]);
  const body = form(file, 'check.xlsx');
  const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  t.equal(up.statusCode, 201, up.body);
  const rows = up.json().rows as { id: string; choice: string | null; choices: string[]; status: string; itemNos: number[] }[];
  t.same(rows[0].choices, ['対応している', '対応していない']);
  // Decide both rows, so the final copy carries them whatever the matcher proposed.
  for (const [i, no] of [[0, 33], [1, 42]] as const) {
    const res = await ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${up.json().id}/rows/${rows[i].id}`, headers: ctx.as(ctx.reviewer), payload: { itemNo: no, choice: '対応している' } });
    t.equal(res.json().choice, '対応している', `item ${no}: marked as done`);
  }
  const dl = await ctx.app.inject({ url: `/v1/questionnaires/${up.json().id}/download?copy=final`, headers: ctx.as(ctx.reviewer) });
  const ws = XLSX.read(dl.rawPayload).Sheets['自己点検'];
  t.same([ws.C2?.v, ws.D2?.v, ws.C3?.v, ws.D3?.v], ['■', '□', '■', '□'], 'the box of the answer is filled in, the other left as printed');
  t.match(String(ws.E2?.v ?? ''), /暗号化/, 'the answer goes in the remarks column');
});
