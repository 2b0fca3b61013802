import t from 'tap';
import { readFileSync } from 'node:fs';
import { build } from './helpers/app.js';
import { checksheet, form } from './helpers/workbooks.js';
import { parseSeed } from '../src/items/seed.js';

const seed = parseSeed(readFileSync(new URL('../fixtures/meti-seed.txt', import.meta.url), 'utf8'));

t.test('a fresh database holds the 49 items with every answer equal to the seed', async (t) => {
  const { app, reviewer, as } = await build(t);
  const res = await app.inject({ url: '/v1/items', headers: as(reviewer) });
  t.equal(res.statusCode, 200);
  const items = res.json();
  t.equal(items.length, 49);
  for (const s of seed) {
    const item = items[s.no - 1];
    t.same({ no: item.no, category: item.category, title: item.title, description: item.description, unit: item.unit, answer: item.answer, shortAnswer: item.shortAnswer }, s, `item ${s.no}`);
  }
});

t.test('the seed answers survive word for word, with HTML lists turned into lines', async (t) => {
  const raw = readFileSync(new URL('../fixtures/meti-seed.txt', import.meta.url), 'utf8');
  const rawAnswers = raw.split('\n').map((l) => l.split('\t')).filter((c) => /^\d+$/.test(c[0]?.trim() ?? '')).map((c) => c[5].trim());
  t.equal(rawAnswers.length, 49);
  const flat = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  seed.forEach((item, i) => t.equal(flat(item.answer), flat(rawAnswers[i]), `item ${item.no}`));
  t.match(seed[27].answer, /^有\nデータベース: 日次でフルバックアップ/);
  t.equal(seed[38].shortAnswer, '無', 'item 39 (certifications) answers 無');
});

t.test('each item carries its English title and the words customers use for it, for searching', async (t) => {
  const { app, reviewer, as } = await build(t);
  const items = (await app.inject({ url: '/v1/items', headers: as(reviewer) })).json() as { no: number; titleEn: string; aliases: string[] }[];
  const backup = items.find((i) => i.no === 28)!;
  t.equal(backup.titleEn, 'Backup method');
  t.ok(backup.aliases.some((a) => /backup/.test(a)), 'English words for backups');
  t.ok(items.every((i) => i.titleEn && i.aliases.length > 0), 'every item has an English title and aliases');
  t.notOk(items.some((i) => i.aliases.some((a) => a.includes('+'))), 'combined aliases read as words ("A B"), not the lexicon\'s "A+B"');
  t.same((await app.inject({ url: '/v1/items/28', headers: as(reviewer) })).json().aliases, backup.aliases, 'one item reads the same');
});

t.test('one item, and a clear 404 for a number that is not an item', async (t) => {
  const { app, reviewer, as } = await build(t);
  const ok = await app.inject({ url: '/v1/items/42', headers: as(reviewer) });
  t.equal(ok.json().title, '通信の暗号化レベル');
  const bad = await app.inject({ url: '/v1/items/50', headers: as(reviewer) });
  t.equal(bad.statusCode, 404);
  t.equal(bad.json().message, 'There is no item 50; items are numbered 1 to 49.');
});

t.test('an admin changes an answer; later reads see it and the history keeps the old one', async (t) => {
  const { app, admin, reviewer, as } = await build(t);
  const put = await app.inject({ method: 'PUT', url: '/v1/items/39', headers: as(admin), payload: { answer: '有 ISMS（ISO/IEC 27001）認証取得済み' } });
  t.equal(put.statusCode, 200);
  t.equal(put.json().shortAnswer, '有', 'the short answer follows the new text');
  t.equal((await app.inject({ url: '/v1/items/39', headers: as(reviewer) })).json().answer, '有 ISMS（ISO/IEC 27001）認証取得済み');
  const history = (await app.inject({ url: '/v1/items/39/history', headers: as(reviewer) })).json();
  t.same(history.map((h: { answer: string }) => h.answer), ['無 今後取得を検討', '有 ISMS（ISO/IEC 27001）認証取得済み']);
  t.match(history[1].changedBy, /test admin/);
});

t.test('a reviewer may not change answers; an empty answer is refused', async (t) => {
  const { app, admin, reviewer, as } = await build(t);
  const forbidden = await app.inject({ method: 'PUT', url: '/v1/items/39', headers: as(reviewer), payload: { answer: 'x' } });
  t.equal(forbidden.statusCode, 403);
  t.match(forbidden.json().message, /admin role/);
  const empty = await app.inject({ method: 'PUT', url: '/v1/items/39', headers: as(admin), payload: { answer: '  ' } });
  t.equal(empty.statusCode, 400);
  t.match(empty.json().message, /must not be empty/);
});

t.test('an edited answer reaches the questionnaires kept now; an English answer not updated with it holds English rows', async (t) => {
  const { app, admin, reviewer, as } = await build(t);
  const upload = async (question: string) => {
    const body = form(await checksheet([question]), 'q.xlsx');
    return (await app.inject({ method: 'POST', url: '/v1/questionnaires', headers: { ...as(reviewer), ...body.headers }, payload: body.payload })).json();
  };
  const job = await upload('通信はTLS1.2以上で暗号化されていますか。');
  t.match(job.rows[0], { itemNos: [42], answer: /TLS1\.2/ });
  const put = await app.inject({ method: 'PUT', url: '/v1/items/42', headers: as(admin), payload: { answer: '有 TLS1.3のみを利用しています。' } });
  t.equal(put.statusCode, 200);
  t.equal(put.json().answerEnOutdated, true, 'the English answer is now behind the Japanese');
  const again = (await app.inject({ url: `/v1/questionnaires/${job.id}`, headers: as(reviewer) })).json();
  t.equal(again.rows[0].answer, '有 TLS1.3のみを利用しています。', 'the kept questionnaire writes the new answer');

  const english = await upload('Is data in transit encrypted with TLS?');
  t.match(english.rows[0], { status: 'review', itemNos: [42] });
  t.equal(english.rows[0].proposal.reasons[0].code, 'row.englishOutdated');
  const fixed = await app.inject({ method: 'PUT', url: '/v1/items/42', headers: as(admin), payload: { answerEn: 'Yes. We use TLS 1.3 only.' } });
  t.equal(fixed.json().answerEnOutdated, false);
  t.not((await upload('Is data in transit encrypted with TLS?')).rows[0].proposal.reasons[0]?.code, 'row.englishOutdated');
});
