import t from 'tap';
import { fileURLToPath } from 'node:url';
import { choiceFor, composeAnswer, isYesNoQuestion } from '../../src/matching/answer.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';

const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));
const yesNo = ['はい', 'いいえ', '該当なし'];

t.test('one item: its answer as written', async (t) => {
  t.equal(composeAnswer(items, [32]), '3世代');
});

t.test('two items: each answer under its title, in the order given', async (t) => {
  const text = composeAnswer(items, [28, 32]);
  t.match(text, /^【バックアップの方法】\n有\nデータベース: 日次でフルバックアップ/);
  t.match(text, /\n\n【バックアップ世代数】\n3世代$/);
});

t.test('有 answers はい and 無 answers いいえ when the question asks for yes or no', async (t) => {
  t.equal(choiceFor('保存データは暗号化されていますか', items, [33], yesNo), 'はい');
  t.equal(choiceFor('ISMSやPマークを取得していますか', items, [39], yesNo), 'いいえ');
  t.equal(choiceFor('DR構成の有無', items, [6], ['○', '△', '×', '－']), '○');
  t.equal(choiceFor('APIは提供されていますか', items, [23], ['○', '△', '×']), '×');
  t.equal(choiceFor('Do you encrypt data at rest?', items, [33], ['Yes', 'No', 'N/A']), 'Yes');
});

t.test('no choice when the polarity is not clear', async (t) => {
  t.equal(choiceFor('同時に何名程度まで接続可能ですか', items, [24], yesNo), null, 'asks for a number');
  t.equal(choiceFor('暗号化の方式をご記入ください', items, [33], yesNo), null, 'asks for a description');
  t.equal(choiceFor('他の利用者から見られることはありませんか', items, [44], yesNo), null, 'negated question');
  t.equal(choiceFor('稼働率の保証（SLA）はありますか', items, [5], yesNo), null, 'the item has no 有/無');
  t.equal(choiceFor('暗号化とAPI連携をしていますか', items, [33, 23], yesNo), null, 'two items disagree');
  t.equal(choiceFor('保存データは暗号化されていますか', items, [33], ['実施中', '予定']), null, 'no plain yes value');
  t.equal(choiceFor('How do you encrypt data?', items, [33], ['Yes', 'No']), null);
});

t.test('yes/no questions are recognised in both languages', async (t) => {
  t.ok(isYesNoQuestion('定期的に脆弱性診断を受けていますか。\n※頻度を備考欄にご記入ください。'), 'the ※ note does not make it open');
  t.ok(isYesNoQuestion('カスタマイズ可否'));
  t.ok(isYesNoQuestion('Are backups encrypted?'));
  t.notOk(isYesNoQuestion('バックアップの保存期間'));
  t.notOk(isYesNoQuestion('What is your RPO?'));
});
