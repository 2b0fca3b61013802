import t from 'tap';
import { compileTerm, type Term } from '../../src/matching/lexicon.js';
import { foldText } from '../../src/matching/text.js';
import { categoryWords, sameBlock, sectionCategories } from '../../src/matching/signals/context.js';
import { fuzzyIndex } from '../../src/matching/signals/fuzzy.js';
import { ngramIndex } from '../../src/matching/signals/ngram.js';
import { gramKeys, grams } from '../../src/matching/segment.js';
import { findPart, findTerms, longestFirst } from '../../src/matching/signals/terms.js';

const term = (label: string, itemNo: number, kind: Term['kind'] = 'alias') => compileTerm(label, itemNo, kind)!;

t.test('terms: an alias is found whatever its width or case', async (t) => {
  const hits = findTerms(foldText('ＲＴＯ（目標復旧時間）'), [term('rto', 11), term('目標復旧時間', 11), term('rpo', 29)]);
  t.same(hits.map((h) => h.term.label).sort(), ['rto', '目標復旧時間']);
});

t.test('terms: English terms match whole words, plurals included', async (t) => {
  t.equal(findPart('translate this', 'sla'), -1, '"sla" is not inside "translate"');
  t.equal(findPart('do you store backups', 'backup'), 13);
  t.equal(findPart('backupserver', 'backup'), -1);
  t.equal(findPart('aes256 keys', 'aes'), 0, 'a number may follow an acronym');
});

t.test('terms: "A+B" needs both words', async (t) => {
  const both = term('障害+連絡', 14);
  t.equal(findTerms(foldText('障害発生時の連絡体制'), [both]).length, 1);
  t.equal(findTerms(foldText('障害発生時の体制'), [both]).length, 0);
});

t.test('terms: the longest matching wording wins', async (t) => {
  const text = foldText('バックアップ世代数');
  const hits = longestFirst(findTerms(text, [term('バックアップ', 28, 'keyword'), term('バックアップ世代数', 32)]));
  t.same(hits.map((h) => h.term.itemNo), [32]);
  // A word inside a longer negative topic is not evidence either: 「多要素認証」 is not 「認証」.
  const mfa = longestFirst(findTerms(foldText('多要素認証'), [term('認証', 39, 'keyword'), compileTerm('多要素認証', 0, 'negative', 'MFA')!]));
  t.same(mfa.map((h) => h.term.kind), ['negative']);
});

t.test('typos: a misspelt term is still found, a different word is not', async (t) => {
  const f = fuzzyIndex([term('penetration test', 40), term('バックアップ', 28), term('certified', 39)]);
  t.same(f.find(foldText('Do you run penetraton tests?'), []).map((h) => h.term.itemNo), [40]);
  t.same(f.find(foldText('バックアプの頻度'), []).map((h) => h.term.itemNo), [28]);
  t.same(f.find(foldText('How will we be notified?'), []), [], '"notified" is not a typo of "certified"');
  t.same(f.find(foldText('penetraton'), [[0, 10]]), [], 'words already matched exactly are skipped');
});

t.test('n-grams: the document sharing most wording scores highest', async (t) => {
  const idx = ngramIndex([foldText('バックアップの保存期間'), foldText('通信の暗号化'), foldText('encryption at rest')]);
  const sim = idx.similarity(foldText('バックアップデータの保存期間は？'));
  t.ok(sim[0] > sim[1] && sim[0] > sim[2]);
  t.ok(sim.every((s) => s >= 0 && s <= 1));
  const en = idx.similarity(foldText('Is data encrypted at rest?'));
  t.ok(en[2] > en[0]);
});

t.test('n-grams: grams are compared as numbers, but exactly as the words and bigrams they stand for', async (t) => {
  const texts = ['バックアップ 世代数 backups retained', 'ア イ ウ', '第三者認証 iso 27001 soc2', 'データセンター data centre', '稼働率の目標値'];
  const all = texts.map((x) => ({ words: grams(foldText(x)), keys: gramKeys(foldText(x)) }));
  for (const { words, keys } of all) t.equal(keys.length, words.length, 'one key per gram');
  // Two grams are equal exactly when their keys are, across texts too.
  const words = all.flatMap((a) => a.words);
  const keys = all.flatMap((a) => a.keys);
  for (let i = 0; i < words.length; i++) {
    for (let j = 0; j < words.length; j++) if ((words[i] === words[j]) !== (keys[i] === keys[j])) t.fail(`${words[i]} vs ${words[j]}`);
  }
  t.ok(keys.some((k) => typeof k === 'number') && keys.some((k) => typeof k === 'string'), 'both kinds occur');
});

t.test('context: a section heading names METI categories', async (t) => {
  t.same(sectionCategories(foldText('３．セキュリティ')), ['セキュリティ']);
  t.same(sectionCategories(foldText('Backups')), ['データ管理']);
  t.same(sectionCategories(foldText('会社情報')), []);
  t.ok(Object.keys(categoryWords).length === 7);
});

t.test('context: numbering tells which neighbours share a block', async (t) => {
  t.ok(sameBlock('3-1', '3-4'));
  t.ok(sameBlock('SC-02', 'SC-05'));
  t.notOk(sameBlock('OP-01', 'SC-01'));
  t.notOk(sameBlock('12', '13'), 'plain numbers say nothing');
  t.notOk(sameBlock(null, '1-1'));
});
