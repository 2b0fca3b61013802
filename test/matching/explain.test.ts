import t from 'tap';
import { fileURLToPath } from 'node:url';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { createMatcher, loadThresholds } from '../../src/matching/matcher.js';
import { matchText } from '../../src/matching/text.js';
import { messageText as reasonText } from '../../src/messages.js';
import { generality, explainedEnough } from '../../src/matching/score.js';
import { contentWords, explainIndex } from '../../src/matching/signals/explain.js';

// Three small item vocabularies stand in for the 49 items.
const docs = [
  'バックアップ 取得頻度 世代 保存 バックアップ管理 backup frequency generation',
  'マルチテナント 他の利用者 テナント分離 multi tenant isolation other customers',
  '暗号鍵 鍵管理 キー管理 encryption key management',
].map(matchText);
const index = explainIndex(docs);

t.test('content: asking phrases and grammar are not content, topic words are', async (t) => {
  const words = contentWords(matchText('貴社のバックアップ取得頻度についてご記入ください。'));
  t.same(words.map((w) => w.join(' ')), ['バッ ック クア アッ ップ', '取得 得頻 頻度']);
  const en = contentWords(matchText('Please describe how often you take backups.'));
  t.same(en.flat(), ['often', 'backup'], '"take" frames every question, whatever its topic');
});

t.test('explained: a question in the item\'s own wording is explained by it', async (t) => {
  t.ok(index.explained(matchText('バックアップの取得頻度を教えてください'), [0]) > 0.9);
});

t.test('explained: a side clause naming an item leaves the question\'s real ask unexplained', async (t) => {
  // 「他の利用者」 belongs to item 1, but the question is about keys (item 2).
  const q = matchText('暗号鍵は他の利用者と共用せずに管理していますか');
  t.ok(index.explained(q, [1]) < explainedEnough, 'the tenant item explains little of it');
  t.ok(index.explained(q, [2]) > index.explained(q, [1]), 'the key item explains more');
  t.ok(index.explained(q, [1, 2]) > index.explained(q, [2]), 'both together explain most');
});

t.test('explained: a question with no content words at all is not held against any item', async (t) => {
  t.equal(index.explained(matchText('ご記入ください'), [0]), 1);
});

t.test('spread: wording most items use is not specific to one', async (t) => {
  t.equal(index.spread([matchText('テナント分離')]), 1);
  t.equal(index.spread([matchText('管理')]), 2);
  t.equal(index.spread([matchText('見当たらない')]), 1, 'at least the item that listed it');
});

t.test('generality: full confidence only for well-explained questions decided by specific wording', async (t) => {
  t.equal(generality(1, 1), 1);
  t.equal(generality(explainedEnough, 1), 1);
  t.ok(generality(explainedEnough / 2, 1) < 1, 'half the needed content explained lowers confidence');
  t.ok(generality(1, 4) < generality(1, 2), 'the more items share the deciding word, the less it says');
  t.ok(generality(0, 1) > 0, 'never zero: the best guess is still offered for review');
});

// With the vendor's 49 items and the shipped lexicon and thresholds.
const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));
const matcher = createMatcher({ items });
const ask = (text: string) => matcher.match({ text, section: null });
const said = (r: ReturnType<typeof ask>) => r.reasons.map((m) => reasonText(m, 'en'));

t.test('an item named only in a side clause is not answered as a second topic', async (t) => {
  const r = ask('暗号鍵は他の利用者と共用せず、鍵の保管と更新はどのように管理していますか。');
  t.same(r.itemNos, [34], 'key management, not multi-tenant security as well');
});

t.test('a question mostly about something no item covers is not filled automatically', async (t) => {
  const r = ask('Is there an uptime guarantee of 24x7 apart from planned maintenance windows?');
  t.not(r.status, 'auto', 'an excluded topic is not the ask');
  const mfa = ask('管理者の操作ログに多要素認証を使っていますか');
  t.not(mfa.status, 'auto');
});

t.test('the reviewer is told when little of the question is in the item\'s wording', async (t) => {
  const r = ask('Do you monitor your network for intrusions?');
  t.not(r.status, 'auto');
  t.match(said(r).join('\n'), /of what the question asks is in the item's wording/);
});

t.test('a two-topic question gets both items in the order asked: together they answer it better than either alone', async (t) => {
  const r = ask('バックアップの取得頻度と保存期間を教えてください。');
  t.same(r.itemNos, [28, 30]);
  t.match(said(r)[0], /item 28/);
  t.ok(said(r).some((line) => /asks about two topics/.test(line)));
  const both = r.candidates.filter((c) => r.itemNos.includes(c.itemNo));
  t.ok(r.score > Math.max(...both.map((c) => c.score)), 'the pair is likelier to answer it than either item on its own');
});

t.test('an item named only as the occasion of the question is not a second answer', async (t) => {
  const r = ask('保守作業中の作業端末はどのように管理していますか');
  t.same(r.itemNos, [41], 'the work terminals, not the maintenance notice');
});
