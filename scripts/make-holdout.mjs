#!/usr/bin/env node
// make-holdout.mjs — builds the held-out evaluation set for qmap's question detector and matcher:
//   4 customer questionnaire workbooks (.xlsx, 3 Japanese + 1 English), 1 Shift_JIS CSV export, labels.json.
//
// usage (from the repository root):  node scripts/make-holdout.mjs [outDir]
//         outDir defaults to fixtures/eval-holdout
//
// The questions were written from the METI item list and the vendor's answers
// (fixtures/meti-items.json) and from how real customers phrase check sheets — without looking at
// the matcher's code, lexicon or thresholds. Labels follow the dev set's format
// (/work/shared/eval/dev/README.md): "items" = METI numbers whose vendor answer genuinely answers the
// question (best first), "also" = weaker/partial answers, [] = leave to a human.
//
// After writing, the script re-reads every file (checkSet in holdout-kit.mjs) and asserts that each
// labelled row's cell text equals the label's text and that no unlabelled row looks like a question.

import fs from 'node:fs';
import path from 'node:path';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { bodyRow, BORDER, checkSet, csvText, dropDown, fill, fillCells, fitRow, headerRow, label, mergedText, newBook, noQuestions, printA4, report, saveBook, sectionRow, styleRange, thin, writeLabels } from './holdout-kit.mjs';

const outDir = process.argv[2] ?? 'fixtures/eval-holdout';
fs.mkdirSync(outDir, { recursive: true });

// q(no, …): `no` is only a handle in this source; the builders number rows in sheet order
// (1, 1-(1), A-01, A.1 …), so removing or adding a question never leaves a gap.
const q = (no, cat, text, items, also = [], note = '') => ({ no, cat, text, items, also, note });

const INPUT_FILL = fill('FFFFFFCC');
const FIXED_DATE = new Date('2025-01-15T00:00:00Z');
// This set's workbooks were written without lastModifiedBy (ExcelJS then writes "Unknown"); kept as committed.
const book = (creator) => newBook(creator, FIXED_DATE, { lastModifiedBy: null });

// Rows that are deliberately question-like but are NOT questions (記入例, struck-out rows).
// The self-check accepts them; any other unlabelled question-like row fails it.
const intentionalNonQuestions = []; // { file, sheet, row, why }

// ======================================================================
// 01  Shinkin bank (信用金庫) — polite 「〜していますか。」, 大分類 on the first row of each group
// ======================================================================
const BANK = [
  q(2, '委託先の管理態勢', '貴社ならびに貴社の役員および従業員が、反社会的勢力に該当しないこと、また反社会的勢力と関係を有していないことを確認していますか。', [], [], '反社会的勢力: no item'),
  q(4, '委託先の管理態勢', '当金庫から委託する業務の一部を、さらに他の事業者に委託（再委託）することはありますか。\n※再委託がある場合は、再委託先の名称・所在地・委託内容を補足欄にご記入ください。', [], [45], 'subcontracting: no item; 45 only says the vendor\'s accessing staff are limited'),
  q(5, '委託先の管理態勢', '役職員に対し、個人情報保護および情報セキュリティに関する研修を定期的に実施していますか。', [], [], 'staff training: no item'),
  q(6, '委託先の管理態勢', 'ISO/IEC 27001等、情報セキュリティマネジメントシステムに関する第三者認証を取得していますか。', [39]),
  q(7, '安定稼働', '本サービスを利用できる曜日および時間帯をお示しください。', [1]),
  q(8, '安定稼働', '計画メンテナンスに伴いサービスを停止する場合、何日前までに、どのような手段で告知していますか。', [2]),
  q(10, '安定稼働', 'システム障害が発生した場合、平均してどの程度の時間で復旧していますか。', [10], [11]),
  q(11, '安定稼働', '障害発生から業務再開までの目標時間を定めていますか。', [11], [10]),
  q(12, '安定稼働', '過去1年間に発生したシステム障害の件数を把握していますか。\n※うち、復旧までに長時間を要したものがあれば、その件数も補足欄にご記入ください。', [12]),
  q(13, '安定稼働', 'サーバの負荷やアクセス状況を監視する仕組みを設けていますか。また、監視の間隔はどの程度ですか。', [13, 16], [], 'two topics: what is monitored (13) and interval (16)'),
  q(14, '安定稼働', '利用者数が増加した場合でも処理能力を維持できるよう、拡張の仕組みを備えていますか。', [24], [25], '24: scale-out, no concurrent-user limit; 25 says the same for capacity'),
  q(15, '障害・緊急時対応', '障害が発生した場合、当金庫の担当部署へ速やかに連絡いただける体制となっていますか。', [14], [15]),
  q(16, '障害・緊急時対応', '障害の発生を検知してから当金庫へ連絡するまでの時間の目安を定めていますか。', [15]),
  q(17, '障害・緊急時対応', '障害時のお問い合わせについて、土日祝日や夜間も受け付けていますか。', [26], [27], '26: fault inquiries weekdays 10-16 by e-mail; 27: e-mail accepted 24/365'),
  q(18, '障害・緊急時対応', '地震等の広域災害に備え、データを遠隔地に保管していますか。', [6], [28, 7]),
  q(19, '障害・緊急時対応', '大規模障害等によりサービスの早期再開が困難な場合の代替手段を用意していますか。', [7], [6]),
  q(20, '障害・緊急時対応', '当金庫が毎年実施するBCP訓練（システム障害を想定した連絡訓練）にご参加いただけますか。', [], [14], 'near-miss (BCP/障害): joining the customer\'s drill is not covered'),
  q(21, '障害・緊急時対応', '貴社の事業撤退や経営破綻に備え、プログラムやデータを第三者に預託する措置を講じていますか。', [4]),
  q(22, 'データの保護', '当金庫が登録する顧客情報は、保存時に暗号化されていますか。', [33]),
  q(23, 'データの保護', '暗号化に用いる鍵は、他の利用者と共用しない形で管理されていますか。', [34], [33]),
  q(24, 'データの保護', 'バックアップはどの程度の頻度で取得していますか。また、何世代分を保持していますか。', [28, 32], [7, 30], 'two topics: frequency (28) and generations (32); seed quirk: 7 says 7 generations'),
  q(25, 'データの保護', '万一データが失われた場合、どの時点の状態まで復元できますか。', [29], [28], 'RPO phrased indirectly'),
  q(26, 'データの保護', '解約時に、当金庫のデータを取り出す手段は用意されていますか。', [36], [8]),
  q(27, 'データの保護', '契約終了後、当金庫のデータは貴社の環境から確実に削除されますか。\n※削除の時期および方法も併せてご記入ください。', [31], [36]),
  q(28, 'データの保護', 'データが保存される国・地域、および適用される法令をお示しください。', [49], [6]),
  q(29, 'データの保護', '当金庫が入力したデータを、生成AIの学習や貴社サービスの改善など、契約の目的以外に利用することはありませんか。', [], [], 'secondary use / AI training: no item'),
  q(30, 'データの保護', '個人情報の利用目的を、契約書または利用規約において明示していますか。', [], [], 'purpose of use of personal data: no item'),
  q(31, 'アクセス管理・不正対策', '利用者のログイン時に、パスワードに加えて別の要素による認証を必須にできますか。', [], [], 'MFA: no item'),
  q(32, 'アクセス管理・不正対策', '当金庫のネットワークからのアクセスのみを許可するよう、接続元を制限できますか。', [], [], 'IP restriction for the customer: no item (45 is about the vendor\'s own staff)'),
  q(33, 'アクセス管理・不正対策', '貴社の運用担当者のうち当金庫のデータを閲覧できる者は、必要最小限に限定されていますか。', [45], [41]),
  q(34, 'アクセス管理・不正対策', '当金庫の利用者が、いつ、どのような操作を行ったかを、当金庫側で確認できますか。', [18], [46]),
  q(35, 'アクセス管理・不正対策', '外部からの攻撃を検知・遮断する仕組み（ファイアウォール、WAF等）を導入していますか。', [], [], 'WAF/firewall: no item (13 monitors load/usage only)'),
  q(36, 'アクセス管理・不正対策', '外部の専門業者によるセキュリティ診断を受け、指摘事項を是正していますか。', [40]),
  q(37, 'アクセス管理・不正対策', '本サービスの通信は、十分な強度の暗号方式で保護されていますか。', [42], [37]),
  q(38, 'アクセス管理・不正対策', '情報漏えいが発生し当金庫に損害が生じた場合、補償を受けることはできますか。', [35]),
  q(39, 'アクセス管理・不正対策', '当金庫が実施する委託先監査（貴社事業所への実地調査を含む）に応じていただけますか。', [], [], 'audit rights / on-site inspection: no item'),
];

async function buildBank(file) {
  const wb = book('あおば信用金庫 リスク統括部');
  const sheetName = '委託先評価シート';
  const HEADER = 6;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: printA4('landscape'),
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER }],
  });
  const F = { name: 'ＭＳ ゴシック', size: 10 };
  const widths = [6, 18, 62, 14, 44, 14];
  ws.columns = widths.map((w) => ({ width: w }));

  mergedText(ws, 'A1:F1', '外部委託先（クラウドサービス）評価シート', { font: { ...F, size: 14, bold: true } });
  ws.getRow(1).height = 24;
  mergedText(ws, 'A2:F2', 'あおば信用金庫　リスク統括部　（様式R-7）', { font: F, alignment: { horizontal: 'right' } });
  ws.getCell('A3').value = '委託先名';
  ws.getCell('A3').font = { ...F, bold: true };
  ws.mergeCells('B3:C3');
  styleRange(ws, 3, 2, 3, 3, { border: { bottom: thin }, font: F });
  ws.getCell('D3').value = '記入日';
  ws.getCell('D3').font = { ...F, bold: true };
  ws.getCell('E3').border = { bottom: thin };
  mergedText(ws, 'A4:F4', '【ご記入にあたって】「回答」欄はリストから選択してください。「いいえ」「該当なし」を選択した場合は、その理由または代替策を「補足」欄にご記入ください。「当金庫確認欄」は記入不要です。', { font: { ...F, size: 9 }, alignment: { wrapText: true, vertical: 'middle' } });
  ws.getRow(4).height = 30;

  const headers = ['項番', '大分類', '確認事項', '回答', '補足\n（「いいえ」「該当なし」の場合は理由・代替策）', '当金庫\n確認欄'];
  headerRow(ws, HEADER, headers, { font: { ...F, bold: true }, fill: fill('FFC6E0B4'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  ws.getRow(HEADER).height = 34;

  const questions = [];
  let r = HEADER + 1;
  let prevCat = null;
  for (const [idx, qq] of BANK.entries()) {
    ws.getCell(r, 1).value = idx + 1; // numbered in sheet order
    if (qq.cat !== prevCat) ws.getCell(r, 2).value = qq.cat; // 大分類 only on the first row of its group
    prevCat = qq.cat;
    ws.getCell(r, 3).value = qq.text;
    bodyRow(ws, r, 6, F);
    ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'top' };
    ws.getCell(r, 4).alignment = { horizontal: 'center', vertical: 'top' };
    fillCells(ws, r, [4, 5], INPUT_FILL);
    ws.getCell(r, 6).fill = fill('FFE7E6E6');
    dropDown(ws.getCell(r, 4), ['はい', 'いいえ', '該当なし'], { error: 'リストから選択してください。' });
    fitRow(ws, r, qq.text, widths[2]);
    questions.push(label(qq, r));
    r++;
  }
  r++;
  mergedText(ws, `A${r}:F${r}`, '※本シートのご回答は、当金庫の外部委託管理規程に基づく委託先評価に使用します。', { font: { ...F, size: 9 } });
  r++;
  ws.getCell(r, 6).value = '以上';
  ws.getCell(r, 6).font = F;

  return saveBook(wb, outDir, file, {
    layout:
      'single sheet; title, issuer, 委託先名/記入日 fields and instructions in rows 1-4, header at row 6; 大分類 (B) written only on the first row of each group (not merged); C=確認事項; D=はい/いいえ/該当なし drop-down; E=補足 (free text); F=当金庫確認欄 (customer-only); footer note and 以上 after the table',
    sheets: [
      { name: sheetName, headerRow: HEADER, questionColumn: 'C', answerColumn: 'E', choiceColumn: 'D', choices: ['はい', 'いいえ', '該当なし'], questions },
    ],
  });
}

// ======================================================================
// 02  City government (自治体) — ISMAP / LGWAN wording, header row 5, numbering 1-(1), section rows
// ======================================================================
const CITY_SECTIONS = [
  {
    title: '１　認証・評価',
    qs: [
      q('1-(1)', '', '【重要】当該クラウドサービスは、政府情報システムのためのセキュリティ評価制度（ISMAP）のクラウドサービスリストに登録されていますか。\n登録されていない場合は、登録申請の予定についてご記入ください。', [], [39], 'ISMAP registration: no item; 39 (no ISMS/Pマーク, "considering") is only a weak answer. Rich-text cell (red 【重要】)'),
      q('1-(2)', '', 'ISMS（JIS Q 27001）認証又はISMSクラウドセキュリティ認証（JIS Q 27017）を取得していますか。', [39]),
      q('1-(3)', '', 'クラウドサービスの情報セキュリティ対策について、第三者による評価又は監査を受けていますか。', [40], [43], '40: external vulnerability assessment twice a year; 43: no audit reports'),
      q('1-(4)', '', '受託者における情報セキュリティの責任者及び緊急時の連絡窓口を明示してください。', [], [14], 'security officer / emergency contact: no item (14 is outage notification)'),
      q('1-(5)', '', '本業務の従事者に対し、本市の情報セキュリティポリシーの遵守及び守秘義務を課していますか。', [], [], 'NDA / policy compliance: no item'),
    ],
  },
  {
    title: '２　サービスの提供・運用',
    qs: [
      q('2-(1)', '', 'サービスの提供時間及び計画停止の予定をお示しください。', [1], [2]),
      q('2-(2)', '', '閉庁日（土日祝日及び年末年始）においても本サービスを利用できますか。', [1], [], 'service hours asked indirectly'),
      q('2-(4)', '', '障害発生時における本市への連絡方法、及び障害の検知から本市へ連絡するまでの所要時間をお示しください。', [14, 15], [], 'two topics: how (14) and how fast (15)'),
      q('2-(5)', '', 'システム障害が発生した際に本市職員が問い合わせることのできる窓口の対応時間帯をご記入ください。', [26], [27]),
      q('2-(6)', '', 'サービスの運用状況について、定期的な報告（月次報告等）又は随時確認できる手段を提供していますか。', [17], [14]),
      q('2-(7)', '', 'ソフトウェアの更新及び修正プログラムの適用に関する方針を定めていますか。', [9]),
      q('2-(8)', '', '機能や画面の変更を行う場合は、事前に本市へ周知されますか。', [9], [2]),
      q('2-(9)', '', 'サービスの提供を終了する場合、どの程度前に本市へ通知されますか。', [3]),
    ],
  },
  {
    title: '３　データの取扱い',
    qs: [
      q('3-(1)', '', '本市の情報資産を保存するデータセンターは日本国内に所在し、日本の法令が適用されますか。', [49], [6]),
      q('3-(2)', '', '災害発生時のデータ復旧体制（遠隔地へのバックアップ等）を整備していますか。', [6], [7]),
      q('3-(3)', '', '障害等によりデータが消失した場合に復元可能な時点（RPO）及び復旧に要する時間（RTO）をお示しください。', [29, 11], [], 'two topics: RPO (29) and RTO (11)'),
      q('3-(4)', '', '保存データの暗号化の有無', [33]),
      q('3-(5)', '', '契約終了時におけるデータの返還及び消去の方法、並びに消去結果の報告方法をお示しください。', [36, 31]),
      q('3-(6)', '', '本市の住民情報が他の利用団体から閲覧されることのないよう、利用者ごとに情報を分離していますか。', [44], [45]),
      q('3-(7)', '', 'バックアップ媒体等の外部記録媒体の管理及び廃棄の方法', [48]),
      q('3-(8)', '', '個人情報の漏えい等が発生した場合に、個人情報保護委員会への報告及び本人への通知を行う体制を整備していますか。', [], [46], 'breach reporting to the PPC: no item'),
    ],
  },
  {
    title: '４　技術的対策',
    qs: [
      q('4-(1)', '', '本サービスはLGWAN-ASPとして提供されていますか。\n（LGWAN接続系の端末から利用可能か）', [], [], 'LGWAN: no item'),
      q('4-(2)', '', 'インターネット接続系の端末から利用する場合の通信経路の暗号化方式（プロトコル及びバージョン）', [42]),
      q('4-(3)', '', '本市職員のアカウントについて、多要素認証又は接続元IPアドレスによる制限を設定できますか。', [], [], 'MFA / IP restriction: no item'),
      q('4-(4)', '', '不正アクセスを検知する仕組み（IDS/IPS等）及びDDoS攻撃への対策を講じていますか。', [], [], 'IDS / DDoS: no item'),
      q('4-(5)', '', '受託者の運用者がサーバへアクセスする際の認証及びアクセス元の制限', [45], [41]),
      q('4-(6)', '', 'サーバ及び運用端末におけるマルウェア対策', [47]),
      q('4-(7)', '', '送受信データ及び保存データの改ざんを防止し、又は検知する仕組みを備えていますか。', [37]),
      q('4-(8)', '', '利用者が登録できるデータの形式（画像・文書ファイル等）を限定し、不正なファイルの登録を防止していますか。', [38]),
      q('4-(9)', '', '脆弱性情報の公表（セキュリティアドバイザリ）及び外部からの脆弱性報告を受け付ける窓口の有無', [], [], 'vulnerability disclosure contact: no item'),
    ],
  },
  {
    title: '５　インシデント対応',
    qs: [
      q('5-(1)', '', '情報セキュリティインシデントが発生した場合、本市の調査に必要な記録（アクセスログ等）を提出できますか。', [46], [18, 30]),
      q('5-(2)', '', 'インシデント発生時の対応手順（報告・初動対応・復旧）を定めた規程を整備していますか。', [], [46], 'incident-response procedure: no item; 46 only promises investigation/info'),
      q('5-(3)', '', '本市の情報の漏えい等の事故が発生した場合の損害賠償の範囲', [35]),
      q('5-(4)', '', '運用者の操作及びシステムへのアクセスに係るログを1年以上保存していますか。', [30], [46], 'near-miss for 18 (customer-visible logs): vendor-side log retention; 30\'s answer says logs are kept at least 1 year'),
    ],
  },
];

async function buildCity(file) {
  const wb = book('東雲市 総務部 情報政策課');
  const sheetName = '確認書';
  const HEADER = 5;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: printA4('portrait'),
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER }],
  });
  const F = { name: 'ＭＳ 明朝', size: 10.5 };
  const widths = [8, 58, 12, 44, 20];
  ws.columns = widths.map((w) => ({ width: w }));

  ws.getCell('A1').value = '別記様式第３号（第６条関係）';
  ws.getCell('A1').font = { ...F, size: 9 };
  mergedText(ws, 'A2:E2', 'クラウドサービスの利用に係る情報セキュリティ対策確認書', { font: { ...F, size: 14, bold: true }, alignment: { horizontal: 'center' } });
  ws.getRow(2).height = 26;
  mergedText(ws, 'A3:B3', '東雲市長　様', { font: F });
  ws.getCell('C3').value = '事業者名';
  ws.getCell('C3').font = F;
  ws.getCell('D3').border = { bottom: thin };
  mergedText(ws, 'A4:E4', '※「回答区分」欄は適合・一部適合・不適合・該当なしから選択し、「回答内容」欄に具体的な対策内容を記入すること。根拠資料がある場合は「根拠資料・備考」欄に資料名を記入すること。', { font: { ...F, size: 9 }, alignment: { wrapText: true, vertical: 'middle' } });
  ws.getRow(4).height = 30;

  const headers = ['項番', '確認項目', '回答区分', '回答内容', '根拠資料・備考'];
  headerRow(ws, HEADER, headers, { font: { ...F, bold: true }, fill: fill('FFD9E1F2'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  ws.getRow(HEADER).height = 24;
  ws.pageSetup.printTitlesRow = `${HEADER}:${HEADER}`;

  const questions = [];
  let r = HEADER + 1;
  for (const [si, sec] of CITY_SECTIONS.entries()) {
    sectionRow(ws, r, 5, sec.title, { font: { ...F, bold: true }, fill: fill('FFF2F2F2'), border: BORDER });
    r++;
    for (const [qi, qq] of sec.qs.entries()) {
      ws.getCell(r, 1).value = `${si + 1}-(${qi + 1})`;
      const c = ws.getCell(r, 2);
      if (qq.text.startsWith('【重要】')) {
        c.value = {
          richText: [
            { text: '【重要】', font: { ...F, bold: true, color: { argb: 'FFFF0000' } } },
            { text: qq.text.slice('【重要】'.length), font: F },
          ],
        };
      } else {
        c.value = qq.text;
      }
      styleRange(ws, r, 1, r, 5, { border: BORDER, alignment: { vertical: 'top', wrapText: true } });
      for (const cc of [1, 3, 4, 5]) ws.getCell(r, cc).font = F;
      if (!qq.text.startsWith('【重要】')) c.font = F;
      ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'top' };
      fillCells(ws, r, [3, 4], INPUT_FILL);
      dropDown(ws.getCell(r, 3), ['適合', '一部適合', '不適合', '該当なし'], { error: '適合・一部適合・不適合・該当なしから選択してください。' });
      fitRow(ws, r, qq.text, widths[1], { minLines: 2 });
      questions.push(label(qq, r));
      r++;
    }
  }
  r++;
  mergedText(ws, `A${r}:E${r}`, '上記のとおり相違ないことを確認します。', { font: F });
  r++;
  ws.getCell(r, 4).value = '（事業者代表者）　　　　　　　　　　　印';
  ws.getCell(r, 4).font = F;

  return saveBook(wb, outDir, file, {
    layout:
      'single sheet; 様式番号/title/宛名・事業者名/instructions in rows 1-4, header at row 5; section rows 「１　認証・評価」… merged A:E inside the table; 項番 like 1-(1); B=確認項目 (one rich-text cell with a red 【重要】 prefix); C=適合/一部適合/不適合/該当なし drop-down; D=回答内容; E=根拠資料・備考; 確認文 and 代表者印 line after the table',
    sheets: [
      { name: sheetName, headerRow: HEADER, questionColumn: 'B', answerColumn: 'D', choiceColumn: 'C', choices: ['適合', '一部適合', '不適合', '該当なし'], questions },
    ],
  });
}

// ======================================================================
// 03  Medical corporation (医療法人) — terse noun phrases, two sheets, 記入例 row, struck-out （削除） row
// ======================================================================
const MED_OPS = [
  q('A-01', '', 'サービス提供時間帯（システム稼働）', [1], [2], 'hard case: shares 「サービス提供時間帯」 with items 26/27 but asks for system hours'),
  q('A-03', '', '障害時の連絡手段（当院医療情報部宛）', [14], [15]),
  q('A-04', '', 'サポートのサービス提供時間帯（操作に関する問合せ）', [27], [26], 'support hours for general questions'),
  q('A-05', '', '障害受付の時間帯（夜間・休日の受付可否）', [26], [27]),
  q('A-06', '', 'サポート対応言語（外国人職員向け）', [], [], 'support language: no item'),
  q('A-07', '', '平均復旧時間（過去実績）', [10]),
  q('A-08', '', '復旧目標時間', [11], [10]),
  q('A-09', '', 'レスポンス悪化が長時間続いた場合の解消目標', [20], [19]),
  q('A-10', '', '夜間一括処理（バッチ）の有無・所要時間', [21]),
  q('A-11', '', '同時ログイン可能な職員数の上限', [24]),
  q('A-12', '', '電子カルテ・レセコンとの連携（API／HL7 FHIR）', [23]),
  q('A-13', '', '契約期間・最低利用期間・中途解約条件', [], [], 'contract term: no item'),
  q('A-14', '', 'サービス廃止時の事前周知', [3]),
  q('A-15', '', '事業者倒産時のプログラム・データ保全措置', [4]),
  q('A-16', '', '長期停止時に代替として受け取れるデータ（ファイル形式）', [8], [7]),
];
const MED_SEC = [
  q('B-01', '', '医療情報システム安全管理ガイドライン（3省2ガイドライン）への準拠状況／サービス仕様適合開示書の提出可否', [], [], 'guideline compliance / MDS-SDS disclosure: no item'),
  q('B-02', '', '取得済みの認証（ISMS／プライバシーマーク／ISMSクラウド）', [39]),
  q('B-03', '', '保存データの暗号化（データベース・添付ファイル）', [33], [48]),
  q('B-04', '', '通信経路の暗号化方式', [42]),
  q('B-05', '', '他医療機関とのデータ分離方式', [44], [34]),
  q('B-06', '', 'データ保管場所（国内／国外）・準拠法', [49], [6]),
  q('B-07', '', 'バックアップ取得頻度・保存期間', [28, 30], [32]),
  q('B-08', '', 'バックアップ保持世代数', [32], [7], 'seed quirk: 32 says 3 generations, 7 says 7'),
  q('B-09', '', 'データ消失時の復元可能時点', [29]),
  // the struck-out （削除） row is inserted by the builder as B-10, between the 9th and 10th question
  q('B-11', '', '保守作業者の限定・アクセス権管理', [45], [41]),
  q('B-12', '', '保守作業時の作業場所・作業端末の管理', [41], [45, 48], '41 only says operators are limited — partial but genuine'),
  q('B-13', '', '可搬媒体（USBメモリ等）の使用制限', [48]),
  q('B-14', '', '患者データの二次利用（研究・AI学習）の有無', [], [], 'secondary use / AI training: no item'),
  q('B-15', '', '利用者アカウントの二要素認証', [], [], 'MFA: no item'),
  q('B-16', '', 'パスワード要件（桁数・文字種・有効期限）の設定', [], [33], 'near-miss: 33 says passwords are stored hashed, not what policy can be set'),
  q('B-17', '', '職員ごとの閲覧・操作履歴の参照／出力', [18], [46]),
  q('B-18', '', 'インシデント時の原因調査協力・ログ提供', [46], [18]),
  q('B-19', '', '解約時のデータ返却（形式）・消去証明', [36], [31, 8]),
  q('B-21', '', '賠償責任保険（サイバー保険）の加入有無・保険金額', [], [35], 'insurance enrolment: the vendor\'s 35 answer only promises compensation under the terms of use, so at most partial'),
];
const MED_DELETED = { pos: 10, text: '（削除）ウイルス対策ソフトのパターンファイル更新頻度' };

async function buildMed(file) {
  const wb = book('医療法人みどり会 医療情報部');
  const F = { name: '游ゴシック', size: 10 };
  const widths = [7, 50, 46, 24];
  const headers = ['No', '確認項目', '回答', '備考（資料名等）'];
  const sheetsOut = [];

  function sheet(name, title, data, { example, deleted }) {
    const HEADER = 4;
    const ws = wb.addWorksheet(name, {
      pageSetup: printA4('landscape'),
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER }],
    });
    ws.columns = widths.map((w) => ({ width: w }));
    mergedText(ws, 'A1:D1', title, { font: { ...F, size: 13, bold: true } });
    mergedText(ws, 'A2:D2', '医療法人みどり会　医療情報部　／　回答は「回答」列に簡潔にご記入ください（記入例を参照）。', { font: { ...F, size: 9 } });
    headerRow(ws, HEADER, headers, { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF2F5597'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } });
    let r = HEADER + 1;
    if (example) {
      ws.getRow(r).values = ['記入例', example[0], example[1], '運用マニュアル第3章'];
      styleRange(ws, r, 1, r, 4, { font: { ...F, italic: true, color: { argb: 'FF808080' } }, fill: fill('FFEDEDED'), border: BORDER, alignment: { vertical: 'top', wrapText: true } });
      intentionalNonQuestions.push({ file, sheet: name, row: r, why: '記入例' });
      r++;
    }
    const questions = [];
    const prefix = data[0].no.split('-')[0];
    let n = 0;
    const num = () => `${prefix}-${String(++n).padStart(2, '0')}`;
    for (const qq of data) {
      if (deleted && n + 1 === deleted.pos) {
        ws.getRow(r).values = [num(), deleted.text, '－'];
        styleRange(ws, r, 1, r, 4, { font: { ...F, strike: true, color: { argb: 'FFA6A6A6' } }, fill: fill('FFD9D9D9'), border: BORDER });
        intentionalNonQuestions.push({ file, sheet: name, row: r, why: '（削除） struck-out row' });
        r++;
      }
      ws.getRow(r).values = [num(), qq.text];
      bodyRow(ws, r, 4, F);
      ws.getCell(r, 3).fill = INPUT_FILL;
      fitRow(ws, r, qq.text, widths[1]);
      questions.push(label(qq, r));
      r++;
    }
    sheetsOut.push({ name, headerRow: HEADER, questionColumn: 'B', answerColumn: 'C', choiceColumn: null, choices: null, questions });
  }

  sheet('運用・契約', 'クラウドサービス確認票（Ⅰ 運用・契約）', MED_OPS, { example: ['ウイルス対策ソフト導入状況', '全サーバに導入済（製品名：○○）、定義ファイルは自動更新'] });
  sheet('安全管理', 'クラウドサービス確認票（Ⅱ 安全管理措置）', MED_SEC, { deleted: MED_DELETED });

  return saveBook(wb, outDir, file, {
    layout:
      'two sheets 運用・契約 / 安全管理, both header row 4 (No, 確認項目, 回答, 備考); 運用・契約 row 5 is a grey 記入例 row (not a question); 安全管理 has a struck-out grey row 「（削除）…」 (B-10, not a question) between B-09 and B-11; B=確認項目 terse noun phrases, C=回答 free text',
    sheets: sheetsOut,
  });
}

// ======================================================================
// 04  US enterprise vendor assessment (SIG Lite / CAIQ style), English
// ======================================================================
const EN_SECTIONS = [
  {
    title: 'A. Governance & Compliance',
    qs: [
      q('A.1', '', 'Do you have a SOC 2 Type II report covering the in-scope service? If yes, please provide the most recent report.', [43], [39], '43 (SAS70 Type2 / 18号 reports: 無) is the dev-set convention for SOC reports'),
      q('A.2', '', 'Is your organization certified to ISO/IEC 27001?', [39]),
      q('A.3', '', 'Do you maintain a documented information security policy that is approved by management and reviewed at least annually?', [], [], 'security policy: no item'),
    ],
  },
  {
    title: 'B. Data Protection',
    qs: [
      q('B.1', '', 'Do you encrypt customer data at rest? If yes, specify the encryption algorithm and key length.', [33], [], '33 confirms storage encryption but names no algorithm/key length — partial but the only answer'),
      q('B.2', '', 'Is all data in transit encrypted using TLS 1.2 or higher?', [42]),
      q('B.3', '', 'How is customer data logically segregated from other tenants in your multi-tenant environment?', [44], [34]),
      q('B.4', '', 'In which countries or regions will our data be stored and processed?', [49], [6]),
      q('B.5', '', 'Will our data, or metadata derived from it, be used to train machine learning or AI models?', [], [], 'AI training: no item'),
      q('B.6', '', 'Upon termination of the contract, will you return all customer data in a usable format and securely delete it from your systems?', [36, 31], [8]),
    ],
  },
  {
    title: 'C. Business Continuity & Disaster Recovery',
    qs: [
      q('C.1', '', 'What is your RTO and RPO?', [11, 29], [], 'two topics: RTO (11) and RPO (29)'),
      q('C.2', '', 'Are backups replicated to a geographically separate location?', [6], [28]),
      q('C.3', '', 'How often are backups performed, and how long are they retained?', [28, 30], [32]),
      q('C.4', '', 'Do you have a disaster recovery plan for the service?', [6], [7]),
      q('C.5', '', 'Is your BC/DR plan tested at least annually? Please provide the date of the last test.', [], [6, 7], 'DR testing is not covered; 6/7 describe the arrangements only'),
      q('C.6', '', 'What was your actual uptime over the last 12 months, and do you offer a contractual SLA with service credits?', [5]),
      q('C.7', '', 'Is the production environment designed to avoid single points of failure?', [7], [6], '7: servers redundant, no single point of failure'),
    ],
  },
  {
    title: 'D. Incident Management',
    qs: [
      q('D.1', '', 'How will you notify us of a security breach affecting our data, and within what timeframe?', [], [46, 14, 15], 'breach notification: no item; 14/15 are about service outages, 46 only promises investigation'),
      q('D.2', '', 'Do you have a dedicated incident response team (CSIRT) available 24x7?', [], [], 'CSIRT: no item'),
      q('D.3', '', 'How are customers notified of service outages, and how soon after detection?', [14, 15]),
      q('D.4', '', 'Will you provide relevant logs and forensic information to us in the event of a security incident involving our data?', [46], [18]),
    ],
  },
  {
    title: 'E. Access Control',
    qs: [
      q('E.1', '', 'Does the application support multi-factor authentication (MFA) for end users?', [], [], 'MFA: no item'),
      q('E.2', '', 'Does the application support SAML 2.0 single sign-on with our identity provider (e.g., Okta, Microsoft Entra ID)?', [], [23], 'SSO: no item; 23 (no external connectivity) only implies it'),
      q('E.4', '', 'Is access to production systems and customer data restricted to authorized personnel on a least-privilege basis?', [45], [41]),
      q('E.5', '', 'Can customer administrators view an audit trail of user activity (logins, changes, exports) within the application?', [18], [46]),
    ],
  },
  {
    title: 'F. Vulnerability & Operations Management',
    qs: [
      q('F.1', '', 'How frequently are independent vulnerability assessments of the application performed?', [40]),
      q('F.2', '', 'Will you share the executive summary of your most recent penetration test report with us?', [], [40], 'sharing pen-test results: no item; 40 says assessments are done, not that results are shared'),
      q('F.3', '', 'Describe your patch management process. How quickly are critical security patches applied?', [9]),
      q('F.4', '', 'Is anti-malware software installed on all servers and endpoints?', [47], [], '47: none on servers, scanning on operator PCs — a genuine (negative) answer'),
      q('F.5', '', 'Do you use a web application firewall (WAF) and DDoS mitigation service?', [], [], 'WAF / DDoS: no item'),
      q('F.6', '', 'How do you monitor system availability and performance, and at what frequency?', [13, 16]),
      q('F.7', '', 'Can you provide a Software Bill of Materials (SBOM) for the application?', [], [], 'SBOM: no item'),
      q('F.9', '', 'Are encryption keys unique per tenant, and how is key separation enforced?', [34], [33]),
    ],
  },
  {
    title: 'G. Service & Support',
    qs: [
      q('G.1', '', 'What are your standard support hours, and in which time zone?', [27], [26]),
      q('G.2', '', 'Is technical support available in English?', [], [], 'support language: no item'),
      q('G.3', '', 'What is the typical response time of the application for end users?', [19], [20]),
      q('G.4', '', 'Is there a maximum number of concurrent users or a storage quota per account?', [24, 25]),
      q('G.10', '', 'Can the application be customized to our requirements (custom fields, screens or workflows)?', [22]),
      q('G.5', '', 'Does the service offer a REST API for integration with our internal systems?', [23]),
      q('G.6', '', 'Is the service available 24x7, excluding scheduled maintenance windows?', [1], [2]),
      q('G.7', '', 'What limitation of liability and indemnification applies in the event of a data breach caused by your service?', [35]),
      q('G.8', '', 'Do you carry cyber liability insurance? If so, please state the coverage limit.', [], [35], 'insurance enrolment: 35 only promises compensation under the terms of use'),
    ],
  },
];

async function buildEnglish(file) {
  const wb = book('Crestline Financial Group - Third-Party Risk Management');
  const F = { name: 'Calibri', size: 11 };
  const sheetsOut = [];

  {
    const ws = wb.addWorksheet('Instructions');
    ws.columns = [{ width: 4 }, { width: 100 }];
    ws.getCell('A1').value = 'Third-Party Security Assessment (Lite) - Instructions';
    ws.getCell('A1').font = { ...F, size: 14, bold: true };
    const inst = [
      'Complete the "Assessment" tab. Select Yes, No or N/A in the Response column for every item.',
      'Use the Comments / Evidence column to explain any "No" or "N/A" response, or to reference supporting documentation.',
      'Attach requested documents (e.g. audit reports, policies) when returning this file.',
      'Responses should reflect the current state of controls for the in-scope service, not planned controls.',
      'Return the completed file to tprm@crestline-financial.example within 10 business days.',
    ];
    inst.forEach((t, i) => {
      ws.getCell(3 + i, 1).value = i + 1;
      ws.getCell(3 + i, 2).value = t;
      ws.getCell(3 + i, 2).alignment = { wrapText: true };
    });
    ws.getCell('B10').value = 'Vendor name:';
    ws.getCell('B11').value = 'Service in scope:';
    ws.getCell('B12').value = 'Completed by (name, title, email):';
    ws.getCell('B13').value = 'Date completed:';
    sheetsOut.push(noQuestions('Instructions'));
  }

  const sheetName = 'Assessment';
  const HEADER = 4;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER }],
  });
  const widths = [8, 70, 12, 50];
  ws.columns = widths.map((w) => ({ width: w }));
  mergedText(ws, 'A1:D1', 'Crestline Financial Group - Vendor Security Assessment', { font: { ...F, size: 14, bold: true } });
  mergedText(ws, 'A2:D2', 'Confidential - for vendor due diligence purposes only. Version 2024.2', { font: { ...F, size: 9, italic: true } });
  headerRow(ws, HEADER, ['Ref', 'Question', 'Response', 'Comments / Evidence'], { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF203864'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } });
  const questions = [];
  let r = HEADER + 1;
  for (const sec of EN_SECTIONS) {
    sectionRow(ws, r, 4, sec.title, { font: { ...F, bold: true }, fill: fill('FFDDEBF7'), border: BORDER });
    r++;
    for (const [qi, qq] of sec.qs.entries()) {
      ws.getRow(r).values = [`${sec.title[0]}.${qi + 1}`, qq.text];
      bodyRow(ws, r, 4, F);
      fillCells(ws, r, [3, 4], INPUT_FILL);
      ws.getCell(r, 3).alignment = { horizontal: 'center', vertical: 'top' };
      dropDown(ws.getCell(r, 3), ['Yes', 'No', 'N/A'], { error: 'Select Yes, No or N/A.' });
      fitRow(ws, r, qq.text, widths[1], { per: 15 });
      questions.push(label(qq, r));
      r++;
    }
  }
  sheetsOut.push({ name: sheetName, headerRow: HEADER, questionColumn: 'B', answerColumn: 'D', choiceColumn: 'C', choices: ['Yes', 'No', 'N/A'], questions });

  wb.views = [{ activeTab: 1 }];
  return saveBook(wb, outDir, file, {
    layout:
      'two sheets: Instructions (numbered instructions + vendor-info fields, no questions) and Assessment (title rows 1-2, header row 4: Ref, Question, Response, Comments / Evidence; section rows "A. Governance & Compliance"… merged A:D; Ref like A.1; C = Yes/No/N/A drop-down; D = free-text comments)',
    sheets: sheetsOut,
  });
}

// ======================================================================
// 05  Real-estate company web-form export — CSV, Shift_JIS (cp932), CRLF
// ======================================================================
const CSV_QS = [
  q(1, '会社情報', '会社の設立年、資本金、従業員数を教えてください', [], [], 'company profile: no item'),
  q(2, 'サービス', 'サービスが使えない時間帯はありますか？', [1], [2]),
  q(3, 'サービス', 'メンテナンスのお知らせは、どのくらい前に届きますか？', [2]),
  q(4, 'サービス', '年間でどのくらい止まっていますか？（稼働率）', [5], [12]),
  q(5, 'データ', '万一のとき、データはどこまで戻せますか？', [29], [28], 'RPO phrased indirectly'),
  q(6, 'サービス', 'システムが止まった場合、最長でどれくらいで元に戻る想定ですか？', [11], [7, 10]),
  q(7, 'データ', '物件情報やお客様情報は、暗号化して保存されていますか？', [33]),
  q(8, 'データ', 'サーバーは日本国内にありますか？', [49], [6]),
  q(9, '体制', '御社の社員以外（外注先など）が、当社のデータを扱うことはありますか？', [], [45], 'subcontracting: no item; 45 only says accessing employees are limited'),
  q(10, 'セキュリティ', 'パスワードを忘れた場合のリセット方法を教えてください', [], [], 'password reset: no item'),
  q(11, 'セキュリティ', 'ログインできる場所（社内ネットワーク、IP）を制限できますか？', [], [], 'IP restriction: no item'),
  q(12, 'セキュリティ', '誰がいつログインしたか、管理者が画面で確認できますか？', [18], [46]),
  q(14, 'データ', '解約するとき、登録したデータを自分たちで取り出せますか？', [36], [8]),
  q(15, 'データ', '解約後、データはいつ消してもらえますか？消したことの報告はありますか？', [31, 36], [], 'two topics: deletion timing (31) and deletion report (36)'),
  q(16, 'サポート', '問い合わせは電話でもできますか？\n受付時間も教えてください。', [27], [26], 'line break inside a quoted field; 27 says e-mail only'),
  q(17, 'サポート', 'システムトラブルで連絡したい場合、土日でもつながりますか？', [26], [27]),
  q(18, 'サービス', '利用人数が増えても、動作が遅くなりませんか？', [24], [19]),
  q(19, 'サービス', '当社の基幹システム（顧客管理）とデータ連携できますか？', [23]),
  q(20, 'セキュリティ', 'ウイルス対策は、どのようにされていますか？', [47]),
  q(21, 'セキュリティ', 'ISMS、Pマークなどの認証があれば教えてください（取得予定でも可）', [39], [], 'contains commas inside a quoted field'),
  q(22, 'セキュリティ', '「脆弱性診断」は外部の会社に依頼していますか？', [40]),
  q(23, '契約', 'データ漏えいがあった場合、補償はしてもらえますか？', [35]),
  q(24, '契約', '利用規約とプライバシーポリシーのURLを教えてください', [], [], 'privacy policy / terms URL: no item'),
  q(25, 'サービス', 'アップデートで使い方が変わるときは、事前に教えてもらえますか？', [9], [2]),
  q(29, 'サービス', '画面の項目や帳票を自社向けに変更（カスタマイズ）できますか？', [22]),
  q(26, '契約', '月額料金と、ユーザーを追加するときの料金を教えてください', [], [], 'pricing: no item'),
  q(27, 'サービス', 'お客様あての通知メール（内見予約のリマインドなど）を自動で送れますか？', [], [], 'near-miss (通知): an application feature, not outage/maintenance notification'),
  q(28, 'データ', '物件データをCSVで一括取り込みできますか？', [], [38], 'near-miss (データ形式): CSV import is a feature question; 38 only lists allowed upload types'),
];

function buildCsv(file) {
  const recs = [['番号', 'カテゴリ', '質問内容', '回答', 'コメント']];
  const questions = [];
  CSV_QS.forEach((qq, i) => {
    recs.push([i + 1, qq.cat, qq.text, '', '']);
    questions.push(label(qq, i + 2));
  });
  const body = csvText(recs, '\r\n');
  const bytes = Uint8Array.from(cptable.utils.encode(932, body));
  const back = new TextDecoder('shift_jis').decode(bytes);
  if (back !== body) throw new Error(`${file}: text does not round-trip through Shift_JIS`);
  fs.writeFileSync(path.join(outDir, file), bytes);
  return {
    file,
    layout:
      'flat web-form export 番号,カテゴリ,質問内容,回答,コメント; Shift_JIS (cp932) without BOM, CRLF records; one question (電話…受付時間) has a line break inside a quoted field and one (ISMS、Pマーク…) has commas inside one, another has 「」 quotes, so "row" counts CSV records (header = row 1)',
    sheets: [{ name: 'Sheet1', headerRow: 1, questionColumn: 'C', answerColumn: 'D', choiceColumn: null, choices: null, questions }],
  };
}

// ---------------------------------------------------------------- main
const workbooks = [];
workbooks.push(await buildBank('01-shinkin-aoba-itakusaki-hyoka.xlsx'));
workbooks.push(await buildCity('02-city-shinonome-cloud-kakuninsho.xlsx'));
workbooks.push(await buildMed('03-medical-midori-two-sheets.xlsx'));
workbooks.push(await buildEnglish('04-us-crestline-vendor-assessment.xlsx'));
workbooks.push(buildCsv('05-realestate-hinode-form-export-sjis.csv'));
writeLabels(outDir, workbooks);

// a noun ending (…の有無, …体制) reads like a question only after other words: a bare category 「体制」 does not
const LOOKS_LIKE_QUESTION = /[?？]\s*$|(ます|です|ません|でしょう)か。?\s*$|ください。?\s*$|.(有無|可否|状況|方法|方式|体制)[）)]?\s*$/;
const problems = await checkSet(outDir, workbooks, {
  looksLikeQuestion: (t) => LOOKS_LIKE_QUESTION.test(t),
  nonQuestions: intentionalNonQuestions,
  csvCodepage: 932,
});
report(workbooks, problems);
