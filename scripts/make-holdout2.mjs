#!/usr/bin/env node
// make-holdout2.mjs — builds the second held-out evaluation set for qmap's matcher and detector:
//   5 customer questionnaires (.xlsx) + labels.json (same format as /work/shared/eval/dev/labels.json).
//
// usage (from the repo root):  node scripts/make-holdout2.mjs [outDir]
//   outDir defaults to fixtures/eval-holdout2
//
// The questions were written from the METI items' titles, 規定内容 and the vendor's answers
// (fixtures/meti-items.json) and from how customers actually phrase check sheets. They were written
// WITHOUT looking at the matcher (src/matching/, lexicon.json, thresholds.json, bench/) or at the
// first hold-out set, so they measure generalisation, not tuning.
//
// Labels: items = METI numbers (1..49) whose vendor answer answers the question, best first;
// also = weaker/partial ones; [] when no item answers it (leave the row to a human).
//
// After writing, the script re-reads every workbook (checkSet in holdout-kit.mjs) and asserts that
// each labelled row's text equals the cell's text, that answer cells are empty, that every sheet is
// listed, and that no unlabelled row looks like a question. It exits non-zero on any mismatch.

import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { bodyRow, BORDER, checkSet, columnLetter, dropDown, fill, fillCells, fitRow, headerRow, label, mergedText, newBook, noQuestions, printA4, report, saveBook, sectionRow, styleRange, thin, writeLabels } from './holdout-kit.mjs';

const outDir = path.resolve(process.argv[2] ?? 'fixtures/eval-holdout2');
fs.mkdirSync(outDir, { recursive: true });

/** q(no, cat, sub, text, items, also, note) — cat/sub are the customer's own category columns. */
const q = (no, cat, sub, text, items, also = [], note = '') => ({ no, cat, sub, text, items, also, note });

const FIXED_DATE = new Date('2025-01-15T00:00:00Z');
const INPUT = fill('FFFFF9DB');
// this set's drop-downs show their message both as a hint and when refusing other input
const choiceList = (cell, values, message) => dropDown(cell, values, { error: message, errorStyle: 'stop', prompt: message });
const nonQuestions = []; // { file, sheet, row, why }: rows in a question table that are deliberately not questions

// ======================================================================
// 01  Life insurer — 外部委託先評価シート
//     header row 7 after a 6-row instruction block; A 項番, B 大分類 (merged vertically),
//     C 中分類 (merged when repeated), D 評価項目, E 評価区分 ◎○△× drop-down, F 回答内容,
//     G 根拠資料, H 当社評価欄 (insurer's own). One struck-out （削除） row. One rich-text cell.
// ======================================================================
const INS_DELETED = '（削除）障害発生時の第一報を、FAXにより当社システム企画部宛てにご送付いただくことは可能でしょうか。';
const INS = [
  q(1, '委託先の管理体制', '経営・財務', '貴社の経営状況を確認させていただくため、直近事業年度の売上高、経常利益及び自己資本比率をご教示いただけますでしょうか。\n※上場会社の場合は、有価証券報告書の該当箇所のご提示をもって回答に代えていただいて差し支えございません。', [], [], 'financial standing: no METI item'),
  q(2, '委託先の管理体制', '経営・財務', '貴社並びに貴社の役員及び主要株主が反社会的勢力に該当しないこと、また将来にわたって該当しないことを確約いただけますでしょうか。\n※当社所定の確約書へのご署名をお願いする場合がございます。', [], [], '反社会的勢力: no item'),
  q(3, '委託先の管理体制', '委託管理', '本業務の一部を他の事業者へ再委託（再々委託以降を含みます。）されている場合、当該事業者の名称、所在国及び委託内容をご教示ください。また、再委託先に対しても貴社と同等の安全管理措置を求めておられますでしょうか。', [], [41], 'subcontractors: no item; 41 only says the vendor\'s own operators are limited'),
  q(4, '委託先の管理体制', '委託管理', '当社の保険契約者情報を取り扱う貴社従業者に対し、個人情報保護及び情報セキュリティに関する教育を定期的に実施されていますでしょうか。\n※実施頻度、対象者の範囲及び受講状況の管理方法についても併せてご記載ください。', [], [], 'staff training: no item'),
  q(5, '委託先の管理体制', '委託管理', '従業者の採用時及び退職時に、在職中及び退職後の秘密保持に関する誓約書を徴求されていますでしょうか。', [], [], 'employee NDA: no item'),
  q(6, '委託先の管理体制', '認証・監査', '情報セキュリティマネジメントシステム（ISO/IEC 27001）の認証取得、又はプライバシーマークの付与を受けておられますでしょうか。\n※認証範囲に本サービスの提供部門が含まれるか否かについても併せてご記載ください。', [39]),
  q(7, '委託先の管理体制', '認証・監査', '当社の内部監査部門又は当社が委託する監査法人が、必要に応じて貴社の事業所又はデータセンターへ立ち入り、実地調査を行うことをお認めいただけますでしょうか。', [], [], 'on-site audit rights: no item (43 is only about handing over audit reports)'),
  q(8, '委託先の管理体制', '認証・監査', '受託業務に係る内部統制の整備・運用状況について、監査法人等による保証報告書（SOC1 Type2、SOC2 Type2、又は保証業務実務指針3402号に基づく報告書等）をご提出いただけますでしょうか。', [43], [39], '43: SAS70 Type2 / 18号 (now 3402) audit reports; vendor answer 無'),
  q(9, 'サービスの継続性', '可用性', '本サービスをご利用いただける曜日及び時間帯をご教示ください。\n※定期保守等により利用できない時間帯が定められている場合は、その曜日・時間帯についても併せてご記載ください。', [1], [2]),
  q(11, 'サービスの継続性', '可用性', 'システムの定期保守・計画停止を実施される場合、当社に対してどの程度前に、どのような手段でご連絡いただけますでしょうか。', [2]),
  q(12, 'サービスの継続性', '障害対応', '障害発生時に、当社の担当窓口へどのような経路・手段でご連絡いただけるのか、貴社の連絡体制をご教示ください。\n※夜間・休日の緊急連絡先を別途ご提示いただく場合がございます。', [14], [15, 26]),
  q(13, 'サービスの継続性', '障害対応', '異常を検知されてから当社へ第一報をいただくまでの所要時間について、目安を定めておられますでしょうか。', [15], [14]),
  q(14, 'サービスの継続性', '障害対応', '障害発生時に当社から貴社へお問い合わせをする場合、受付可能な曜日・時間帯をご教示ください。', [26], [27]),
  q(15, 'サービスの継続性', '障害対応', '直近1年間において、長時間（概ね丸一日以上）にわたり本サービスをご利用いただけない状態となった事象はございましたでしょうか。\n※該当がある場合は、その件数と概要をご記載ください。', [12], [5]),
  { deleted: true, no: 22, cat: 'サービスの継続性', sub: '障害対応', text: INS_DELETED },
  q(16, 'サービスの継続性', '事業継続', '地震・風水害等の広域災害によりデータセンターが被災した場合を想定し、データの遠隔地保管や復旧手順等の対策を講じておられますでしょうか。\n※遠隔地に待機系システムを保有されている場合は、その旨もご記載ください。', [6], [7]),
  q(17, 'サービスの継続性', '事業継続', '災害等によりサービスの早期復旧が困難となった場合に、当社が業務を継続するための代替手段（暫定的なサービス提供等）をご用意いただけますでしょうか。', [7], [8]),
  q(18, 'サービスの継続性', '事業継続', '前項の代替手段をご提供いただく際、当社データはどのようなファイル形式で受け取ることができますでしょうか。', [8], [36]),
  q(19, 'サービスの継続性', '事業継続', 'システム障害が発生してから、当社が本サービスを再びご利用できるようになるまでの目標時間をどのように定めておられますでしょうか。', [11], [10]),
  q(20, 'サービスの継続性', '事業継続', '貴社の事業撤退・経営破綻等によりサービスの継続が困難となった場合に備え、プログラム及び当社データを第三者機関に寄託する等の保全措置を講じておられますでしょうか。', [4], [3]),
  q(21, 'サービスの継続性', '事業継続', '本サービスの提供を終了されることとなった場合、当社が移行先を検討するのに十分な期間を確保できるよう、事前にご通知いただけますでしょうか。\n※通知時期及び通知方法をご記載ください。', [3]),
  q(23, '情報資産の保護', 'データ管理', '当社がお預けするデータのバックアップについて、取得の頻度、保管先及び復元の方法をご教示ください。', [28], [29, 30]),
  q(24, '情報資産の保護', 'データ管理', '万一データが消失した場合、どの時点の状態まで復元することが可能でしょうか。', [29], [28], 'indirect RPO question'),
  q(25, '情報資産の保護', 'データ管理', 'バックアップは何世代分を保持されておられますでしょうか。また、バックアップデータの保存期間はどの程度でしょうか。', [32, 30], [7], 'two topics: generations (32) and retention (30); seed quirk: 7 says 7 generations, 32 says 3'),
  q(26, '情報資産の保護', 'データ管理', '保存されている当社データについて、暗号化による保護を行っておられますでしょうか。\n※暗号化の対象範囲（データベース、ファイル、バックアップ等）及び方式についてもご記載ください。', [33], [48]),
  q(28, '情報資産の保護', 'データ管理', '当社データの保存先となるデータセンターの所在国、及び当該データに適用される法令をご教示ください。\n※海外に所在する場合は、当該国の法制度により当社データが政府機関等による開示請求の対象となる可能性についてもご説明ください。', [49], [6]),
  q(29, '情報資産の保護', 'データ管理', 'ご契約終了時、当社データをご返還いただいた上で、貴社環境に残存するデータ（バックアップを含みます。）を確実に消去いただけますでしょうか。\n※消去の実施時期及び消去完了のご報告方法をご記載ください。', [36, 31], [], 'two topics: return + deletion report (36) and deletion timing incl. backups (31)'),
  q(30, '情報資産の保護', 'データ管理', '当社データの漏えい・滅失等の事故により当社に損害が生じた場合に備え、賠償責任保険（サイバー保険等）に加入しておられますでしょうか。\n※補償限度額についても併せてご記載ください。', [35], [], '35 is 補償／保険の有無; the answer (有, compensation within the terms of use) is the vendor\'s position on it, though no insurer or limit is named'),
  q(32, '情報資産の保護', 'アクセス管理', '管理者権限を有するアカウントについて、誰が・いつ・どのような操作を行ったかを事後に追跡できる仕組みがございますでしょうか。\n※ログの保存期間についても併せてご記載ください。', [46], [30], "vendor's own admin trail (46); 30 gives log retention (at least 1 year)"),
  q(33, '情報資産の保護', 'アクセス管理', '当社の利用者が本サービスにログインする際、ID・パスワードに加え、ワンタイムパスワード等による追加の認証を必須とする設定は可能でしょうか。', [], [], 'MFA: no item'),
  q(34, '情報資産の保護', 'アクセス管理', '当社の管理者が、当社利用者の操作履歴（ログイン履歴を含みます。）を画面上で確認できる機能はございますでしょうか。', [18], [46], 'customer-visible logs (18, answer 無)'),
  q(35, '情報資産の保護', '技術的対策', '外部からの不正アクセスを防止するため、ファイアウォールに加え、不正侵入検知・防止システム（IDS/IPS）やWAF等を導入しておられますでしょうか。', [], [], 'IDS/IPS/WAF: no item (13 monitors load/usage only)'),
  q(36, '情報資産の保護', '技術的対策', '直近に実施されたペネトレーションテスト（侵入試験）の結果報告書、又は指摘事項の是正状況を当社にご開示いただけますでしょうか。', [], [40], 'disclosure of pen-test results is not covered; 40 only says assessments are done twice a year and findings fixed'),
  q(37, '情報資産の保護', '技術的対策', '【重要】当社と本サービスとの間の通信経路は、十分な強度の暗号化により保護されておられますでしょうか。\n※使用している暗号化プロトコルのバージョンもご記載ください。', [42], [37], 'rich-text cell: red 【重要】 run + plain run'),
  q(38, '情報資産の保護', '技術的対策', 'お預かりした個人情報を、当社との契約に定める利用目的の範囲を超えて利用されることはございませんか。\n※貴社サービスの改善や生成AIの学習データとしての利用を含みます。', [], [], 'purpose of use / AI training: no item'),
];
INS.forEach((x, i) => (x.no = i + 1));
// Q37 is written as rich text: a red bold 【重要】 run followed by the rest of the text.
INS.find((x) => x.text.startsWith('【重要】')).richPrefix = '【重要】';

async function buildInsurer(file) {
  const wb = newBook('しらかば生命保険相互会社 システム企画部', FIXED_DATE);
  const name = '評価シート';
  const HEADER = 7;
  const ws = wb.addWorksheet(name, {
    pageSetup: printA4('landscape'),
    views: [{ state: 'frozen', ySplit: HEADER, topLeftCell: 'A8', activeCell: 'E8' }],
  });
  const F = { name: '游ゴシック', size: 10 };
  const widths = [6, 14, 12, 66, 10, 44, 20, 14];
  ws.columns = widths.map((w) => ({ width: w }));

  mergedText(ws, 'A1:H1', '外部委託先評価シート（クラウドサービス利用）', { font: { ...F, size: 14, bold: true } });
  ws.getRow(1).height = 26;
  mergedText(ws, 'A2:H2', 'しらかば生命保険相互会社　システム企画部　外部委託管理チーム', { font: F });
  ws.getCell('A3').value = '委託先名';
  ws.mergeCells('B3:C3');
  ws.getCell('E3').value = '回答日';
  ws.getCell('G3').value = 'ご担当者';
  styleRange(ws, 3, 1, 3, 8, { font: F });
  for (const c of ['B3', 'F3', 'H3']) ws.getCell(c).border = { bottom: thin };
  const instr = [
    '【ご記入にあたってのお願い】　1. 本シートは、当社の「外部委託管理規程」に基づき、個人情報を含む業務を委託する全ての委託先様に年1回ご回答をお願いしているものです。',
    '2. 「評価区分」欄は、◎：十分に実施している　○：実施している　△：一部実施・実施予定　×：実施していない　の中からプルダウンで選択してください。',
    '3. 「回答内容」欄には、具体的な実施状況をご記入ください。根拠となる規程・報告書等がある場合は「根拠資料」欄に資料名をご記入ください。「当社評価欄」は当社にて使用いたしますので記入不要です。',
  ];
  instr.forEach((t, i) => {
    const r = 4 + i;
    ws.mergeCells(r, 1, r, 8);
    const c = ws.getCell(r, 1);
    c.value = t;
    c.font = { ...F, size: 9, color: { argb: i === 0 ? 'FFC00000' : 'FF000000' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
    ws.getRow(r).height = 30;
  });
  const headers = ['項番', '大分類', '中分類', '評価項目', '評価区分\n（◎○△×）', '回答内容', '根拠資料', '当社評価欄'];
  headerRow(ws, HEADER, headers, { font: { ...F, bold: true }, fill: fill('FFD9E1F2'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  ws.getCell(HEADER, 8).fill = fill('FFBFBFBF');
  ws.getRow(HEADER).height = 32;

  const questions = [];
  let r = HEADER + 1;
  let catStart = r;
  let subStart = r;
  let deletedRow = 0;
  let richRow = 0;
  INS.forEach((qq, i) => {
    if (qq.deleted) {
      deletedRow = r;
      nonQuestions.push({ file, sheet: name, row: r, why: '（削除） struck-out row' });
    }
    if (qq.richPrefix) richRow = r;
    ws.getCell(r, 1).value = qq.no;
    if (qq.richPrefix) {
      ws.getCell(r, 4).value = {
        richText: [
          { font: { ...F, bold: true, color: { argb: 'FFFF0000' } }, text: qq.richPrefix },
          { font: F, text: qq.text.slice(qq.richPrefix.length) },
        ],
      };
    } else {
      ws.getCell(r, 4).value = qq.text;
    }
    styleRange(ws, r, 1, r, 8, { border: BORDER });
    for (const c of [1, 2, 3, 5, 6, 7, 8]) ws.getCell(r, c).font = F;
    if (!qq.richPrefix) ws.getCell(r, 4).font = qq.deleted ? { ...F, strike: true, color: { argb: 'FF7F7F7F' } } : F;
    ws.getCell(r, 4).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 6).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'top' };
    ws.getCell(r, 5).alignment = { horizontal: 'center', vertical: 'top' };
    if (qq.deleted) {
      styleRange(ws, r, 5, r, 8, { fill: fill('FFD9D9D9') });
    } else {
      fillCells(ws, r, [5, 6, 7], INPUT);
      choiceList(ws.getCell(r, 5), ['◎', '○', '△', '×'], '◎・○・△・× から選択してください。');
      questions.push(label(qq, r));
    }
    ws.getCell(r, 8).fill = fill('FFEDEDED');
    fitRow(ws, r, qq.text, widths[3]);
    const next = INS[i + 1];
    if (!next || next.sub !== qq.sub || next.cat !== qq.cat) {
      if (r > subStart) ws.mergeCells(subStart, 3, r, 3);
      const c = ws.getCell(subStart, 3);
      c.value = qq.sub;
      c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      c.font = F;
      subStart = r + 1;
    }
    if (!next || next.cat !== qq.cat) {
      ws.mergeCells(catStart, 2, r, 2);
      const c = ws.getCell(catStart, 2);
      c.value = qq.cat;
      c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      c.font = { ...F, bold: true };
      c.fill = fill('FFF2F2F2');
      catStart = r + 1;
    }
    r++;
  });
  r++;
  mergedText(ws, `A${r}:H${r}`, '※ご回答いただいた内容は、当社の委託先評価及び監督の目的にのみ利用いたします。ご不明点はシステム企画部 外部委託管理チームまでお問い合わせ願います。', { font: { ...F, size: 9 } });
  ws.getCell(r + 1, 8).value = '以上';
  ws.getCell(r + 1, 8).font = F;

  return saveBook(wb, outDir, file, {
    layout:
      `single sheet 評価シート; title, insurer name, 委託先名/回答日 fields and a 3-row instruction block (rows 1-6), header at row 7; B=大分類 merged vertically, C=中分類 merged per group, D=評価項目 (long polite questions with ※ notes), E=評価区分 ◎/○/△/× drop-down, F=回答内容 (free text), G=根拠資料, H=当社評価欄 (insurer's own, leave empty); row ${deletedRow} is a struck-out 「（削除）…」 row (strike-through font, shaded answer cells) that is not a question; row ${richRow} is rich text with a red 【重要】 run; footer note and 以上 after the table`,
    sheets: [{ name, headerRow: HEADER, questionColumn: 'D', answerColumn: 'F', choiceColumn: 'E', choices: ['◎', '○', '△', '×'], questions }],
  });
}

// ======================================================================
// 02  EC / retail platform team — casual hearing sheet, one sheet, 貴社回答, no choice column
// ======================================================================
const EC = [
  q(1, '稼働', '', 'サービスって24時間使える？メンテで止まる時間帯ある？', [1], [2]),
  q(2, '稼働', '', 'メンテのお知らせはいつ頃、どこに来ますか？', [2]),
  q(4, '稼働', '', 'セールの日にアクセスが一気に増えても大丈夫？', [24], [25], '24: no concurrent-user limit thanks to scale-out'),
  q(5, '稼働', '', 'ページの表示速度はどのくらい？', [19]),
  q(6, '稼働', '', 'もし重くなったら、どのくらいで元に戻る想定ですか', [20], [19, 10], 'slow-down duration target (20), not outage recovery'),
  q(7, '稼働', '', '直近1年で大きな障害ってありました？', [12], [5]),
  q(8, '機能', '', '商品データや画像をたくさん登録すると、容量制限に引っかかる？', [25]),
  q(9, '機能', '', 'アップできる画像の形式は？（HEICとか使える？）', [38]),
  q(10, '機能', '', 'うちの在庫管理システムとAPIでつなげられる？', [23]),
  q(11, '機能', '', '管理画面の項目をうち向けに変えたりできる？', [22]),
  q(12, '機能', '', '管理画面にGoogleアカウントでログインできる？（SSO）', [], [23], 'SSO: no item; 23 (外部接続性: 無) only implies it'),
  q(13, '機能', '', 'スタッフごとに権限を分けられる？（閲覧だけの人、とか）', [], [], "customer-side roles: no item (45 is about the vendor's own staff)"),
  q(14, '機能', '', '管理画面の操作ログって見られる？誰が価格を変えたか追いたい', [18], [46]),
  q(15, 'サポート', '', '落ちたときはどうやって教えてもらえる？Slack通知とかある？', [14], [17]),
  q(16, 'サポート', '', 'いま正常に動いてるかどうか、どこで見ればいい？', [17], [14]),
  q(17, 'サポート', '', '障害の問い合わせって土日も受けてくれる？', [26], [27]),
  q(18, 'サポート', '', '普段の問い合わせ窓口は何時から何時まで？チャットある？', [27], [26]),
  q(20, 'データ', '', '誤ってデータが飛んだら、どの時点まで戻せる？', [29], [28]),
  q(21, 'データ', '', 'お客さんの住所とか電話番号って暗号化して保存してる？', [33]),
  q(22, 'データ', '', '他のショップのデータと混ざったり、見えちゃったりしない？', [44], [45]),
  q(23, 'データ', '', '解約したらデータはいつ消える？', [31], [36]),
  q(24, 'データ', '', '解約前にデータをCSVで全部落とせる？', [36], [8]),
  q(25, 'セキュリティ', '', '通信はhttpsだけ？', [42]),
  q(28, 'セキュリティ', '', 'クレカ情報を扱う場合、PCI DSSには準拠していますか', [], [], 'PCI DSS: no item'),
  q(29, 'セキュリティ', '', 'DDoS攻撃を受けたときの対策ある？', [], [], 'DDoS: no item (24/25 are about load scale-out)'),
  q(30, '契約', '', '月額いくら？ショップ数で料金変わる？', [], [], 'pricing: no item'),
  q(31, '契約', '', '契約期間の縛りある？途中で解約できる？', [], [], 'contract term: no item'),
  q(32, '契約', '', 'サービス自体が終わるときは、早めに教えてもらえるんでしょうか', [3]),
];
EC.forEach((x, i) => (x.no = i + 1));

async function buildEc(file) {
  const wb = newBook('ハコベマート EC基盤チーム', FIXED_DATE);
  const name = 'ヒアリングシート';
  const HEADER = 3;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER }] });
  const F = { name: 'Meiryo UI', size: 10 };
  const widths = [5, 12, 58, 48, 26];
  ws.columns = widths.map((w) => ({ width: w }));
  mergedText(ws, 'A1:E1', '【ハコベマート】出店ツール選定　運用・セキュリティ ヒアリング', { font: { ...F, size: 13, bold: true } });
  mergedText(ws, 'A2:E2', 'ざっくりでOKです。分からないところは空欄のままで大丈夫です（EC基盤チーム 担当：小野）', { font: { ...F, size: 9, color: { argb: 'FF595959' } } });
  headerRow(ws, HEADER, ['#', 'カテゴリ', '質問', '貴社回答', 'ハコベ側メモ'], { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF2E7D32'), border: BORDER });
  const questions = [];
  let r = HEADER + 1;
  for (const qq of EC) {
    ws.getRow(r).values = [qq.no, qq.cat, qq.text];
    bodyRow(ws, r, 5, F);
    ws.getCell(r, 4).fill = INPUT;
    fitRow(ws, r, qq.text, widths[2]);
    questions.push(label(qq, r));
    r++;
  }
  return saveBook(wb, outDir, file, {
    layout: 'single sheet ヒアリングシート; title row 1, casual note row 2, header row 3 (#, カテゴリ, 質問, 貴社回答, ハコベ側メモ); C=質問 in casual spoken Japanese (〜ある？／〜できる？ mixed with 〜でしょうか); D=貴社回答 free text; no choice column; E is the customer\'s own memo column',
    sheets: [{ name, headerRow: HEADER, questionColumn: 'C', answerColumn: 'D', choiceColumn: null, choices: null, questions }],
  });
}

// ======================================================================
// 03  Manufacturer IT — question merged C:F, 【…】 section rows, 対応状況 + 回答欄,
//     second sheet 集計 with COUNTIF formulas only
// ======================================================================
const MFG_SECTIONS = [
  {
    title: '【可用性】',
    qs: [
      q(1, 'A', '', 'サービス提供時間帯（当社工場は3交替・24時間操業のため、夜間・休日の利用可否を含む）', [1], [], 'near miss: shares サービス提供時間帯 with 26/27 but asks when the service runs'),
      q(3, 'B', '', '計画停止の頻度と事前連絡の方法', [2], [1]),
      q(4, 'A', '', '大規模障害でサービスを早期に再開できない場合の暫定運用策', [7], [6, 8]),
      q(5, 'B', '', '平均修復時間（MTTR）の実績', [10]),
      q(6, 'B', '', '年間の障害発生件数（うち復旧に1日以上要したもの）', [12]),
    ],
  },
  {
    title: '【性能・拡張性】',
    qs: [
      q(7, 'B', '', '夜間一括取込処理（バッチ）の所要時間', [21]),
      q(8, 'A', '', '同時ログイン可能なユーザー数の上限（当社想定：約800名）', [24]),
      q(9, 'B', '', 'データ保存容量の上限と、上限超過時の扱い', [25]),
      q(10, 'A', '', '既存の社内システム（SAP ERP等）とのインターフェース仕様（API、ファイル連携、対応言語）', [23]),
    ],
  },
  {
    title: '【運用・保守】',
    qs: [
      q(11, 'A', '', 'システム監視の実施内容（監視項目・閾値・アラート基準）', [13], [16]),
      q(12, 'B', '', '障害情報の収集間隔（監視のポーリング間隔）', [16], [13]),
      q(13, 'B', '', '稼働状況の報告方法と頻度（月次報告書の提出有無）', [17], [], '17: status viewable on the website at any time; implies no monthly report'),
      q(14, 'A', '', 'ソフトウェア更新・セキュリティパッチ適用の方針、機能変更時の事前告知', [9], [2]),
      q(15, 'B', '', '問い合わせ受付時間（サポートのサービス提供時間帯）', [27], [26], 'near miss: support hours, not service hours (1)'),
      q(16, 'C', '', '英語・中国語でのサポート対応可否（タイ・中国拠点からの問い合わせ）', [], [], 'support language: no item (26/27 give hours and channel only)'),
      q(17, 'C', '', '保守契約の契約期間・更新単位（年契約／月契約）', [], [], 'contract term: no item'),
    ],
  },
  {
    title: '【データ保護】',
    qs: [
      q(18, 'A', '', 'バックアップ取得方式（フル／差分、取得頻度、保管場所）', [28], [6]),
      q(20, 'B', '', '世代管理（保持する世代数）', [32], [7], 'seed quirk: 7 says 7 generations, 32 says 3'),
      q(22, 'B', '', '暗号鍵の管理方式（テナント単位の鍵分割、鍵の更新周期）', [34], [33], '34 covers multiple keys per tenant scope; key rotation is not answered'),
      q(23, 'B', '', 'データの改ざん防止・整合性チェックの仕組み', [37]),
      q(24, 'B', '', 'バックアップ媒体の管理（暗号化保管、廃棄時の消去、USB等外部媒体の利用制限）', [48]),
      q(25, 'A', '', '設計図面等の技術情報が海外のサーバーに保存される可能性の有無', [49], [6]),
      q(26, 'A', '', '契約終了後のデータ消去時期と消去証明書の発行', [31, 36], [], 'two topics: deletion timing (31) and proof of deletion (36)'),
    ],
  },
  {
    title: '【セキュリティ】',
    qs: [
      q(27, 'A', '', '第三者による脆弱性診断の実施状況（頻度・直近の実施時期）', [40]),
      q(29, 'B', '', 'データを取り扱う作業場所・作業環境の管理（運用者の限定等）', [41], [45]),
      q(30, 'A', '', '二要素認証（ワンタイムパスワード等）の利用可否', [], [], 'MFA: no item'),
      q(31, 'A', '', '接続元IPアドレスによるアクセス制限機能の有無', [], [], 'IP restriction: no item'),
      q(32, 'B', '', 'パスワード要件（桁数・複雑性・有効期限）の設定可否', [], [33], '33 covers how passwords are stored, not policy settings'),
      q(33, 'C', '', 'ソフトウェア部品表（SBOM）の提供可否', [], [], 'SBOM: no item'),
      q(34, 'C', '', '外部からの脆弱性報告を受け付ける窓口の有無', [], [], 'vulnerability disclosure contact: no item'),
      q(35, 'B', '', 'セキュリティインシデント対応組織（CSIRT等）の設置状況', [], [46], '46 only promises investigation/information on an incident'),
    ],
  },
];
MFG_SECTIONS.flatMap((sec) => sec.qs).forEach((x, i) => (x.no = i + 1));

async function buildMfg(file) {
  const wb = newBook('東雲工機株式会社 情報システム部', FIXED_DATE);
  const name = '調査票';
  const HEADER = 5;
  const ws = wb.addWorksheet(name, {
    pageSetup: printA4('portrait'),
    views: [{ state: 'frozen', ySplit: HEADER }],
  });
  const F = { name: 'ＭＳ Ｐゴシック', size: 10 };
  const widths = [5, 7, 14, 14, 14, 14, 11, 40, 18];
  ws.columns = widths.map((w) => ({ width: w }));
  const qWidth = widths[2] + widths[3] + widths[4] + widths[5];
  mergedText(ws, 'A1:I1', 'クラウドサービス導入前　調査票', { font: { ...F, size: 14, bold: true } });
  mergedText(ws, 'A2:F2', '東雲工機株式会社　情報システム部　インフラグループ');
  ws.getCell('H2').value = '様式 IS-07（第3.2版）';
  ws.getCell('A2').font = F;
  ws.getCell('H2').font = F;
  mergedText(ws, 'A3:I3', '対応状況はプルダウンから選択し、回答欄に具体的な内容を記入のこと。重要度A の項目は必須回答。集計シートは自動計算のため入力不要。', { font: { ...F, size: 9, color: { argb: 'FF0000FF' } }, alignment: { wrapText: true } });
  ws.getRow(3).height = 28;
  ws.getCell(HEADER, 1).value = 'No.';
  ws.getCell(HEADER, 2).value = '重要度';
  ws.mergeCells(HEADER, 3, HEADER, 6);
  ws.getCell(HEADER, 3).value = '確認内容';
  ws.getCell(HEADER, 7).value = '対応状況';
  ws.getCell(HEADER, 8).value = '回答欄';
  ws.getCell(HEADER, 9).value = '備考（当社記入）';
  styleRange(ws, HEADER, 1, HEADER, 9, { font: { ...F, bold: true }, fill: fill('FFFFE699'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } });
  ws.getRow(HEADER).height = 24;

  const CHOICES = ['対応済', '一部対応', '未対応', '対象外'];
  const questions = [];
  const ranges = [];
  let r = HEADER + 1;
  for (const sec of MFG_SECTIONS) {
    sectionRow(ws, r, 9, sec.title, { font: { ...F, bold: true }, fill: fill('FFDDEBF7'), border: BORDER });
    r++;
    const first = r;
    for (const qq of sec.qs) {
      ws.getRow(r).values = [qq.no, qq.cat];
      ws.mergeCells(r, 3, r, 6);
      ws.getCell(r, 3).value = qq.text;
      bodyRow(ws, r, 9, F);
      ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'top' };
      ws.getCell(r, 2).alignment = { horizontal: 'center', vertical: 'top' };
      fillCells(ws, r, [7, 8], INPUT);
      choiceList(ws.getCell(r, 7), CHOICES, '対応済／一部対応／未対応／対象外 から選択');
      fitRow(ws, r, qq.text, qWidth, { minLines: 2 });
      questions.push(label(qq, r));
      r++;
    }
    ranges.push({ title: sec.title, first, last: r - 1, n: sec.qs.length });
  }
  ws.getCell(r + 1, 1).value = '※記入後、Excel形式のままメールにてご返送ください。';
  ws.getCell(r + 1, 1).font = { ...F, size: 9 };

  // --- 集計 (summary): formulas only, no questions
  const ss = wb.addWorksheet('集計');
  ss.columns = [{ width: 18 }, ...Array(7).fill({ width: 11 })];
  ss.getCell('A1').value = '回答状況集計（自動計算）';
  ss.getCell('A1').font = { ...F, size: 13, bold: true };
  const sh = ['区分', '設問数', '対応済', '一部対応', '未対応', '対象外', '未回答', '回答率'];
  headerRow(ss, 3, sh, { font: { ...F, bold: true }, fill: fill('FFFFE699'), border: BORDER, alignment: { horizontal: 'center' } });
  let sr = 4;
  for (const g of ranges) {
    const rng = (c) => `'${name}'!${c}${g.first}:${c}${g.last}`;
    ss.getCell(sr, 1).value = g.title;
    ss.getCell(sr, 2).value = { formula: `COUNTA(${rng('A')})`, result: g.n };
    CHOICES.forEach((ch, i) => (ss.getCell(sr, 3 + i).value = { formula: `COUNTIF(${rng('G')},"${ch}")`, result: 0 }));
    ss.getCell(sr, 7).value = { formula: `B${sr}-SUM(C${sr}:F${sr})`, result: g.n };
    ss.getCell(sr, 8).value = { formula: `IF(B${sr}=0,"",1-G${sr}/B${sr})`, result: 0 };
    ss.getCell(sr, 8).numFmt = '0%';
    styleRange(ss, sr, 1, sr, 8, { font: F, border: BORDER });
    sr++;
  }
  const total = ranges.reduce((a, g) => a + g.n, 0);
  ss.getCell(sr, 1).value = '合計';
  for (let c = 2; c <= 7; c++) ss.getCell(sr, c).value = { formula: `SUM(${columnLetter(c)}4:${columnLetter(c)}${sr - 1})`, result: c === 2 || c === 7 ? total : 0 };
  ss.getCell(sr, 8).value = { formula: `IF(B${sr}=0,"",1-G${sr}/B${sr})`, result: 0 };
  ss.getCell(sr, 8).numFmt = '0%';
  styleRange(ss, sr, 1, sr, 8, { font: { ...F, bold: true }, border: BORDER, fill: fill('FFF2F2F2') });
  ss.getCell(sr + 2, 1).value = '判定';
  ss.getCell(sr + 2, 2).value = { formula: `IF(G${sr}>0,"未回答あり",IF(E${sr}>0,"要確認","問題なし"))`, result: '未回答あり' };
  ss.getCell(sr + 3, 1).value = '重要度A 未対応数';
  ss.getCell(sr + 3, 2).value = { formula: `COUNTIFS('${name}'!B:B,"A",'${name}'!G:G,"未対応")`, result: 0 };

  return saveBook(wb, outDir, file, {
    layout:
      'sheet 調査票: title rows 1-3, header row 5 (確認内容 merged C:F); 【可用性】【性能・拡張性】【運用・保守】【データ保護】【セキュリティ】 section rows merged A:I inside the table; question text in merged C:F; G=対応状況 drop-down (対応済/一部対応/未対応/対象外); H=回答欄 (free text); B=重要度 A/B/C and I=備考（当社記入） are the customer\'s own; sheet 集計 is a summary of COUNTIF/COUNTA/SUM/IF formulas over 調査票 and holds no questions',
    sheets: [
      { name, headerRow: HEADER, questionColumn: 'C', answerColumn: 'H', choiceColumn: 'G', choices: CHOICES, questions },
      noQuestions('集計'),
    ],
  });
}

// ======================================================================
// 04  EU/UK enterprise — CAIQ v4 style, English (British spelling in places), GDPR questions
// ======================================================================
const CAIQ_DOMAINS = [
  {
    title: 'Audit & Assurance (A&A)',
    qs: [
      q('A&A-02.1', '', '', 'Are independent audit and assurance reports (e.g. SOC 2 Type II, ISAE 3402) made available to customers under NDA?', [43], [39], '43: SAS70 Type2 / 18号 reports, answer 無'),
      q('A&A-02.2', '', '', 'Is your organisation certified to ISO/IEC 27001, and does the scope of certification cover the services provided to us?', [39]),
    ],
  },
  {
    title: 'Application & Interface Security (AIS)',
    qs: [
      q('AIS-03.1', '', '', 'Is user input validated for data type and format, and are file uploads restricted to permitted file types?', [38]),
      q('AIS-05.1', '', '', 'Is the application tested for security vulnerabilities by an independent third party at least annually?', [40]),
    ],
  },
  {
    title: 'Business Continuity Management and Operational Resilience (BCR)',
    qs: [
      q('BCR-02.1', '', '', 'What are your Recovery Time Objective (RTO) and Recovery Point Objective (RPO) for this service?', [11, 29], [], 'two topics: RTO (11) and RPO (29)'),
      q('BCR-08.1', '', '', 'Are backups of customer data replicated to a geographically separate location?', [6], [28, 7], '6: backups at a remote domestic DC; 28: files replicated to a remote site'),
      q('BCR-08.2', '', '', 'How long are backups retained, and how many backup generations are kept?', [30, 32], [7], 'two topics: retention (30) and generations (32); seed quirk on 7'),
      q('BCR-11.1', '', '', 'Is the service architecture designed with redundancy so that there is no single point of failure?', [7]),
      q('BCR-11.2', '', '', 'What availability do you commit to in your SLA, and are service credits offered if it is not met?', [5], [], 'seed quirk: no SLA guarantee, target 99.9%'),
      q('BCR-12.1', '', '', 'In the event that you cease trading, is a source-code and data escrow arrangement available to customers?', [4], [3]),
    ],
  },
  {
    title: 'Change Control and Configuration Management (CCC)',
    qs: [
      q('CCC-02.1', '', '', 'Are changes to production systems managed through a documented change-control process using version control?', [9]),
    ],
  },
  {
    title: 'Cryptography, Encryption & Key Management (CEK)',
    qs: [
      q('CEK-03.1', '', '', 'Do you encrypt customer data at rest?', [33]),
      q('CEK-03.2', '', '', 'Is all data in transit over public networks encrypted using TLS 1.2 or higher?', [42]),
      q('CEK-04.1', '', '', 'Are separate encryption keys used for different tenants?', [34], [44]),
      q('CEK-10.1', '', '', 'Do you support customer-managed encryption keys (BYOK/HYOK)?', [], [34], 'BYOK: no item; 34 only says several keys limit the blast radius'),
    ],
  },
  {
    title: 'Datacenter Security (DCS)',
    qs: [
      q('DCS-04.1', '', '', 'Is the use of removable media restricted, and are storage media securely wiped and verified before disposal?', [48]),
      q('DCS-07.1', '', '', 'Are physical access controls (badge readers, CCTV, visitor logs) in place at the data centres hosting customer data?', [], [41], 'physical DC security: no item'),
    ],
  },
  {
    title: 'Data Security and Privacy Lifecycle Management (DSP)',
    qs: [
      q('DSP-04.1', '', '', 'In which countries will customer data be stored and processed?', [49], [6]),
      q('DSP-10.1', '', '', 'Will any personal data be transferred outside the UK/EEA? If so, which transfer safeguards (e.g. SCCs, adequacy decision) are relied upon?', [], [49], 'transfer mechanism not covered; 49 only says DC and company are under Japanese law'),
      q('DSP-11.1', '', '', 'Will you enter into a data processing agreement that meets the requirements of GDPR Article 28?', [], [], 'GDPR DPA: no item'),
      q('DSP-12.1', '', '', "Can specific personal data be erased on request, to support data subjects' right to erasure under GDPR?", [31], [], "31: deletion function lets records be deleted at any time"),
      q('DSP-16.1', '', '', 'On termination, will all customer data be returned in a usable format and then securely deleted, with written confirmation of deletion?', [36], [31, 8]),
      q('DSP-18.1', '', '', 'Is customer data used to train machine-learning or generative AI models?', [], [], 'AI training use: no item'),
    ],
  },
  {
    title: 'Human Resources (HRS) / Identity & Access Management (IAM)',
    qs: [
      q('HRS-02.1', '', '', 'Are background verification checks carried out on all new employees and contractors, in line with local law?', [], [], 'screening: no item'),
      q('IAM-14.1', '', '', 'Does the service support SAML 2.0 single sign-on with our identity provider?', [], [23], 'SSO: no item'),
      q('IAM-15.1', '', '', 'Is multi-factor authentication enforced for all administrative access to production systems?', [], [45, 46], "45 mentions location/authentication controls for staff but not MFA"),
    ],
  },
  {
    title: 'Logging and Monitoring (LOG) / Security Incident Management (SEF)',
    qs: [
      q('LOG-03.1', '', '', 'Are system capacity and performance monitored, with alerts raised when defined thresholds are exceeded?', [13], [16]),
      q('LOG-05.1', '', '', 'Are audit logs of user activity within the application made available to customers?', [18], [46], 'customer-visible logs: 18 (answer 無)'),
      q('LOG-08.1', '', '', 'Are security-relevant logs retained for at least 12 months?', [30], [46], '30: logs kept at least one year'),
      q('SEF-07.1', '', '', 'How will you notify us of a security breach affecting our data, and within what timeframe?', [46], [14, 15], 'no breach-notification commitment as such; 46 promises information/investigation on a security incident, 14/15 give channel and timing for service failures'),
      q('SEF-09.1', '', '', 'What liability and compensation do you accept in the event of loss or corruption of customer data?', [35]),
    ],
  },
  {
    title: 'Supply Chain (STA) / Threat & Vulnerability Management (TVM) / Infrastructure (IVS)',
    qs: [
      q('STA-09.1', '', '', 'Do you maintain a list of sub-processors and notify customers before engaging a new one?', [], [], 'sub-processors: no item'),
      q('TVM-02.1', '', '', 'Is anti-malware software installed and kept up to date on all servers and endpoints?', [47], [], '47: no AV on servers, on-demand scans on operator PCs'),
      q('TVM-09.1', '', '', 'Do you operate a vulnerability disclosure programme through which external researchers can report issues?', [], [], 'VDP: no item'),
      q('IVS-09.1', '', '', 'Are network defences such as a web application firewall and DDoS mitigation in place?', [], [], 'WAF/DDoS: no item'),
    ],
  },
];

async function buildCaiq(file) {
  const wb = newBook('Halvorsen & Reid plc — Third-Party Risk', FIXED_DATE);
  const F = { name: 'Calibri', size: 11 };
  // Read Me
  const rm = wb.addWorksheet('Read Me');
  rm.columns = [{ width: 110 }];
  const readme = [
    'Halvorsen & Reid plc — Cloud Vendor Security Questionnaire',
    'Based on the CSA Consensus Assessments Initiative Questionnaire (CAIQ) v4.0.3, tailored by Group Third-Party Risk.',
    '',
    'Instructions',
    '1. Complete the "CAIQ" tab. Select a consensus answer (Yes, No or NA) for every control question.',
    '2. Use the Notes column to give supporting detail, including any compensating controls. Where NA is selected, explain why.',
    '3. Evidence (certificates, audit reports, policies) should be uploaded to the supplier portal, not embedded in this workbook.',
    '4. Responses are treated as confidential and are used solely for the purpose of supplier due diligence under UK GDPR and EU GDPR.',
    '',
    'Contact: third-party-risk@halvorsen-reid.example',
  ];
  readme.forEach((t, i) => {
    const c = rm.getCell(i + 1, 1);
    c.value = t || null;
    c.font = { ...F, bold: i === 0 || t === 'Instructions', size: i === 0 ? 14 : 11 };
    c.alignment = { wrapText: true };
  });
  // CAIQ
  const name = 'CAIQ';
  const HEADER = 4;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER }] });
  const widths = [13, 78, 16, 50, 18];
  ws.columns = widths.map((w) => ({ width: w }));
  mergedText(ws, 'A1:E1', 'Cloud Vendor Security Questionnaire (CAIQ v4 format)', { font: { ...F, size: 14, bold: true } });
  ws.getCell('A2').value = 'Vendor name:';
  ws.getCell('C2').value = 'Date:';
  ws.getCell('B2').border = { bottom: thin };
  ws.getCell('D2').border = { bottom: thin };
  mergedText(ws, 'A3:E3', 'Answer every row. Consensus answers must be Yes, No or NA; free text in Notes. Shaded column E is for Halvorsen & Reid reviewers.', { font: { ...F, italic: true, size: 9 } });
  headerRow(ws, HEADER, ['Control ID', 'Question', 'Consensus answer (Yes/No/NA)', 'Notes', 'Reviewer use only'], { font: { ...F, bold: true, color: { argb: 'FFFFFFFF' } }, fill: fill('FF203864'), border: BORDER, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' } });
  ws.getRow(HEADER).height = 32;
  const questions = [];
  let r = HEADER + 1;
  for (const d of CAIQ_DOMAINS) {
    sectionRow(ws, r, 5, d.title, { font: { ...F, bold: true }, fill: fill('FFD6DCE4'), border: BORDER });
    r++;
    for (const qq of d.qs) {
      ws.getRow(r).values = [qq.no, qq.text];
      bodyRow(ws, r, 5, F);
      fillCells(ws, r, [3, 4], INPUT);
      ws.getCell(r, 5).fill = fill('FFE7E6E6');
      choiceList(ws.getCell(r, 3), ['Yes', 'No', 'NA'], 'Select Yes, No or NA');
      fitRow(ws, r, qq.text, widths[1], { per: 15 });
      questions.push(label(qq, r));
      r++;
    }
  }
  wb.views = [{ activeTab: 1 }];
  return saveBook(wb, outDir, file, {
    layout:
      'sheets Read Me (instructions, no questions) and CAIQ: title row 1, Vendor name/Date fields row 2, instruction row 3, header row 4 (Control ID, Question, Consensus answer (Yes/No/NA), Notes, Reviewer use only); CAIQ-style domain rows merged A:E between groups; A=Control ID like BCR-08.1; B=question in English (British spelling in places); C=Yes/No/NA drop-down; D=Notes (free text); includes GDPR / data-residency questions',
    sheets: [noQuestions('Read Me'), { name, headerRow: HEADER, questionColumn: 'B', answerColumn: 'D', choiceColumn: 'C', choices: ['Yes', 'No', 'NA'], questions }],
  });
}

// ======================================================================
// 05  Foreign-affiliated Japanese company — bilingual cells (Japanese + English)
// ======================================================================
const BI = [
  q(1, '可用性 / Availability', '', 'サービスは24時間365日利用できますか。/ Is the service available 24/7?', [1]),
  q(2, '可用性 / Availability', '', '過去12か月間の稼働率を教えてください。/ What was the service uptime over the past 12 months?', [5]),
  q(3, '可用性 / Availability', '', '計画メンテナンスは何日前に通知されますか。/ How many days in advance are planned maintenance windows announced?', [2]),
  q(4, '可用性 / Availability', '', 'サービス提供を終了する場合、何か月前に通知されますか。/ How many months\' notice will you give before discontinuing the service?', [3]),
  q(5, '可用性 / Availability', '', '障害発生から復旧までの平均時間はどれくらいですか。/ What is the average time to recover from an outage?', [10], [11]),
  q(6, '可用性 / Availability', '', 'システム障害が発生した際の連絡方法を教えてください。\nHow will you inform us of a system outage?', [14], [15], 'Japanese and English separated by a line break instead of " / "'),
  q(7, '性能 / Performance', '', 'レスポンスタイムの目標値はありますか。/ Do you have a target response time for the application?', [19]),
  q(8, '性能 / Performance', '', 'ストレージ容量に上限はありますか。/ Is there a storage quota per tenant?', [25]),
  q(9, 'サポート / Support', '', '障害時の問い合わせ受付時間は？ / What are the support hours for reporting an incident?', [26], [27]),
  q(10, 'サポート / Support', '', '英語でのサポートは可能ですか。/ Is support available in English?', [], [], 'support language: no item (26/27 give hours and channel only)'),
  q(11, 'データ / Data', '', 'データのバックアップを取得していますか。/ Do you take backups of our data?', [28]),
  q(12, 'データ / Data', '', 'バックアップから何世代前まで復元できますか。/ How many generations of backups can be restored?', [32], [7], 'seed quirk: 7 says 7 generations, 32 says 3'),
  q(13, 'データ / Data', '', 'ユーザーのパスワードはハッシュ化して保存されていますか。/ Are user passwords stored in hashed form?', [33], [], '33: passwords stored with irreversible encryption'),
  q(14, 'データ / Data', '', 'データの整合性を検証する仕組みはありますか。/ Do you have controls to verify data integrity?', [37]),
  q(15, 'データ / Data', '', 'データ保管国の法制度（政府によるデータアクセス等）による制約を把握していますか。/ Are you aware of legal constraints, such as government access, in the jurisdiction where data is stored?', [49]),
  q(16, 'データ / Data', '', '解約後、データはどのように消去されますか。/ How is our data deleted after termination?', [31], [36]),
  q(19, 'セキュリティ / Security', '', 'SOC 2 Type II報告書を提出できますか。/ Can you provide a SOC 2 Type II report?', [43], [39]),
  q(20, 'セキュリティ / Security', '', '本番環境にアクセスできる従業員は限定されていますか。/ Is access to production limited to authorised staff?', [45], [41]),
  q(22, 'セキュリティ / Security', '', 'シングルサインオン（Microsoft Entra ID / Okta）に対応していますか。/ Do you support SSO with Microsoft Entra ID or Okta?', [], [23], 'SSO: no item'),
  q(23, 'セキュリティ / Security', '', '多要素認証を利用できますか。/ Is MFA available for user accounts?', [], [], 'MFA: no item'),
  q(24, 'セキュリティ / Security', '', 'データ漏えい時の損害賠償の上限はいくらですか。/ What is the cap on liability for a data breach?', [35]),
  q(25, 'コンプライアンス / Compliance', '', '米国本社のセキュリティ基準との整合を確認するため、情報セキュリティポリシーを開示いただけますか。/ Can you share your information security policy so that our US headquarters can check alignment with its standards?', [], [], 'security policy document: no item'),
  q(26, 'コンプライアンス / Compliance', '', '個人情報の利用目的を公表していますか。/ Do you publish the purposes for which personal information is used?', [], [], 'purpose of use: no item'),
  q(27, 'コンプライアンス / Compliance', '', 'プライバシーポリシーの英語版はありますか。/ Is your privacy policy available in English?', [], [], 'privacy policy: no item'),
  q(28, 'コンプライアンス / Compliance', '', '反社会的勢力との関係がないことを確約できますか。/ Can you confirm that you have no relationship with anti-social forces?', [], [], '反社会的勢力: no item'),
];
BI.forEach((x, i) => (x.no = i + 1));

async function buildBilingual(file) {
  const wb = newBook('Laurel Japan G.K. Procurement', FIXED_DATE);
  const F = { name: 'Yu Gothic UI', size: 10 };
  const ins = wb.addWorksheet('記入方法 (Instructions)');
  ins.columns = [{ width: 100 }];
  [
    '記入方法 / Instructions',
    '1. 「Checklist」シートの各質問について、「回答 / Answer」欄のプルダウンから選択してください。',
    '   For each question on the "Checklist" sheet, select an answer from the drop-down in the Answer column.',
    '2. 補足事項は「補足 / Comments」欄に日本語または英語でご記入ください。',
    '   Add any details in the Comments column, in Japanese or English.',
    '3. 回答は米国本社のグローバル調達チームとも共有されます。/ Responses will be shared with our global procurement team in the US.',
  ].forEach((t, i) => {
    ins.getCell(i + 1, 1).value = t;
    ins.getCell(i + 1, 1).font = { ...F, bold: i === 0, size: i === 0 ? 13 : 10 };
  });
  const name = 'Checklist';
  const HEADER = 4;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER }] });
  const widths = [6, 22, 80, 16, 44];
  ws.columns = widths.map((w) => ({ width: w }));
  mergedText(ws, 'A1:E1', 'ベンダーセキュリティ確認書 / Vendor Security Checklist', { font: { ...F, size: 14, bold: true } });
  mergedText(ws, 'A2:E2', 'ラウレル・ジャパン合同会社 調達部 / Laurel Japan G.K. Procurement Department');
  mergedText(ws, 'A3:E3', '回答はプルダウンから選択 / Select an answer from the list', { font: { ...F, size: 9, color: { argb: 'FF7F7F7F' } } });
  headerRow(ws, HEADER, ['No.', '分類 / Category', '質問 / Question', '回答 / Answer', '補足 / Comments'], { font: { ...F, bold: true }, fill: fill('FFBDD7EE'), border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } });
  const CHOICES = ['はい / Yes', 'いいえ / No', '該当なし / N/A'];
  const questions = [];
  let r = HEADER + 1;
  for (const qq of BI) {
    ws.getRow(r).values = [qq.no, qq.cat, qq.text];
    bodyRow(ws, r, 5, F);
    fillCells(ws, r, [4, 5], INPUT);
    choiceList(ws.getCell(r, 4), CHOICES, 'はい / Yes, いいえ / No, 該当なし / N/A');
    fitRow(ws, r, qq.text, widths[2]);
    questions.push(label(qq, r));
    r++;
  }
  wb.views = [{ activeTab: 1 }];
  return saveBook(wb, outDir, file, {
    layout:
      'sheets 記入方法 (Instructions) (bilingual instructions, no questions) and Checklist: title/company/instruction rows 1-3, header row 4 with bilingual headers (No., 分類 / Category, 質問 / Question, 回答 / Answer, 補足 / Comments); each question cell holds Japanese then English, joined by " / " (one cell uses a line break instead); D=「はい / Yes」「いいえ / No」「該当なし / N/A」 drop-down; E=free-text comments',
    sheets: [noQuestions('記入方法 (Instructions)'), { name, headerRow: HEADER, questionColumn: 'C', answerColumn: 'E', choiceColumn: 'D', choices: CHOICES, questions }],
  });
}

// ---------------------------------------------------------------- main
const workbooks = [];
workbooks.push(await buildInsurer('01-insurer-shirakaba-itakusaki-hyoka.xlsx'));
workbooks.push(await buildEc('02-ec-hakobe-hearing.xlsx'));
workbooks.push(await buildMfg('03-manufacturer-shinonome-chosahyo.xlsx'));
workbooks.push(await buildCaiq('04-enterprise-halvorsen-caiq-v4.xlsx'));
workbooks.push(await buildBilingual('05-gaishi-laurel-bilingual.xlsx'));
writeLabels(outDir, workbooks);

// ---------------------------------------------------------------- self-check
const JA_Q = /([?？]|か。?|でしょうか。?)\s*$/; // imperative 「〜ください。」 alone is not treated as a question here
const EN_Q = /^(Do|Does|Is|Are|Can|Could|Will|Would|What|How|Which|Where|When|Who|Have|Has|Please)\b/;
const problems = await checkSet(outDir, workbooks, { looksLikeQuestion: (t) => JA_Q.test(t) || EN_Q.test(t) || /[?？]/.test(t), nonQuestions });
// 集計 is a summary of formulas over 調査票
const summary = XLSX.read(fs.readFileSync(path.join(outDir, workbooks[2].file))).Sheets['集計'];
const formulas = Object.keys(summary).filter((k) => !k.startsWith('!') && summary[k].f).length;
if (formulas < 20) problems.push(`${workbooks[2].file}/集計: expected formulas, found ${formulas}`);
report(workbooks, problems);
