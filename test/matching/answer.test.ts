// What qmap writes for a matched question: the item's answer, and in a sheet with a choice column the customer's
// own word for what that answer says (はい, ○, Yes, 対応済, 適合 …), or a reason why it cannot say.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { limitsOf, loadConfig } from '../../src/config.js';
import { choiceFor, isNegatedQuestion } from '../../src/matching/answer.js';
import { choiceValueOf, wordFor } from '../../src/matching/choices.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { messageText as reasonText } from '../../src/messages.js';
import { composeAnswer, deniedTerm } from '../../src/pipeline/answers.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
const items = loadItemsFile(fixture('meti-items.json'));
const limits = limitsOf(loadConfig({ QMAP_DB: ':memory:' }));

/** The questions of a fixture workbook with the values their sheet's choice column allows. */
function sheetQuestions(path: string) {
  const book = readBook(readFileSync(fixture(path)), path, limits);
  return detect(book).sheets.flatMap((s) => s.questions.map((q) => ({ text: q.text, choices: q.choices ?? [] })));
}
const choice = (question: string, itemNos: number[], allowed: string[]) => choiceFor(question, items, itemNos, allowed).choice;

const asks = 'バックアップを取得していますか。';

t.test('one item: its answer as written', async (t) => {
  t.equal(composeAnswer(items, [32], 'ja', asks), '3世代');
  t.equal(composeAnswer(items, [32], 'en', 'Do you keep backups?'), items.find((i) => i.no === 32)!.answerEn, 'in English, its English answer');
});

t.test('two items: each answer under its title, in the order given', async (t) => {
  const text = composeAnswer(items, [28, 32], 'ja', asks);
  t.match(text, /^【バックアップの方法】\n有\nデータベース: 日次でフルバックアップ/);
  t.match(text, /\n\n【バックアップ世代数】\n3世代$/);
  t.match(composeAnswer(items, [28, 32], 'en', 'Do you keep backups?'), /^【Backup method】\n/, 'English titles for an English questionnaire');
});

t.test('a question asking how, what or which gets the answer without the yes or 有 it opens with', async (t) => {
  const en = items.find((i) => i.answerEn?.startsWith('Yes. '))!;
  const ja = items.find((i) => /^有[\s　]/.test(i.answer))!;
  for (const q of ['How often do you run vulnerability scans?', 'What file types does the application accept?', 'How does the application store passwords?', 'List the countries where data is stored:']) {
    t.equal(composeAnswer(items, [en.no], 'en', q), en.answerEn!.slice('Yes. '.length), q);
  }
  for (const q of ['どのような方法でバックアップを取得していますか。', 'バックアップの取得頻度を教えてください。', '何世代保管していますか。']) {
    t.notMatch(composeAnswer(items, [ja.no], 'ja', q), /^有/, q);
  }
  for (const q of ['Do you run vulnerability scans?', 'Please indicate whether backups are encrypted.', 'バックアップの有無を教えてください。', '何らかの対策を講じていますか。', 'バックアップの手順を定めていますか。']) {
    t.equal(composeAnswer(items, [en.no], 'en', q), en.answerEn, `asks yes or no: ${q}`);
    t.equal(composeAnswer(items, [ja.no], 'ja', q), ja.answer, `asks yes or no: ${q}`);
  }
});

t.test('a yes whose words deny what the question asks about is found out', async (t) => {
  const backups = 'Yes. Backups are held in the cloud, and we make a practice of not storing them on removable external media.';
  t.equal(deniedTerm('Are backups written to removable media such as tapes or USB drives?', backups), 'removable');
  t.equal(deniedTerm('Do you keep backups in the cloud?', backups), null, 'what it affirms is not denied');
  t.equal(deniedTerm('サーバにウイルス対策ソフトを導入していますか。', '有 サーバ → ウイルス対策ソフト導入なし'), 'ウイルス対策ソフト');
  t.equal(deniedTerm('Do you run batch jobs?', 'No. There is no regular batch processing.'), null, 'a no throughout is the answer');
  t.equal(deniedTerm('Is the service designed so that there is no single point of failure?', 'Yes. Servers are made redundant so that there is no single point of failure.'), null, 'asked and answered alike');
  t.equal(deniedTerm('パスワードはハッシュ化して保存していますか。', '有 パスワード等一部のデータは不可逆の暗号化で保存'), null, '不可逆 denies nothing');
  t.equal(composeAnswer(items, [items.find((i) => i.answerEn?.startsWith('Yes. '))!.no], 'en', 'File types should be restricted. What types are allowed?').startsWith('Yes'), false, 'a question asked in its second sentence');
});

t.test('the customer\'s own words are read as yes, no, partly or not applicable, in any width or case', async (t) => {
  const words: [string, string | null][] = [
    ['はい', 'yes'], ['ＹＥＳ', 'yes'], ['○', 'yes'], ['〇', 'yes'], ['◎', 'yes'], ['対応済', 'yes'], ['済', 'yes'],
    ['適合', 'yes'], ['実施', 'yes'], ['✓', 'yes'], ['対応可', 'yes'], ['適', 'yes'],
    ['いいえ', 'no'], ['No', 'no'], ['×', 'no'], ['未対応', 'no'], ['未', 'no'], ['不適合', 'no'], ['未実施', 'no'], ['否', 'no'],
    ['△', 'partial'], ['一部対応', 'partial'], ['一部適合', 'partial'], ['Partially', 'partial'],
    ['－', 'na'], ['N/A', 'na'], ['NA', 'na'], ['該当なし', 'na'], ['対象外', 'na'],
    ['はい / Yes', 'yes'], ['該当なし / N/A', 'na'],
    ['A', null], ['予定', null], ['3', null],
  ];
  for (const [word, value] of words) t.equal(choiceValueOf(word), value, word);
});

t.test('a plain yes is preferred to an emphatic one: ○ (実施), not ◎ (十分に実施)', async (t) => {
  t.equal(wordFor('yes', ['◎', '○', '△', '×']), '○');
  t.equal(wordFor('yes', ['◎', '×']), '◎', 'unless the column has no other');
});

t.test('the rating-marks sheet (◎○△×): 有 is ○, 無 is ×', async (t) => {
  const [policy] = sheetQuestions('workbooks/layout-rating-marks.xlsx');
  t.same(policy.choices, ['◎', '○', '△', '×']);
  t.equal(choice(policy.text, [33], policy.choices), '○');
  t.equal(choice(policy.text, [39], policy.choices), '×');
  t.equal(choice(policy.text, [47], policy.choices), '△', "an item whose default is partial gets the sheet's △");
});

t.test('a はい/いいえ sheet with no free-text column: every answered question gets a value, open ones too', async (t) => {
  const qs = sheetQuestions('workbooks/layout-choice-only.xlsx');
  t.same(qs[0].choices, ['はい', 'いいえ']);
  t.equal(choice('データセンターの所在国はどこですか。', [49], qs[0].choices), 'はい', 'open question: the item\'s default choice');
  t.equal(choice(qs[2].text, [40], qs[2].choices), 'はい');
  t.equal(choice('ISMSやPマークを取得していますか', [39], qs[0].choices), 'いいえ');
});

t.test('status and verdict vocabularies: 適合/一部適合/不適合/該当なし, 対応済/一部対応/未対応, Yes/No/NA, 対応可/対応不可', async (t) => {
  const category = sheetQuestions('workbooks/layout-choice-category.xlsx');
  t.equal(choice(category[2].text, [33], category[2].choices), '適合');
  const multi = sheetQuestions('workbooks/layout-multi-sheet.xlsx');
  t.equal(choice('第三者認証の取得状況', [39], multi[0].choices), '未対応');
  t.equal(choice('稼働率', [5], multi[0].choices), '一部対応', 'an item whose default is partial');
  const english = sheetQuestions('workbooks/layout-english.xlsx');
  t.equal(choice(english[0].text, [33], english[0].choices), 'Yes');
  const merged = sheetQuestions('workbooks/layout-merged-answer-header.xlsx');
  t.equal(choice(merged[0].text, [23], merged[0].choices), '対応不可');
  const bilingual = sheetQuestions('eval-holdout2/05-gaishi-laurel-bilingual.xlsx');
  t.equal(choice('Is data encrypted at rest?', [33], bilingual[0].choices), 'はい / Yes');
});

t.test('an item whose answer has no 有/無 says what its default choice says (service hours: yes; concurrent users: no limit)', async (t) => {
  t.equal(choice('サービスの提供時間帯は？', [1], ['はい', 'いいえ']), 'はい');
  t.equal(choice('同時接続数に上限はありますか', [24], ['はい', 'いいえ']), 'いいえ');
});

t.test('a negated question trades yes and no, and says so', async (t) => {
  const r = choiceFor('保存データを暗号化せずに保管していることはありませんか。', items, [33], ['はい', 'いいえ']);
  t.equal(r.choice, 'いいえ');
  t.equal(r.reason?.code, 'choice.inverted');
  t.equal(choice('Do you not encrypt data at rest?', [33], ['Yes', 'No']), 'No');
  t.ok(isNegatedQuestion("Don't you encrypt backups?"));
  t.ok(isNegatedQuestion('他の利用者のデータが見える状態になっていませんか'));
  t.notOk(isNegatedQuestion('直近の監査報告書をご提出いただけませんか。'), 'a polite request is not a negation');
  t.notOk(isNegatedQuestion('定期的に脆弱性診断を受けていますか。\n※受けていない場合は理由をご記入ください。'), 'nor a ※ note');
  t.notOk(isNegatedQuestion('Is customer data encrypted at rest?'));
});

t.test('no value, and the reason, when none can be said with confidence: the row is then a reviewer\'s', async (t) => {
  const why = (question: string, itemNos: number[], allowed: string[]) => {
    const r = choiceFor(question, items, itemNos, allowed);
    t.equal(r.choice, null, question);
    return r.reason ? reasonText(r.reason, 'en') : '';
  };
  t.match(why('稼働率の保証（SLA）はありますか', [5], ['はい', 'いいえ']), /answer means partial, but the choice column offers no such value/);
  t.match(why('障害の発生件数', [12], ['はい', 'いいえ']), /item 12's answer says neither yes nor no and it has no default choice/);
  t.match(why('暗号化とAPI連携をしていますか', [33, 23], ['はい', 'いいえ']), /items 33, 23 imply different choices/);
  t.match(why('保存データは暗号化されていますか', [33], ['A', 'B', 'C']), /not words for yes, no, partly or not applicable/);
  t.match(why('API連携は可能ですか', [23], ['✓']), /offers no such value/, 'a tick column has no word for no');
  const ja = choiceFor('障害の発生件数', items, [12], ['はい', 'いいえ']).reason!;
  t.match(reasonText(ja, 'ja'), /No\.12 の回答には有無がなく/);
});

t.test('every answered question of the fixture sheets with a choice column gets one of its own values, or a reason', async (t) => {
  for (const path of ['workbooks/layout-rating-marks.xlsx', 'workbooks/layout-verdict-columns.xlsx', 'workbooks/layout-title-block.xlsx', 'eval-holdout/02-city-shinonome-cloud-kakuninsho.xlsx']) {
    const wrong = sheetQuestions(path).flatMap((q) =>
      items
        .map((item) => ({ item: item.no, ...choiceFor(q.text, items, [item.no], q.choices) }))
        .filter((r) => (r.choice === null ? r.reason === undefined : !q.choices.includes(r.choice))),
    );
    t.same(wrong, [], path);
  }
});
