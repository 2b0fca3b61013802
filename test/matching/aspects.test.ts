// What a question asks about its topic decides whether an item's answer answers it: the same topic asked from
// another side (how often, a report, insurance, the customer's own staff) is at most a guess for a reviewer, and
// the reviewer is told which side in plain words, in English and in Japanese.
import t from 'tap';
import { fileURLToPath } from 'node:url';
import type { Proposal } from '../../src/domain.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { messageText as reasonText } from '../../src/messages.js';

const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));
const matcher = createMatcher({ items });
const ask = (text: string, section: string | null = null) => matcher.match({ text, section });
const said = (r: Proposal, lang: 'en' | 'ja' = 'en') => r.reasons.map((m) => reasonText(m, lang)).join('\n');

t.test('the item answers the topic asked the way its answer settles it: filled automatically', async (t) => {
  for (const [text, itemNo] of [
    ['計画停止の予定は事前に通知されますか。', 2],
    ['第三者による脆弱性診断を受けていますか。', 40],
    ['データ漏えい時の補償はありますか。', 35],
    ['Is customer data encrypted at rest?', 33],
    ['脆弱性診断を年1回以上実施していますか。', 40],
  ] as const) {
    const r = ask(text);
    t.equal(r.status, 'auto', text);
    t.same(r.itemNos, [itemNo], text);
  }
});

t.test('the same topic asked from a side the answer does not settle is a guess for review, and says which side', async (t) => {
  const cases: [string, number, RegExp, RegExp][] = [
    ['計画停止はどのくらいの頻度で実施していますか。', 2, /how often it is done \(「頻度」\)/, /頻度（「頻度」）を尋ねていますが、No\.2 の回答には書かれていません/],
    ['脆弱性診断の報告書をご提出いただけますか。', 40, /a report, certificate or other document/, /報告書・証明書などの提出や開示/],
    ['Is full-disk encryption enabled on all employee laptops?', 33, /laptops, PCs or other end-user devices/, /PC・端末などの機器/],
    ['Are user access rights reviewed at least quarterly?', 45, /reviews, approvals or audits/, /承認・見直し・点検/],
    ['Are external vulnerability scans performed at least quarterly?', 40, /more often than item 40's answer says it is done/, /それより少ない頻度です/],
  ];
  for (const [text, itemNo, en, ja] of cases) {
    const r = ask(text);
    t.not(r.status, 'auto', text);
    t.equal(r.candidates[0]?.itemNo, itemNo, `${text}: the item is still offered`);
    t.match(said(r), en, text);
    t.match(said(r, 'ja'), ja, text);
  }
});

t.test('insurance is not the compensation item 35 answers, nor a restore test the backups item 28 describes', async (t) => {
  t.not(ask('サイバー保険に加入していますか。').status, 'auto');
  t.not(ask('Do you carry cyber-liability insurance?').status, 'auto');
  t.not(ask('Do you test restoring data from backups?').status, 'auto');
});

t.test('a follow-up asked only if the first answer is yes is for the reviewer to complete, not a reason to hold', async (t) => {
  const r = ask('第三者による脆弱性診断を受けていますか。\n受けている場合は、直近の診断結果の概要を記載してください。');
  t.equal(r.status, 'auto');
  t.same(r.itemNos, [40]);
});

t.test("questions about the customer's own side are held back, in Japanese and English", async (t) => {
  const cases: [string, string | null][] = [
    ['（当金庫記入）本委託に係る当金庫の主管部署および責任者を定めていますか。', null],
    ['【当院記入】当院職員が使用する端末の管理（OS更新、ウイルス対策）を院内規程に基づき実施していること。', null],
    ['うちのスタッフのＰＣにウイルス対策が入っていなくても大丈夫ですか？', null],
    ['Will staff use the service only from offices with badge-controlled entry?', 'Institution Use Only — to be completed by the university'],
  ];
  for (const [text, section] of cases) {
    const r = ask(text, section);
    t.not(r.status, 'auto', text);
    t.ok(r.reasons.some((m) => m.code === 'match.customer-side'), `${text}: says it is the customer's side`);
  }
  t.match(said(ask('うちのスタッフのＰＣにウイルス対策が入っていなくても大丈夫ですか？'), 'ja'), /お客様ご自身の体制・運用/);
});

t.test('a question about the customer using the service is not the customer\'s side: it asks what the service does', async (t) => {
  const r = ask('監査証跡（アクセスログ）を当院が閲覧・出力できること。');
  t.notOk(r.reasons.some((m) => m.code === 'match.customer-side'));
  t.same(r.itemNos, [18]);
});

t.test('no candidate is shown as likelier than the proposal without a reason first saying why', async (t) => {
  const texts = [
    '計画停止はどのくらいの頻度で実施していますか。',
    'Are audit logs of user actions available to customer administrators in the UI or through an API?',
    '特権ＩＤの利用状況（操作ログ）を定期的に点検していますか。',
    'バックアップの取得頻度と保存期間を教えてください。',
  ];
  for (const text of texts) {
    const r = ask(text);
    const others = r.candidates.filter((c, i) => (r.itemNos.length ? !r.itemNos.includes(c.itemNo) : i > 0));
    t.ok(others.every((c) => c.score <= r.score), `${text}: ${JSON.stringify(r.candidates.map((c) => [c.itemNo, c.score]))} vs ${r.score}`);
  }
});
