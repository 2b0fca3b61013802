import t from 'tap';
import { fileURLToPath } from 'node:url';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { createMatcher, loadThresholds, type MatchInput } from '../../src/matching/matcher.js';
import { messageText as reasonText } from '../../src/messages.js';
import type { Proposal } from '../../src/domain.js';

const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));
const matcher = createMatcher({ items });
const q = (text: string, section: string | null = null): MatchInput => ({ text, section });
/** The reasons as an English reader sees them. */
const said = (r: Proposal) => r.reasons.map((m) => reasonText(m, 'en')).join('\n');
const best = (r: Proposal) => r.candidates[0];

t.test('a plainly worded question is filled automatically with the right item, and says why', async (t) => {
  const r = matcher.match(q('ＲＴＯ（目標復旧時間）は何時間ですか'));
  t.equal(r.status, 'auto');
  t.same(r.itemNos, [11]);
  t.same(r.candidates.map((c) => c.itemNo).slice(0, 1), [11], 'the chosen item is the first candidate');
  t.ok(best(r).terms.includes('rto'), 'the matched alias is shown to reviewers');
  t.match(r.reasons[0], { code: 'match.terms', params: { itemNo: 11, title: '目標復旧時間(RTO)' } });
  t.match(said(r), /item 11 「目標復旧時間\(RTO\)」: matched/);
  t.ok(r.candidates.length <= 5);
  t.ok(r.score >= 0 && r.score <= 1);
  t.equal(r.source, 'lexicon');
});

t.test('English questions match the Japanese items', async (t) => {
  t.same(matcher.match(q('Is customer data encrypted at rest?')).itemNos, [33]);
  t.same(matcher.match(q('Is traffic encrypted in transit with TLS 1.2 or higher?')).itemNos, [42]);
  t.same(matcher.match(q('Does an independent third party perform penetration tests?')).itemNos, [40]);
  t.same(matcher.match(q('In which countries is customer data stored?')).itemNos, [49]);
});

t.test('typos still find the item', async (t) => {
  t.equal(best(matcher.match(q('How often do you run penetraton tests?'))).itemNo, 40);
});

t.test('a question about a topic no item answers is never auto', async (t) => {
  for (const text of [
    '多要素認証に対応していますか',
    '反社会的勢力との関係がないことを表明できますか',
    '資本金と従業員数を教えてください',
    'Do you support SAML single sign-on?',
    'Do you enforce MFA for administrators?',
  ]) {
    const r = matcher.match(q(text));
    t.not(r.status, 'auto', text);
    t.ok(r.reasons.some((m) => m.code === 'match.negative'), `${text}: the topic is named`);
    const lax = createMatcher({ items, thresholds: { auto: 0, review: 0 } }).match(q(text));
    t.not(lax.status, 'auto', `${text}: not auto at any threshold`);
  }
});

t.test('a question sharing no wording with any item is left blank', async (t) => {
  const r = matcher.match(q('御社の好きな色は？'));
  t.equal(r.status, 'unmatched');
  t.same(r.itemNos, []);
});

t.test('a question about two items gets both, in the order asked', async (t) => {
  const r = matcher.match(q('バックアップの取得頻度と保存期間を教えてください'));
  t.same(r.itemNos, [28, 30]);
  t.match(said(r), /two topics/);
  t.same(matcher.match(q('RTO／RPO')).itemNos, [11, 29]);
});

t.test('a topic the question excludes is not answered as a second topic', async (t) => {
  t.same(matcher.match(q('サービス提供時間帯（計画停止を除く）')).itemNos, [1]);
});

t.test('English inflections and British spellings match the same aliases', async (t) => {
  t.same(matcher.match(q('How are customers notified of service outages?')).itemNos, [14]);
  t.same(matcher.match(q('Which countries are your data centres located in?')).itemNos, [49]);
});

t.test('the section heading helps a terse question', async (t) => {
  const bare = matcher.match(q('頻度'));
  const inSection = matcher.match(q('頻度', 'バックアップ'));
  t.equal(best(inSection).itemNo, 28);
  t.ok(best(inSection).score > (best(bare)?.itemNo === 28 ? best(bare).score : 0));
  t.ok(best(inSection).terms.some((term) => term.endsWith('(section)')));
});

t.test('neighbours lend their category to an uncertain question', async (t) => {
  const alone = matcher.match(q('保管の方針'));
  const between = matcher.match(q('保管の方針'), { prev: q('バックアップの取得頻度'), next: q('バックアップの世代数') });
  const dataItems = new Set(items.filter((i) => i.category === 'データ管理').map((i) => i.no));
  t.ok(dataItems.has(best(between).itemNo), 'the best guess is a データ管理 item');
  t.ok(best(between).score >= (best(alone)?.score ?? 0));
});

t.test('matchAll gives one result per question, in order', async (t) => {
  const rs = matcher.matchAll([q('稼働率の目標値'), q('二要素認証は使えますか'), q('ウイルス対策の状況')]);
  t.equal(rs.length, 3);
  t.same(rs[0].itemNos, [5]);
  t.not(rs[1].status, 'auto');
  t.same(rs[2].itemNos, [47]);
});

t.test('thresholds decide the status', async (t) => {
  const strict = createMatcher({ items, thresholds: { auto: 1.01, review: 0.99 } });
  t.equal(strict.match(q('稼働率の目標値')).status, 'unmatched');
  const lax = createMatcher({ items, thresholds: { auto: 0, review: 0 } });
  t.equal(lax.match(q('稼働率の目標値')).status, 'auto');
  const th = loadThresholds();
  t.ok(th.auto > th.review && th.review > 0, 'the calibrated thresholds are ordered');
});

t.test('a reviewer decision is learned: the same or a near-identical question is auto to that item', async (t) => {
  const question = '貴社の事業継続のためのソースコード保全策について';
  const before = createMatcher({ items }).match(q(question));
  t.not(before.itemNos[0], 4);
  const m = createMatcher({ items, learned: [{ text: question, itemNos: [4] }] });
  const same = m.match(q('貴社の事業継続のための ソースコード保全策について。'));
  t.equal(same.status, 'auto');
  t.same(same.itemNos, [4]);
  t.equal(same.source, 'learned');
  t.match(best(same).terms[0], /reviewer decision/);
  t.equal(same.reasons[0].code, 'learned.same');
  const near = m.match(q('貴社の事業継続のためのソースコードの保全策について'));
  t.same(near.itemNos, [4], 'one particle more is still the same question');
  t.equal(near.source, 'learned');
  const other = m.match(q('データセンターの所在国'));
  t.equal(other.source, 'lexicon', 'other questions are matched as before');
});

t.test('a reviewer saying no item answers a question is remembered too', async (t) => {
  const m = createMatcher({ items, learned: [{ text: 'バックアップ取得の社内承認フロー', itemNos: [] }] });
  const r = m.match(q('バックアップ取得の社内承認フロー'));
  t.equal(r.status, 'unmatched');
  t.same(r.itemNos, []);
  t.equal(r.source, 'learned');
  t.match(reasonText(r.reasons[0], 'en'), /a reviewer decided no item answers this/);
});

t.test('the later of two decisions on the same question wins', async (t) => {
  const m = createMatcher({
    items,
    learned: [
      { text: '鍵の保管方法', itemNos: [33] },
      { text: '鍵の保管方法', itemNos: [34] },
    ],
  });
  t.same(m.match(q('鍵の保管方法')).itemNos, [34]);
});
