import t from 'tap';
import { foldText, splitQuestion } from '../../src/matching/text.js';
import { grams, stem, stemText, typoProneWords } from '../../src/matching/segment.js';

t.test('full and half width, case and punctuation read the same', async (t) => {
  t.equal(foldText('ＩＳＯ／ＩＥＣ２７００１'), foldText('iso/iec 27001'));
  t.equal(foldText('ＴＬＳ１．２以上'), 'tls1.2以上');
  t.equal(foldText('TLS 1.2 以上'), 'tls1.2以上');
  t.equal(foldText('ｻｰﾋﾞｽ'), 'サービス', 'half-width katakana becomes full width');
  t.equal(foldText('「バックアップ」の　頻度'), 'バックアップの頻度', 'brackets and ideographic spaces go');
  t.equal(foldText('監視項目・監視間隔\n（例）'), '監視項目監視間隔例');
});

t.test('spaces survive only between English words and between numbers', async (t) => {
  t.equal(foldText('Service  Hours?'), 'service hours');
  t.equal(foldText('SOC 2 Type II'), 'soc2 type ii');
  t.equal(foldText('ISO 27001 / 27017'), 'iso27001 27017');
  t.equal(foldText('99.9 %'), '99.9');
});

t.test('※ notes and 例 hints are set apart from what is asked', async (t) => {
  const a = splitQuestion('バックアップを取得していますか。\n※取得頻度を備考欄にご記入ください。');
  t.equal(a.main, 'バックアップを取得していますか。');
  t.match(a.notes, /取得頻度/);
  const b = splitQuestion('DR構成の有無\n（例：遠隔地バックアップ、ホットスタンバイ）');
  t.equal(b.main, 'DR構成の有無');
  t.match(b.notes, /遠隔地/);
  const c = splitQuestion('Are the systems scanned? (Note: this does not refer to anti-malware scans.)');
  t.equal(c.main, 'Are the systems scanned?');
  const d = splitQuestion('【必須】データセンターの所在国をご記入ください。');
  t.equal(d.main, 'データセンターの所在国をご記入ください。', 'required-field markers are dropped');
});

t.test('segmentation: character bigrams for Japanese, whole words for English', async (t) => {
  t.same(grams('暗号化'), ['暗号', '号化']);
  t.same(grams('backups at rest'), ['backup', 'at', 'rest']);
  t.equal(stem('backups'), 'backup');
  t.equal(stem('monitored'), stem('monitoring'));
  t.equal(stem('scanned'), 'scan');
  t.equal(stem('authorised'), stem('authorized'));
  t.equal(stem('centres'), stem('centers'));
  t.equal(stem('tls'), 'tls', 'acronyms are kept');
  t.equal(stemText('バックアップ backups'), 'バックアップ backup');
  t.same('the bakcup of バックアプ data'.match(typoProneWords(5)), ['bakcup', 'バックアプ']);
});
