import t from 'tap';
import { readFileSync } from 'node:fs';
import { parseSeed, readableAnswer } from '../src/items/seed.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/meti-items.json', import.meta.url), 'utf8'));

t.test('an HTML list in an answer becomes readable lines', async (t) => {
  t.equal(readableAnswer('有 <ul style="list-style-type: none"> A: 1 B: 2'), '有\nA: 1\nB: 2');
  t.equal(readableAnswer('無 計画無し'), '無 計画無し');
});

t.test('the seed export parses into numbered items with categories filled down', async (t) => {
  const text = ['No.\t種別\t項目\t規定内容\t測定単位\t設定', '1\t可用性\tサービス時間\t時間帯の説明\t時間帯\t24時間', '2\t\t計画停止予定通知\t説明\t有無\t有 30日前'].join('\n');
  const items = parseSeed(text);
  t.same(items.map((i) => [i.no, i.category, i.shortAnswer]), [[1, '可用性', null], [2, '可用性', '有']]);
});

t.test('the shipped fixture holds the 49 items in order', async (t) => {
  t.equal(fixture.items.length, 49);
  t.same(fixture.items.map((i: { no: number }) => i.no), Array.from({ length: 49 }, (_, i) => i + 1));
});
