// Deletion forgets: after a questionnaire is deleted (by a user or by retention), nothing of its text is left
// in the database file — not in its rows, not in the decisions learned from them, not in the answer library,
// not in the audit trail — except a library answer an admin made the vendor's own on purpose.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { build, type TestApp } from '../helpers/app.js';
import { checksheet, form } from '../helpers/workbooks.js';
import { deleteExpired } from '../../src/services/retention.js';

const TAUGHT = '貴社のサービスの機密区分XQ-7741の取扱いについて教えてください。';
const CUSTOM = '当社の回答ZK-90210: 取扱規程に基づき管理しています。';
const KEPT = '反社会的勢力QW-5528との関係がないことを表明できますか。';
const OWN = '当社は反社会的勢力との関係を一切有しておりません（管理者確認済 PV-1177）。';

/** The database as it lies on disk: the main file and, if any, its write-ahead log. */
function onDisk(file: string): string {
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('utf8')).join('');
}

async function jobWithDecisions(ctx: TestApp) {
  const body = form(await checksheet([TAUGHT, KEPT, '通信はTLS1.2以上で暗号化されていますか。']), '機密-XQ7741.xlsx');
  const up = await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...body.headers }, payload: body.payload });
  const job = up.json();
  const patch = (row: string, payload: object) => ctx.app.inject({ method: 'PATCH', url: `/v1/questionnaires/${job.id}/rows/${row}`, headers: ctx.as(ctx.reviewer), payload });
  await patch(job.rows[0].id, { answer: CUSTOM });
  await patch(job.rows[1].id, { answer: '関係はありません。' });
  const library = (await ctx.app.inject({ url: '/v1/library', headers: ctx.as(ctx.admin) })).json() as { id: string; forms: { question: string }[] }[];
  // An admin makes the second answer the vendor's own: it stays when the questionnaire goes.
  const kept = library.find((e) => e.forms[0].question === KEPT)!;
  await ctx.app.inject({ method: 'PUT', url: `/v1/library/${kept.id}`, headers: ctx.as(ctx.admin), payload: { answer: OWN } });
  return job;
}

for (const how of ['DELETE', 'retention'] as const) {
  t.test(`after ${how}, the questionnaire's text is gone from the database file, what was learned from it too`, async (t) => {
    const ctx = await build(t, { QMAP_RETENTION_DAYS: '1' });
    const job = await jobWithDecisions(ctx);
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = ctx.config.QMAP_DB;
    t.match(onDisk(file), /XQ-7741/, 'before: the question is stored');
    t.match(onDisk(file), /ZK-90210/, 'before: the answer written for it is in the library');

    if (how === 'DELETE') {
      t.equal((await ctx.app.inject({ method: 'DELETE', url: `/v1/questionnaires/${job.id}`, headers: ctx.as(ctx.reviewer) })).statusCode, 204);
    } else {
      t.same(deleteExpired(ctx.ctx, new Date(Date.now() + 2 * 86_400_000)), [job.id]);
    }

    const disk = onDisk(file);
    t.notMatch(disk, /XQ-7741/, 'the question text is nowhere: not in rows, aliases, library or audit');
    t.notMatch(disk, /ZK-90210/, 'the custom answer learned from it is gone');
    t.notMatch(disk, /XQ7741/, 'nor the filename');
    t.match(disk, /PV-1177/, 'the answer an admin made the vendor\'s own stays');
    const library = (await ctx.app.inject({ url: '/v1/library', headers: ctx.as(ctx.admin) })).json();
    t.same(library.map((e: { answer: string }) => e.answer), [OWN]);

    // The next questionnaire asking the same thing is not answered from the deleted one.
    const again = form(await checksheet([TAUGHT]), 'again.xlsx');
    const next = (await ctx.app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...ctx.as(ctx.reviewer), ...again.headers }, payload: again.payload })).json();
    t.not(next.rows[0].proposal.source, 'learned');
    t.not(next.rows[0].proposal.source, 'library');
  });
}

t.test('the audit trail keeps who did what and when, never the filename or customer text', async (t) => {
  const ctx = await build(t);
  const job = await jobWithDecisions(ctx);
  const trail = JSON.stringify((await ctx.app.inject({ url: `/v1/questionnaires/${job.id}/audit`, headers: ctx.as(ctx.reviewer) })).json());
  t.match(trail, /"action":"upload".*"kind":"xlsx".*"bytes":\d+/);
  t.notMatch(trail, /XQ7741|XQ-7741|ZK-90210/);
});
