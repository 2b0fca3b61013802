#!/usr/bin/env node
// make-holdout3.mjs — builds the third, sealed held-out evaluation set for qmap
// (customer security questionnaires -> METI 「クラウドサービスレベルのチェックリスト」 items 1..49).
//
// usage (from the repository root):  node scripts/make-holdout3.mjs [outDir]      (default fixtures/eval-holdout3)
//
// Writes 3 .xlsx workbooks, 1 .ods workbook, 1 .csv export and labels.json (same format as
// /work/shared/eval/dev/labels.json, version 1), then re-reads every file (checkSet in holdout-kit.mjs)
// and checks that each labelled row's text equals the cell text exactly and that no unlabelled cell
// looks like a question (apart from the explicitly listed 記入例 / 削除 rows).
//
// The questions were written from the METI item list and the vendor's answers
// (fixtures/meti-items.json) only; the matcher's code, lexicon and thresholds were never read.

import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { bodyRow, BORDER, checkSet, csvText, dropDown, fill, fillCells, fitRow, headerRow, label, mergedText, newBook, noQuestions, report, saveBook, sectionRow, styleRow, thin, writeLabels } from './holdout-kit.mjs';

const outDir = path.resolve(process.argv[2] || 'fixtures/eval-holdout3');
fs.mkdirSync(outDir, { recursive: true });

const q = (id, cat, text, items, also = [], note = '') => ({ id, cat, text, items, also, note });
const INPUT = fill('FFFFFFE0');
const FIXED = new Date('2024-10-01T00:00:00Z');
// rows that sit inside a question table but are deliberately NOT questions (checked below)
const NON_QUESTION = []; // { file, sheet, row, why }

// ======================================================================
// 01  証券会社 委託先リスク評価シート (評価 適/否/対象外 + 根拠・補足)
// ======================================================================
const SEC = [
  q('VR-01', 'ガバナンス・委託先管理', '反社会的勢力に該当しないこと、及び反社会的勢力と関係を有しないことを誓約する書面を提出できること。', [], [], '反社会的勢力: no item'),
  q('VR-02', 'ガバナンス・委託先管理', '財務基盤が健全であること（直近事業年度において債務超過でないこと等）を確認できる資料を提出できること。', [], [], 'financial soundness: no item'),
  q('VR-03', 'ガバナンス・委託先管理', '当社から受託した業務の全部又は一部を第三者に再委託する場合は、事前に当社の書面による承諾を得ること。\n※再委託先がある場合は、再委託先名・再委託する業務内容・所在国を「根拠・補足」欄に記載してください。', [], [], 'subcontracting approval: no item'),
  q('VR-04', 'ガバナンス・委託先管理', '役職員（派遣社員・業務委託者を含む）から秘密保持に関する誓約書を取得していること。', [], [], 'staff NDA: no item'),
  q('VR-05', 'ガバナンス・委託先管理', '情報セキュリティに関する全社的な責任者（CISO等）が任命され、責任と権限が明確になっていること。', [], [], 'security governance / CISO: no item'),
  q('VR-06', '業務継続', '本サービスの提供時間が明示され、計画停止を行う時間帯があらかじめ定められていること。', [1], [2]),
  q('VR-07', '業務継続', '計画停止を行う場合、少なくとも2週間前までに当社へ通知されること。', [2], [], 'answer: 30 days before by e-mail / web'),
  q('VR-08', '業務継続', '稼働率の目標値が設定され、その実績が継続的に把握されていること。', [5], [13]),
  q('VR-09', '業務継続', '広域災害によりメインのデータセンターが使用できなくなった場合でも、地理的に離れた拠点に保管したデータから業務を再開できる態勢であること。', [6], [7]),
  q('VR-10', '業務継続', '障害発生から業務再開までの目標時間が定められていること。\n※目標時間を「根拠・補足」欄に記載してください。当社の重要業務では4時間以内を求めています。', [11], [10]),
  q('VR-11', '業務継続', '障害からの復旧時に、どの時点までのデータが保証されるか（データ損失の許容範囲）が定められていること。', [29], [28], 'RPO without saying RPO'),
  q('VR-12', '業務継続', '復旧が長期化した場合に当社業務を暫定的に継続するための手段（代替環境の提供等）が用意されていること。', [7], [8, 6]),
  q('VR-13', '業務継続', '暫定的な手段で業務を継続する際、当社に引き渡されるデータの形式が取り決められていること。', [8], [36]),
  q('VR-14', '業務継続', '委託先の事業撤退・倒産等の場合に当社業務の継続を確保するため、プログラム・設定情報等を第三者に寄託する措置が講じられていること。', [4]),
  q('VR-15', '業務継続', 'サービスの提供を終了する場合の当社への通知時期が契約等で明確になっていること。', [3]),
  q('VR-16', '障害管理', 'システムの監視基準（監視項目・閾値・通知条件）が定められ、それに基づき監視が行われていること。', [13], [16]),
  q('VR-17', '障害管理', '障害を検知するための監視データの収集間隔が、業務上の要求を満たす水準であること。', [16], [13]),
  q('VR-18', '障害管理', '障害発生時の当社への報告経路（一次連絡先・連絡手段）が明確であること。', [14], [15]),
  q('VR-19', '障害管理', '障害の発生を認識してから当社に第一報を入れるまでの時限が定められていること。', [15], [14]),
  q('VR-20', '障害管理', '障害の発生件数（長時間に及んだ障害を含む）が記録され、当社の求めに応じて報告されること。', [12], [17]),
  q('VR-21', '障害管理', '障害時の問合せを受け付ける窓口の対応時間が、当社の営業時間（平日8:00～17:00）をカバーしていること。', [26], [27], 'near-miss with service hours (1): asks about the support desk'),
  q('VR-22', '障害管理', '障害からの平均的な復旧時間（MTTR）の実績及び直近1年間の障害発生件数を把握していること。', [10, 12], [11], 'two topics: MTTR (10) and incident count (12)'),
  q('VR-23', 'データ保護', '当社の顧客情報を含むデータが、保管時に暗号化されていること。', [33], [48]),
  q('VR-24', 'データ保護', '暗号鍵が利用企業ごとに分けて管理されるなど、鍵が漏えいした場合の影響範囲が限定される設計となっていること。', [34], [33]),
  q('VR-25', 'データ保護', 'バックアップの取得方法（対象データ・取得頻度・保管先）が文書化されていること。', [28], [30]),
  q('VR-26', 'データ保護', 'バックアップデータの保存期間が当社の求める期間（最低1年間）を満たしていること。', [30], [32], 'answer: DB 7 days, logs ≥1 year, files indefinite'),
  q('VR-27', 'データ保護', '契約終了時に当社データを返却し、委託先の環境から消去した旨を当社に報告すること。', [36], [31]),
  q('VR-28', 'データ保護', '当社データの保管場所（国・地域）が特定され、当該国・地域の法令による制約が把握されていること。', [49], [6]),
  q('VR-29', 'データ保護', '取引データ等の改ざんを防止又は検知する仕組みが実装されていること。', [37]),
  q('VR-30', 'アクセス管理', '当社データにアクセスできる委託先の要員が、業務上必要な最小限の者に限定されていること。', [45], [41]),
  q('VR-31', 'アクセス管理', '本番環境の運用作業が、入退室管理された区画又は管理された端末からのみ行われること。', [41], [45], '41 only says operators are limited; partial but genuine'),
  q('VR-32', 'アクセス管理', '当社の利用者がログインする際に、多要素認証を必須とする設定ができること。', [], [], 'MFA: no item'),
  q('VR-33', 'アクセス管理', '当社利用者のアクセス履歴・操作履歴を当社自身が取得し、監査証跡として保管できること。', [18], [46], 'customer-visible logs (18, answer 無) — not the vendor\'s own logs'),
  q('VR-34', 'アクセス管理', '委託先の運用者による本番環境への操作について、個人を識別できるIDにより操作記録が残ること。', [46], [45], 'vendor operator IDs / logs (46), near-miss with 18'),
  q('VR-35', '技術的対策', '外部からの不正侵入を検知・遮断する仕組み（IPS、WAF等）が導入されていること。', [], [], 'IPS/WAF: no item (13 is load/usage monitoring)'),
  q('VR-36', '技術的対策', '外部の専門業者によるWebアプリケーションの脆弱性診断を年1回以上受け、指摘事項に対応していること。', [40]),
  q('VR-37', '技術的対策', '通信経路がTLS1.2以上で暗号化され、脆弱な暗号スイートが無効化されていること。', [42], [37]),
  q('VR-38', '技術的対策', '他の利用企業との間で、データ及び処理が論理的に分離されていること。', [44], [34]),
  q('VR-39', '監査・認証', 'ISMS（ISO/IEC 27001）等の情報セキュリティに関する第三者認証を取得していること。', [39]),
  q('VR-40', '監査・認証', '受託業務に係る内部統制の保証報告書（SOC2 Type2、ISAE3402等）を当社に提供できること。', [43], [39], 'seed quirk: 43 (SAS70/18号, answer 無) used for SOC reports'),
  q('VR-41', '監査・認証', '当社及び金融当局による立入検査・監査に協力すること。', [], [], 'on-site audit / regulator access: no item'),
  q('VR-42', '監査・認証', '情報漏えい等の事故が発生した場合の損害賠償の範囲が契約上定められていること。', [35]),
];

async function buildSecurities(file) {
  const wb = newBook('みなと証券株式会社 リスク管理部', FIXED);
  const F = { name: 'ＭＳ Ｐゴシック', size: 10 };

  // cover sheet (no questions)
  const cv = wb.addWorksheet('回答者情報');
  cv.columns = [{ width: 22 }, { width: 50 }];
  cv.getCell('A1').value = '外部委託先リスク評価シート（クラウドサービス）';
  cv.getCell('A1').font = { ...F, size: 14, bold: true };
  const fields = ['委託先名称', '対象サービス名', '回答責任者（部署・氏名）', '連絡先（メール）', '回答日'];
  fields.forEach((f, i) => {
    const r = 3 + i;
    cv.getCell(r, 1).value = f;
    cv.getCell(r, 1).font = { ...F, bold: true };
    cv.getCell(r, 1).fill = fill('FFD9E1F2');
    cv.getCell(r, 2).fill = INPUT;
    cv.getCell(r, 1).border = BORDER;
    cv.getCell(r, 2).border = BORDER;
  });
  cv.getCell('A9').value = '本シートの記載内容は、当社の委託先管理規程に基づく年次評価に使用します。';
  cv.getCell('A9').font = F;

  const name = '委託先リスク評価';
  const HDR = 4;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HDR }] });
  const widths = [9, 16, 70, 10, 48, 14];
  ws.columns = widths.map((width) => ({ width }));
  mergedText(ws, 'A1:F1', '外部委託先リスク評価シート　評価項目一覧', { font: { ...F, size: 13, bold: true } });
  mergedText(ws, 'A2:F2', 'みなと証券株式会社　リスク管理部　委託先管理グループ（2024年度版）', { font: F });
  mergedText(ws, 'A3:F3', '評価欄は「適」「否」「対象外」から選択し、根拠・補足欄に根拠となる規程名・資料名や補足説明を記載してください。「当社確認」欄は当社で使用しますので記入不要です。', { font: { ...F, size: 9, color: { argb: 'FFC00000' } }, alignment: { wrapText: true } });
  ws.getRow(3).height = 28;
  headerRow(ws, HDR, ['項番', '管理領域', '評価項目', '評価', '根拠・補足', '当社確認'], { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF203864'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } });

  const questions = [];
  let r = HDR + 1;
  let start = r;
  SEC.forEach((qq, i) => {
    ws.getCell(r, 1).value = qq.id;
    ws.getCell(r, 3).value = qq.text;
    bodyRow(ws, r, 6, F);
    fillCells(ws, r, [4, 5], INPUT);
    ws.getCell(r, 6).fill = fill('FFEDEDED');
    ws.getCell(r, 4).alignment = { horizontal: 'center', vertical: 'top' };
    dropDown(ws.getCell(r, 4), ['適', '否', '対象外'], { errorTitle: '評価', error: '「適」「否」「対象外」から選択してください。' });
    fitRow(ws, r, qq.text, widths[2]);
    questions.push(label(qq, r));
    const next = SEC[i + 1];
    if (!next || next.cat !== qq.cat) {
      ws.mergeCells(start, 2, r, 2);
      ws.getCell(start, 2).value = qq.cat;
      ws.getCell(start, 2).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      ws.getCell(start, 2).fill = fill('FFDDEBF7');
      start = r + 1;
    }
    r++;
  });
  ws.getCell(r + 1, 1).value = '※本シートの記載内容に変更が生じた場合は、速やかに当社担当者までご連絡ください。';
  ws.getCell(r + 1, 1).font = { ...F, size: 9 };
  ws.getCell(r + 2, 1).value = '以上';
  ws.getCell(r + 2, 1).font = { ...F, size: 9 };

  return saveBook(wb, outDir, file, {
    layout:
      'sheet 回答者情報 is a cover form (no questions); sheet 委託先リスク評価: title/owner/instructions rows 1-3, header row 4, 項番 VR-xx (A), 管理領域 merged vertically (B), 評価項目 as criteria statements 「〜していること。」 (C), 評価 drop-down 適/否/対象外 (D), 根拠・補足 free text (E), customer-only 当社確認 column (F); footer lines after the table',
    sheets: [
      noQuestions('回答者情報'),
      { name, headerRow: HDR, questionColumn: 'C', answerColumn: 'E', choiceColumn: 'D', choices: ['適', '否', '対象外'], questions },
    ],
  });
}

// ======================================================================
// 02  人材派遣会社 チェックシート (noun phrases, 2 sheets, header row 2, 記入例, 削除 row)
// ======================================================================
const HR_SEC = [
  q('A-01', '個人情報', '派遣スタッフ情報（マイナンバーを含む）に関する利用目的の明示の有無', [], [], 'purpose of use of personal data: no item'),
  q('A-02', '個人情報', '個人情報保護方針の公表の有無', [], [], 'privacy policy: no item'),
  q('A-03', 'データ保護', '登録データの保存時暗号化の有無', [33], [48]),
  q('A-04', 'データ保護', 'パスワードの保存方法', [33], [], '33 says passwords are stored with irreversible encryption (hashing); near-miss with A-05'),
  q('A-05', '認証', 'パスワードポリシー（桁数・文字種・有効期限）の設定の有無', [], [], 'customer-side password policy: no item (near-miss with A-04)'),
  q('A-06', '認証', '管理画面への接続元IPアドレス制限の有無', [], [], 'IP restriction: no item'),
  q('A-07', '認証', '社内ID基盤（Entra ID等）とのシングルサインオン連携の有無', [], [23], 'SSO: no item; 23 (no external connection) is at most a weak hint'),
  q('A-08', '体制', '従業員向け情報セキュリティ研修の実施の頻度', [], [], 'staff training: no item'),
  q('A-09', '体制', '貴社運用担当者へのアクセス権限の付与・見直しの方法', [45], [46], '45: access limited to specific staff with authentication; review cycle not stated'),
  q('A-10', 'マルウェア対策', '運用担当者端末におけるウイルススキャンの頻度', [47]),
  q('A-11', 'マルウェア対策', 'サーバへのマルウェア対策ソフト導入の有無', [47], [], 'answer: none on servers'),
  q('A-12', '外部評価', '第三者による脆弱性診断の実施の頻度', [40]),
  q('A-13', '外部評価', 'プライバシーマーク・ISMS等の認証取得の有無', [39]),
  q('A-14', 'データ保護', 'インターネット上の通信の暗号化の方法', [42], [37]),
  q('A-15', 'データ保護', '他の契約企業のデータとの分離の方法', [44], [34]),
  q('A-16', 'データ保護', 'USBメモリ等の外部記憶媒体へのデータ書き出し制限の有無', [48]),
  q('A-17', '事故対応', '個人情報漏えい時の補償の有無', [35]),
  q('A-18', '事故対応', 'サイバー保険への加入の有無（補償限度額）', [], [35], 'insurance policy / limit: 35 offers compensation under the ToS but says nothing about an insurance policy — partial only'),
  q('A-19', '個人情報', '入力データのAI学習への利用の有無', [], [], 'AI training use: no item'),
  q('A-20', '事故対応', '脆弱性に関する外部からの届出受付窓口の有無', [], [], 'vulnerability disclosure contact: no item'),
  q('A-21', '事故対応', 'セキュリティ事故発生時の調査協力・ログ提供の方法', [46], [18]),
];
const HR_OPS = [
  q('B-01', '可用性', 'サービス利用可能時間帯の制限の有無', [1]),
  q('B-02', '可用性', '計画メンテナンスの事前連絡の方法', [2]),
  q('B-03', '可用性', '計画メンテナンス実施の頻度', [], [2, 1], 'frequency of maintenance is not stated in 1 or 2 (2 gives notice timing/method only)'),
  q('B-04', '可用性', '稼働率保証（SLA）の有無', [5]),
  q('B-05', '障害対応', '障害発生時の連絡の方法', [14], [15]),
  q('B-06', '障害対応', '稼働状況の報告の方法（月次報告書等）', [17], [14]),
  q('B-07', 'バックアップ', 'バックアップ取得の頻度', [28], [29]),
  q('B-08', 'バックアップ', 'バックアップの世代管理の有無', [32], [7], 'seed quirk: 32 = 3世代, 7 = 7世代'),
  q('B-09', 'データ', '解約時のデータ返却の方法', [36], [8]),
  q('B-10', 'データ', '保存期間経過後のデータ削除の方法', [31], [30]),
  q('B-11', '機能', '給与計算システム等とのデータ連携（API）の有無', [23]),
  q('B-12', '機能', '画面項目・帳票のカスタマイズの有無', [22]),
  q('B-13', '機能', '月末締め処理等の一括処理（バッチ）の有無', [21]),
  q('B-14', '機能', 'アップロード可能なファイル形式の制限の有無', [38]),
  q('B-15', 'サポート', '操作説明会・マニュアル提供の有無', [], [], 'onboarding / training: no item'),
  q('B-16', 'サポート', '電話による問合せ受付の有無', [27], [26], '27: inquiries by e-mail only, so this answers "no phone"'),
  q('B-17', '契約', '契約期間及び中途解約の方法', [], [], 'contract term / cancellation: no item'),
  q('B-18', '契約', '利用料金改定時の事前通知の有無', [], [], 'price change notice: no item (near-miss with notices 2/3)'),
];

async function buildHr(file) {
  const wb = newBook('株式会社ひだまりスタッフィング 情報システム部', FIXED);
  const F = { name: '游ゴシック', size: 10 };
  const widths = [7, 12, 56, 36, 28];
  const HDR = 2;
  const sheetsOut = [];

  async function sheet(name, title, list, withExample, deleted) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HDR }] });
    ws.columns = widths.map((width) => ({ width }));
    mergedText(ws, 'A1:E1', title, { font: { ...F, size: 12, bold: true } });
    headerRow(ws, HDR, ['No', '区分', '確認事項', '回答', '備考'], { font: { ...F, bold: true }, fill: fill('FFE2EFDA'), border: BORDER, alignment: { horizontal: 'center' } });
    let r = HDR + 1;
    if (withExample) {
      ws.getRow(r).values = ['例', '（記入例）', '暗号化通信の利用の有無', '有（TLS1.2以上で暗号化しています）', '記入例です。この行は回答不要です。'];
      styleRow(ws, r, 1, 5, { font: { ...F, italic: true, color: { argb: 'FF808080' } }, border: BORDER, fill: fill('FFF2F2F2') });
      NON_QUESTION.push({ file, sheet: name, row: r, why: '記入例' });
      r++;
    }
    const questions = [];
    list.forEach((qq, i) => {
      ws.getRow(r).values = [qq.id, qq.cat, qq.text];
      bodyRow(ws, r, 5, F);
      ws.getCell(r, 4).fill = INPUT;
      fitRow(ws, r, qq.text, widths[2]);
      questions.push(label(qq, r));
      r++;
      if (deleted && deleted.after === qq.id) {
        ws.getRow(r).values = [deleted.id, deleted.cat, deleted.text];
        ws.getCell(r, 5).value = deleted.remark;
        styleRow(ws, r, 1, 5, { font: { ...F, strike: true, color: { argb: 'FF7F7F7F' } }, border: BORDER, fill: fill('FFD9D9D9') });
        ws.getCell(r, 5).font = { ...F, color: { argb: 'FF7F7F7F' } };
        NON_QUESTION.push({ file, sheet: name, row: r, why: '削除' });
        r++;
      }
    });
    sheetsOut.push({ name, headerRow: HDR, questionColumn: 'C', answerColumn: 'D', choiceColumn: null, choices: null, questions });
  }

  await sheet('情報セキュリティ', 'クラウドサービス利用に関する確認シート（１）情報セキュリティ', HR_SEC, true, {
    after: 'A-12',
    id: 'A-12-2',
    cat: '外部評価',
    text: '（削除）ISMS認証取得の有無',
    remark: '2024.4改訂によりA-13に統合（回答不要）',
  });
  await sheet('サービス運用', 'クラウドサービス利用に関する確認シート（２）サービス運用', HR_OPS, false, null);

  return saveBook(wb, outDir, file, {
    layout:
      'two sheets 情報セキュリティ / サービス運用, each with a title in row 1 and the header in row 2 (No/区分/確認事項/回答/備考); 情報セキュリティ row 3 is a grey 記入例 row (not a question) and the row after A-12 is a struck-through 「（削除）…」 row (not a question); questions are terse noun phrases ending in の有無/の方法/の頻度; free-text 回答 (D)',
    sheets: sheetsOut,
  });
}

// ======================================================================
// 03  US healthcare vendor security assessment (English, HIPAA flavour, Yes/No + Explanation)
// ======================================================================
const US = [
  { section: 'Section 1 – Administrative Safeguards' },
  q('1.01', 'Administrative', 'Will the vendor execute Crestview\'s standard Business Associate Agreement (BAA) prior to receiving any PHI?', [], [], 'BAA: no item'),
  q('1.02', 'Administrative', 'Does the vendor require all workforce members to complete HIPAA privacy and security awareness training upon hire and annually thereafter?', [], [], 'training: no item'),
  q('1.03', 'Administrative', 'Please describe the vendor\'s process for notifying Crestview of a breach of unsecured PHI, including the maximum time from discovery to notification.', [], [14, 15], 'security breach notification: 14/15 describe outage notification only'),
  q('1.04', 'Administrative', 'Does the vendor use any subcontractors or sub-processors that create, receive, maintain or transmit PHI on its behalf? If so, please list them.', [], [], 'sub-processors: no item'),
  q('1.05', 'Administrative', 'Does the vendor have a current SOC 2 Type II report or HITRUST CSF certification?', [43, 39], [], 'two topics: SOC 2 report (43, seed quirk) and certification (39); both answered 無'),
  { section: 'Section 2 – Access Control' },
  q('2.01', 'Access Control', 'Please describe how the vendor limits its own personnel\'s access to Crestview data to the minimum necessary.', [45], [41]),
  q('2.02', 'Access Control', 'Does the vendor assign a unique user ID to each of its system administrators so that administrative actions can be traced to an individual?', [46], [45], 'vendor-side IDs and traceability'),
  q('2.03', 'Access Control', 'Does the application support multi-factor authentication for Crestview end users?', [], [], 'MFA: no item'),
  q('2.04', 'Access Control', 'Can Crestview administrators view or export audit logs of user activity (logins, record views, changes) within the application?', [18], [46], 'customer-visible audit logs (18, answer 無)'),
  { section: 'Section 3 – Data Protection' },
  q('3.01', 'Data Protection', 'Is PHI encrypted at rest? Please specify the encryption algorithm and key length.', [33]),
  q('3.02', 'Data Protection', 'Is all data in transit between end users and the application encrypted using TLS 1.2 or higher?', [42]),
  q('3.03', 'Data Protection', 'How are encryption keys managed, and are keys segregated per customer?', [34], [33]),
  q('3.04', 'Data Protection', 'Will any Crestview data be stored, processed or accessed outside the United States?', [49], [6], 'data location: 49 (Japan, Japanese law), 6 mentions a domestic remote DC'),
  q('3.05', 'Data Protection', 'Please describe the integrity controls in place to protect ePHI from improper alteration or destruction.', [37], [33]),
  q('3.06', 'Data Protection', 'Are the vendor\'s laptops and workstations protected with full-disk encryption?', [], [48], 'endpoint full-disk encryption: no item; 48 only covers removable media'),
  q('3.07', 'Data Protection', 'Please describe how storage media containing PHI are sanitized or destroyed before disposal or re-use.', [48], [31]),
  q('3.08', 'Data Protection', 'Will Crestview data, including de-identified data, be used to train machine learning or AI models?', [], [], 'AI training use: no item'),
  { section: 'Section 4 – Contingency Planning and Availability' },
  q('4.01', 'Contingency', 'Please describe the vendor\'s data backup plan, including backup frequency and whether backups are stored in a geographically separate location.', [28, 6], [29]),
  q('4.02', 'Contingency', 'What are the recovery time objective (RTO) and recovery point objective (RPO) for the service?', [11, 29], [10]),
  q('4.03', 'Contingency', 'How long are backups retained?', [30], [32]),
  q('4.04', 'Contingency', 'Does the vendor maintain an emergency mode operation plan that allows critical functions to continue if the primary system is unavailable for an extended period?', [7], [6]),
  q('4.05', 'Availability', 'What uptime does the vendor commit to in its SLA, and are service credits issued if the commitment is missed?', [5]),
  q('4.06', 'Availability', 'Does the vendor monitor the production environment around the clock for availability and performance issues, and how frequently are monitoring metrics collected?', [13, 16], [], 'two topics: monitoring (13) and interval (16)'),
  q('4.07', 'Availability', 'Is there a status page where Crestview can check current service health at any time?', [17], [14]),
  q('4.08', 'Availability', 'What is the typical response time of the application\'s screens under normal load?', [19], [20]),
  q('4.09', 'Support', 'During what hours is technical support available to respond to outages that affect clinical operations?', [26], [27], 'support hours for incidents, not service hours'),
  q('4.10', 'Support', 'How far in advance does the vendor announce scheduled maintenance windows?', [2]),
  { section: 'Section 5 – Application and Infrastructure Security' },
  q('5.01', 'AppSec', 'Does the vendor engage an independent third party to perform penetration testing of the application at least annually?', [40]),
  q('5.02', 'AppSec', 'Will the vendor provide Crestview with the full report of its most recent penetration test?', [], [40], 'disclosure of pen-test results: no item; 40 only says tests are done'),
  q('5.03', 'AppSec', 'Does the vendor have a documented incident response plan and a dedicated security incident response team?', [], [46], 'IR plan / CSIRT: no item'),
  q('5.04', 'AppSec', 'Does the vendor deploy a web application firewall and DDoS mitigation in front of the application?', [], [], 'WAF/DDoS: no item'),
  q('5.05', 'AppSec', 'Please describe how security patches are applied to operating systems and the underlying platform.', [9]),
  q('5.06', 'Termination', 'Upon termination of the agreement, please describe how Crestview data will be returned and subsequently deleted.', [36, 31], [8]),
];

async function buildUs(file) {
  const wb = newBook('Crestview Health Partners – Information Security Office', FIXED);
  const F = { name: 'Calibri', size: 11 };

  const ins = wb.addWorksheet('Instructions');
  ins.getColumn(1).width = 110;
  const instructions = [
    'Crestview Health Partners – Third-Party Vendor Security Assessment',
    'Version 3.2 (Information Security Office)',
    '',
    '1. Complete every row on the "Security Assessment" tab.',
    '2. Select Yes or No in the Response column. Use the Explanation column for details, compensating controls and document references.',
    '3. Attach supporting evidence (policies, reports, certificates) when returning this workbook.',
    '4. Contact vendorrisk@crestview.example with any questions about this assessment.',
  ];
  instructions.forEach((t, i) => {
    ins.getCell(i + 1, 1).value = t;
    ins.getCell(i + 1, 1).font = i === 0 ? { ...F, size: 14, bold: true } : F;
  });

  const name = 'Security Assessment';
  const HDR = 5;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HDR }] });
  const widths = [8, 16, 72, 12, 50];
  ws.columns = widths.map((width) => ({ width }));
  mergedText(ws, 'A1:E1', 'Third-Party Vendor Security Assessment', { font: { ...F, size: 14, bold: true } });
  ws.getCell('A2').value = 'Vendor name:';
  ws.getCell('A3').value = 'Product / service:';
  ws.getCell('D2').value = 'Date completed:';
  for (const a of ['A2', 'A3', 'D2']) ws.getCell(a).font = { ...F, bold: true };
  for (const a of ['C2', 'C3', 'E2']) ws.getCell(a).border = { bottom: thin };
  headerRow(ws, HDR, ['ID', 'Domain', 'Question', 'Response', 'Explanation'], { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF2F5597'), border: BORDER });

  const questions = [];
  let r = HDR + 1;
  for (const qq of US) {
    if (qq.section) {
      sectionRow(ws, r, 5, qq.section, { font: { ...F, bold: true }, fill: fill('FFD9E1F2'), border: BORDER });
      r++;
      continue;
    }
    ws.getRow(r).values = [qq.id, qq.cat, qq.text];
    bodyRow(ws, r, 5, F);
    fillCells(ws, r, [4, 5], INPUT);
    dropDown(ws.getCell(r, 4), ['Yes', 'No'], { error: 'Select Yes or No.' });
    fitRow(ws, r, qq.text, widths[2]);
    questions.push(label(qq, r));
    r++;
  }
  ws.getCell(r + 1, 1).value = 'Confidential – for vendor risk management purposes only.';
  ws.getCell(r + 1, 1).font = { ...F, italic: true, size: 9 };

  return saveBook(wb, outDir, file, {
    layout:
      'sheet Instructions (no questions); sheet Security Assessment: title row 1, vendor/date fields rows 2-3, header row 5 (ID/Domain/Question/Response/Explanation); section rows "Section n – …" merged A:E inside the table; Response (D) Yes/No drop-down; Explanation (E) free text; third-person "Does the vendor…" / "Please describe…" wording; footer line',
    sheets: [
      noQuestions('Instructions'),
      { name, headerRow: HDR, questionColumn: 'C', answerColumn: 'E', choiceColumn: 'D', choices: ['Yes', 'No'], questions },
    ],
  });
}

// ======================================================================
// 04  大学 研究・教育用クラウド確認シート (.ods, simple layout)
// ======================================================================
const UNI = [
  q(1, '', '授業で受講者が一斉に利用する場合、同時に何名までアクセスできますか。（1科目あたり最大300名程度を想定）', [24], [19]),
  q(2, '', '1アカウント（または1契約）あたりに保存できるデータ量の上限を教えてください。', [25]),
  q(3, '', '研究データが国外のサーバに保存されることはありますか。\n（安全保障輸出管理の観点から確認しています）', [49], [6]),
  q(4, '', '画面の応答が遅い状態が続いた場合、どの程度の時間で解消することを目標としていますか。', [20], [19]),
  q(5, '', '万一システムが壊れたとき、データはどの時点の状態まで戻せますか。', [29], [28], 'indirect RPO'),
  q(6, '', '障害が起きたとき、本センターにはどのような経路で、発生からどのくらいの時間で連絡が来ますか。', [14, 15], [], 'two topics: route (14) and time (15)'),
  q(7, '', '利用者がアップロードできるファイルの種類に制限はありますか。', [38]),
  q(8, '', '学認（GakuNin）を利用したシングルサインオンは可能ですか。', [], [23], 'SSO: no item'),
  q(9, '', '機能が大きく変わるアップデートを行う場合、事前にお知らせいただけますか。', [9], [2]),
  q(10, '', 'サービスの提供をやめることになった場合、何か月前に知らせていただけますか。', [3]),
  q(11, '', '年度末に卒業生のアカウントをまとめて削除した場合、そのデータは最終的に完全に消去されますか。', [31], [30]),
  q(12, '', '過去1年間に発生したシステム障害の件数を教えてください。', [12], [5]),
  q(13, '', '夏季・冬季の休業期間中も問合せに対応していただけますか。', [27], [26], 'support hours (weekdays 10-16) answer it'),
  q(14, '', '学生の個人情報の取扱いについて、貴社の個人情報保護方針をご提示ください。', [], [], 'privacy policy: no item'),
  q(15, '', '教員・学生・TAなど、本学側で利用者ごとに権限を設定することはできますか。', [], [], 'customer-side role settings: no item'),
  q(16, '', '本学所定の様式による見積書・請求書の発行は可能ですか。', [], [], 'billing paperwork: no item'),
  q(17, '', 'システムに異常がないかを、どのくらいの間隔で確認していますか。', [16], [13]),
  q(18, '', 'バックアップは何世代分保持されますか。', [32], [7], 'seed quirk: 32 = 3世代, 7 = 7世代'),
];

async function buildUni(file) {
  const wb = newBook('北陵大学 情報基盤センター', FIXED);
  const F = { name: 'IPAexゴシック', size: 10 };
  const name = '確認事項';
  const ws = wb.addWorksheet(name);
  const widths = [6, 70, 40, 24];
  ws.columns = widths.map((width) => ({ width }));
  headerRow(ws, 1, ['No.', '確認事項', '回答', '備考'], { font: { ...F, bold: true }, border: BORDER });
  const questions = [];
  let r = 2;
  for (const qq of UNI) {
    ws.getRow(r).values = [qq.id, qq.text];
    bodyRow(ws, r, 4, F);
    questions.push(label(qq, r));
    r++;
  }
  ws.getCell(r + 1, 2).value = '回答は本ファイルに直接入力し、情報基盤センター宛てにメールでご返送ください。';
  ws.getCell(r + 1, 2).font = F;
  NON_QUESTION.push({ file, sheet: name, row: r + 1, why: 'footer instruction' });

  // exceljs -> xlsx buffer -> SheetJS -> ods
  const buf = await wb.xlsx.writeBuffer();
  const sj = XLSX.read(Buffer.from(buf), { type: 'buffer' });
  const ods = XLSX.write(sj, { bookType: 'ods', type: 'buffer' });
  fs.writeFileSync(path.join(outDir, file), ods);
  return {
    file,
    layout:
      'OpenDocument spreadsheet (written with exceljs as .xlsx, converted by SheetJS); one sheet 確認事項, header row 1 (No./確認事項/回答/備考), question B, answer C, one line-break inside a cell; a closing instruction line (not a question) sits in column B one row after the table',
    sheets: [{ name, headerRow: 1, questionColumn: 'B', answerColumn: 'C', choiceColumn: null, choices: null, questions }],
  };
}

// ======================================================================
// 05  Singapore / Australia bank TPRM questionnaire (.csv, UTF-8 without BOM)
// ======================================================================
const BANKCSV = [
  q('TRM-01', 'Incident management', 'Does the service provider notify the Bank of any service disruption affecting the Bank within a defined timeframe? State the timeframe.', [15], [14]),
  q('TRM-02', 'Incident management', 'Will the service provider notify the Bank within 24 hours of becoming aware of an information security incident that affects, or may affect, the Bank\'s information assets (APRA CPS 234)?', [], [15, 14], 'security-incident notification: 14/15 cover outages only (near-miss with TRM-01)'),
  q('TRM-03', 'Resilience', 'State the recovery time objective (RTO) for the service. Note: the Bank requires an RTO of 4 hours or less for critical systems.', [11], [10]),
  q('TRM-04', 'Resilience', 'What was the total unplanned downtime of the service over the last 12 months?', [5], [12], '5 gives the actual availability (99.99%+), 12 the count of long outages'),
  q('TRM-05', 'Data', 'List all jurisdictions in which Bank data is stored or processed, including backup and DR copies.', [49], [6]),
  q('TRM-06', 'Access control', 'Describe how privileged access by your system administrators is granted, restricted and reviewed.', [45], [46]),
  q('TRM-07', 'Cryptography', 'Are the encryption keys protecting Bank data segregated from those used for other clients?', [34], [44]),
  q('TRM-08', 'Security testing', 'How often does an independent party perform vulnerability assessment and penetration testing (VAPT) on the service?', [40]),
  q('TRM-09', 'Exit management', 'Describe your exit arrangements, including:\n- return of Bank data in a usable format, and\n- certification that all copies have been destroyed.', [36], [31, 8], 'line break inside a quoted CSV field'),
  q('TRM-10', 'Outsourcing', 'Do you maintain a register of material sub-contractors (fourth parties), and will you notify the Bank before engaging a new one?', [], [], 'fourth parties: no item'),
  q('TRM-11', 'Outsourcing', 'Will you grant the Bank, its external auditors and the regulator (APRA / MAS) access to your premises, systems and records for audit purposes?', [], [], 'audit access: no item'),
  q('TRM-12', 'Malware', 'Is anti-malware protection deployed on all servers and administrator endpoints?', [47]),
  q('TRM-13', 'Data integrity', 'How is the integrity of Bank data verified on input and during transmission?', [37], [42]),
  q('TRM-14', 'Capacity', 'Is there a maximum number of concurrent users the service can support?', [24], [25]),
  q('TRM-15', 'Vulnerability management', 'Do you operate a coordinated vulnerability disclosure programme through which external researchers can report security issues?', [], [], 'vulnerability disclosure: no item'),
  q('TRM-16', 'Vulnerability management', 'Within what timeframe are critical security patches applied after release?', [9]),
];

function buildCsv(file) {
  const recs = [['Ref', 'Domain', 'Question', 'Vendor Response', 'Evidence / Comments']];
  const questions = [];
  BANKCSV.forEach((qq, i) => {
    recs.push([qq.id, qq.cat, qq.text, '', '']);
    questions.push(label(qq, i + 2));
  });
  const body = csvText(recs, '\n');
  fs.writeFileSync(path.join(outDir, file), body, 'utf8'); // UTF-8, no BOM, LF
  return {
    file,
    layout:
      'flat export Ref,Domain,Question,Vendor Response,Evidence / Comments; UTF-8 without BOM, LF line ends; TRM-09 has line breaks inside a quoted field, so "row" counts CSV records (header = row 1)',
    sheets: [{ name: 'Sheet1', headerRow: 1, questionColumn: 'C', answerColumn: 'D', choiceColumn: null, choices: null, questions }],
  };
}

// ---------------------------------------------------------------- main
const FILES = {
  sec: '01-securities-minato-vendor-risk.xlsx',
  hr: '02-staffing-hidamari-checksheet.xlsx',
  us: '03-us-healthcare-crestview-assessment.xlsx',
  uni: '04-university-hokuryo-checklist.ods',
  csv: '05-bank-straits-tprm-export.csv',
};
const workbooks = [];
workbooks.push(await buildSecurities(FILES.sec));
workbooks.push(await buildHr(FILES.hr));
workbooks.push(await buildUs(FILES.us));
workbooks.push(await buildUni(FILES.uni));
workbooks.push(buildCsv(FILES.csv));
writeLabels(outDir, workbooks);

// ---------------------------------------------------------------- self-check
const QLIKE = [
  /[？?]\s*$/,
  /(ますか|ですか|でしょうか)[。．]?\s*$/,
  /(の有無|の方法|の頻度)(（[^）]*）)?\s*$/,
  /こと。\s*$/,
  /ください。\s*$/,
  /^(Does|Do|Is|Are|Will|Can|Has|Have|How|What|When|Where|Which|Please describe|Please provide|Describe|State|List)\b/,
];
const problems = await checkSet(outDir, workbooks, {
  looksLikeQuestion: (t) => QLIKE.some((re) => re.test(t)),
  // instructions that legitimately end in 「ください。」 etc. but are not questions
  isInstruction: (t) => /^(評価欄は|回答は本ファイル|※本シート|本シートの記載内容は)/.test(t) || /^\d\. /.test(t),
  nonQuestions: NON_QUESTION,
});
const csvRaw = fs.readFileSync(path.join(outDir, FILES.csv));
if (csvRaw[0] === 0xef && csvRaw[1] === 0xbb) problems.push('csv must not have a BOM');
report(workbooks, problems);
