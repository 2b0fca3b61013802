// A question can ask for more than the item's answer says: at least 7 backup generations where the answer says
// 3世代, an RTO of 1 hour where it says 12時間以内, support 24/7 where it says 平日10:00-16:00. Such a row is held
// for a reviewer, saying what the question asks and what the answer says, and its yes is never written
// automatically. A threshold the answer meets, or a number that sets no threshold, changes nothing.
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { answerDoubt, choiceFor } from '../../src/matching/answer.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { figuresIn } from '../../src/matching/figures.js';
import { messageText } from '../../src/messages.js';

const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));
const answerOf = (no: number) => items.find((i) => i.no === no)!.answer;
const JA = ['はい', 'いいえ'];
const EN = ['Yes', 'No'];

/** What qmap does with a question matched to an item: the choice it writes, or why it holds the row. */
function given(question: string, itemNo: number, allowed = /[ぁ-んァ-ヶ一-龠]/.test(question) ? JA : EN) {
  const r = choiceFor(question, items, [itemNo], allowed);
  return { choice: r.choice, why: r.reason ? messageText(r.reason, 'en') : '', whyJa: r.reason ? messageText(r.reason, 'ja') : '', doubt: answerDoubt(question, items, [itemNo]) };
}

t.test('the items these examples rest on say what the examples assume', async (t) => {
  t.equal(answerOf(32), '3世代');
  t.match(answerOf(11), /12時間以内/);
  t.match(answerOf(26), /平日10:00-16:00/);
  t.match(answerOf(42), /TLS1\.2 以上/);
  t.match(answerOf(2), /30日前/);
});

t.test('given 「バックアップは7世代以上保持していますか」 matched to item 32 (3世代), the row is held for review, not answered はい', async (t) => {
  const r = given('バックアップは7世代以上保持していますか', 32);
  t.equal(r.choice, null, 'neither はい nor いいえ: the vendor may keep more generations on request');
  t.equal(r.why, "the question asks for 「7世代以上」, but item 32's answer says 「3世代」: held for a reviewer, not answered yes");
  t.equal(r.whyJa, '質問は「7世代以上」を求めていますが、No.32 の回答は「3世代」です。「はい」とは記入せず、ご判断いただきます');
  t.equal(r.doubt?.code, 'figure.short', 'the answer text alone is held too, on a sheet without a choice column');
});

t.test('the same in English: "at least 7 generations" against 3世代', async (t) => {
  t.match(given('Do you keep at least 7 generations of backups?', 32).why, /asks for 「at least 7 generations」, but item 32's answer says 「3世代」/);
  t.equal(given('Are at least five backup generations kept?', 32).choice, null, 'a number in words, a word between it and its unit');
  t.equal(given('バックアップは二世代以上保管していますか', 32).choice, 'はい', '二世代以上 is met by 3世代');
});

t.test('a threshold the answer meets stays automatic: 3世代以上 against 3世代, within 48 hours against 12時間以内', async (t) => {
  t.equal(given('バックアップは3世代以上保持していますか', 32).choice, 'はい');
  t.equal(given('Is the RTO within 48 hours?', 11).choice, 'Yes');
  t.equal(given('Is all data in transit encrypted with TLS 1.2 or higher?', 42).choice, 'Yes');
  t.equal(given('計画停止は少なくとも2週間前までに通知されますか', 2).choice, 'はい', 'two weeks ahead is met by 30日前');
  t.equal(given('Are backups retained for at least 7 days?', 30).choice, 'Yes', 'every retention the answer gives is 7 days or more');
});

t.test('an upper bound the answer does not show is met: an RTO of 1 hour or less against 12時間以内', async (t) => {
  const r = given('Is the RTO 1 hour or less?', 11);
  t.equal(r.choice, null);
  t.match(r.why, /asks for 「1 hour or less」; item 11's answer says 「12時間以内」, which does not show it is met/);
  t.equal(given('目標復旧時間（RTO）は4時間以内ですか', 11).choice, null);
});

t.test('a lower bound the answer falls short of: 99.99%以上 against an answer whose target is 99.9%', async (t) => {
  const r = given('99.99%以上の稼働率を保証していますか', 5, ['はい', 'いいえ', '一部']);
  t.equal(r.choice, null, 'not even the item\'s 一部');
  t.match(r.why, /「99\.99%以上」; item 5's answer says 「99\.9%」/);
  t.equal(given('Is planned maintenance announced at least 60 days in advance?', 2).choice, null, '30 days ahead is not 60');
});

t.test('an exact figure the answer does not give: 「7世代」, AES-256 where the answer only says it encrypts', async (t) => {
  t.equal(given('バックアップを7世代保管していますか', 32).choice, null);
  t.equal(given('バックアップを2世代保管していますか', 32).choice, 'はい', 'a figure without a bound means at least that many: 3世代 keeps 2');
  const aes = given('保存データはAES-256で暗号化されていますか', 33);
  t.equal(aes.choice, null);
  t.match(aes.why, /asks for 「AES-256」, and item 33's answer gives no such figure/);
});

t.test('numbers that set no threshold are not held: standards, past windows, rates, examples, ordinals', async (t) => {
  t.equal(given('ISO 27001の認証を取得していますか', 39).choice, 'いいえ', 'a standard\'s number is not a figure');
  t.equal(given('年1回以上、第三者による脆弱性診断を実施していますか', 40).choice, 'はい', 'a rate');
  t.equal(given('保存データの暗号化方式（例：AES-256）', 33).choice, 'はい', 'an example');
  t.equal(given('Is data at rest encrypted (e.g. AES-256)?', 33).choice, 'Yes');
  t.equal(answerDoubt('過去3年間に、復旧に1日以上を要した障害はありましたか', items, [12]), null, 'figures that say which past events to count');
  t.equal(answerDoubt('How many outages lasting more than one day occurred in the past 12 months?', items, [12]), null);
  t.equal(given('本サービスの提供を終了する場合、十分な期間をおいて事前通知いただけますか', 3).choice, 'はい', '十分 (enough) is not ten minutes');
  t.same(figuresIn('毎月第3日曜日の深夜'), [], 'a day of the month is not a duration');
  t.same(figuresIn('二十四時間'), [], 'nor a digit inside a longer kanji numeral (not 4 hours)');
});

t.test('figures are read with their bounds, in Japanese and English', async (t) => {
  const read = (text: string) => figuresIn(text).map((f) => [f.scale, f.bound, f.low, f.high]);
  t.same(read('7世代以上'), [['generations', 'min', 7, Infinity]]);
  t.same(read('at least 7 generations'), [['generations', 'min', 7, Infinity]]);
  t.same(read('24時間以内'), [['duration', 'max', 0, 24 * 3600]]);
  t.same(read('within 4 hours'), [['duration', 'max', 0, 4 * 3600]]);
  t.same(read('3世代'), [['generations', 'exact', 3, 3]]);
  t.same(read('7日分以上'), [['duration', 'min', 7 * 86400, Infinity]]);
  t.same(read('99.9%'), [['percent', 'exact', 99.9, 99.9]]);
  t.same(read('TLS 1.2 or higher'), [['tls', 'min', 1.2, Infinity]]);
  t.same(read('AES-256'), [['bits', 'exact', 256, 256]]);
  t.same(read('過去3年間'), [], 'a past window');
  t.same(read('24時間365日'), [], 'round the clock is hours, not a duration');
});

t.test('hours: a question asking for nights, weekends or 24/7 against an answer limited to weekday hours is held', async (t) => {
  const ja = given('障害の問い合わせは土日も受け付けていますか', 26);
  t.equal(ja.choice, null);
  t.equal(ja.why, "the question asks about 「土日」, but item 26's answer gives 「平日10:00-16:00」: held for a reviewer, not answered yes");
  t.equal(given('Is support available 24/7?', 26).choice, null);
  t.equal(given('障害時の窓口は当社の営業時間（平日8:00～17:00）をカバーしていますか', 26).choice, null, '10:00-16:00 does not cover 8:00-17:00');
  t.equal(given('サービスは24時間365日利用できますか', 1).choice, 'はい', 'an answer of 24時間365日 covers every hour');
  t.equal(given('夜間バッチ処理の有無', 21, JA).doubt, null, 'nights asked of an item that names no hours at all are not held');
});

t.test('a question asking the other way round from the item is held, whatever the item says', async (t) => {
  const abroad = given('Is customer data ever stored outside Japan?', 49);
  t.equal(abroad.choice, null, "the item's yes (kept under Japanese law) would say data IS stored abroad");
  t.match(abroad.why, /asks the other way round from item 49 \(「outside Japan」\)/);
  t.equal(given('研究データが国外のサーバに保存されることはありますか', 49).choice, null);
  t.equal(given('サービス停止を伴うメンテナンスはありますか', 2).choice, null);
  t.equal(given('Does planned maintenance involve downtime?', 2).choice, null);
  t.equal(given('データは国内のデータセンターに保存されていますか', 49).choice, 'はい', 'the usual way round stays automatic');
  t.equal(given('データセンターの所在国を記載してください。※海外に所在する場合は国名も記載してください', 49).choice, 'はい', 'a ※ note asking for more is not the question');
  t.equal(given('保存データを暗号化せずに保管していることはありませんか。', 33).choice, 'いいえ', 'a negated question is still inverted, as before');
});

t.test('a negation inside the question\'s words (無制限, 暗号化されずに, unlimited, unencrypted) holds the row: the item\'s 無 answers the opposite', async (t) => {
  t.equal(given('同時接続数に上限はありますか', 24).choice, 'いいえ', 'the item\'s own sense: no limit');
  const unlimited = given('同時接続ユーザー数は無制限ですか', 24);
  t.equal(unlimited.choice, null, 'not いいえ, which would say there is a limit');
  t.match(unlimited.why, /other way round from item 24 \(「無制限」\)/);
  t.equal(given('Is the number of concurrent users unlimited?', 24).choice, null);
  t.equal(given('データは暗号化されずに保存されていますか', 33).choice, null, 'not はい, which would say data is stored unencrypted');
  t.equal(given('Are passwords stored in plain text?', 33).choice, null);
  t.equal(given('Is the service free of planned outages?', 2).choice, null);
});

t.test('an item whose answer is no is not held for a threshold: what the vendor does not do, it does not do to any level', async (t) => {
  t.equal(given('操作ログを1年以上提供していますか', 18).choice, 'いいえ');
});
