// A questionnaire whose questions ask for more than the vendor's answers say: those rows come back for review,
// with the item's answer proposed and no automatic yes; the rows whose threshold the answer meets stay automatic.
import t from 'tap';
import { limitsOf, loadConfig } from '../../src/config.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { messageText } from '../../src/messages.js';
import { checksheet, xlsx } from '../helpers/workbooks.js';
import { knowledge } from '../helpers/knowledge.js';

const limits = limitsOf(loadConfig({ QMAP_DB: ':memory:' }));
const rowsOf = (bytes: Buffer) => analyse({ bytes: new Uint8Array(bytes), filename: 'sheet.xlsx', limits, overrides: {}, knowledge: knowledge() }).rows;
const reasonsOf = (r: { proposal: { reasons: Parameters<typeof messageText>[0][] } }) => r.proposal.reasons.map((m) => messageText(m, 'en'));

t.test('a はい/いいえ sheet: 7世代以上 against 3世代 and 土日 against 平日 are held; 3世代以上 and 国内保存 stay automatic', async (t) => {
  const questions = [
    'バックアップは7世代以上保持していますか。',
    'バックアップは3世代以上保持していますか。',
    '障害の問い合わせは土日も受け付けていますか。',
    'データは国内のデータセンターに保存されていますか。',
  ];
  const rows = rowsOf(
    await xlsx([{ name: '確認事項', header: ['No.', '確認項目', '回答', '備考'], rows: questions.map((q, i) => [i + 1, q, null, null]), validation: { column: 3, values: ['はい', 'いいえ'] } }]),
  );
  const [seven, three, weekend, japan] = rows;
  t.same([seven, three, weekend, japan].map((r) => r.itemNos), [[32], [32], [26], [49]], 'the rows are matched to the items the examples rest on');
  t.same([seven.status, seven.choice], ['review', null], 'not はい, and not いいえ either');
  t.equal(seven.answer, '3世代', "the item's answer is still proposed: it is the vendor's truth");
  t.match(reasonsOf(seven), [/asks for 「7世代以上」, but item 32's answer says 「3世代」/]);
  t.same([weekend.status, weekend.choice], ['review', null]);
  t.match(reasonsOf(weekend), [/asks about 「土日」, but item 26's answer gives 「平日10:00-16:00」/]);
  t.same([three.status, three.choice], ['auto', 'はい']);
  t.same([japan.status, japan.choice], ['auto', 'はい']);
});

t.test('a sheet with only an answer column: the answer 3世代 is proposed for 「7世代以上」, and the row is held saying why', async (t) => {
  const [row] = rowsOf(await checksheet(['バックアップは7世代以上保持していますか。']));
  t.equal(row.status, 'review');
  t.equal(row.answer, '3世代');
  t.equal(reasonsOf(row).filter((r) => /7世代以上/.test(r)).length, 1, 'said once');
});
