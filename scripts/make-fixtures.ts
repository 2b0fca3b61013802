// npx tsx scripts/make-fixtures.ts [file …]
// Writes the small test workbooks under fixtures/workbooks/: one per questionnaire layout qmap must
// read, and one per kind of bad upload; with file names, only those. Content is deterministic; xlsx
// bytes differ between runs only by zip timestamps.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import * as codepages from 'xlsx/dist/cpexcel.full.mjs';
import { fixturesDir } from '../src/paths.js';

// The module's runtime exports (utils) differ from its bundled type declarations (a default export).
const cptable = codepages as unknown as { utils: { encode(codepage: number, text: string): ArrayLike<number> } };
const out = join(fixturesDir, 'workbooks');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const save = (name: string, bytes: Uint8Array | string) => {
  if (!only.length || only.includes(name)) writeFileSync(join(out, name), bytes);
};
const xlsxBytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

const yesNo = { type: 'list' as const, allowBlank: true, formulae: ['"はい,いいえ,該当なし"'] };

/** Title and instructions above a header on row 4; 大分類 merged vertically; はい/いいえ drop-down beside 備考. */
async function titleBlock(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('チェックシート');
  ws.getCell('A1').value = 'クラウドサービス　セキュリティチェックシート';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = '株式会社サンプル銀行　システム部';
  ws.getCell('A3').value = '【記入方法】「回答」欄はプルダウンから選択し、補足があれば「回答補足・備考」欄にご記入ください。';
  ws.mergeCells('A3:E3');
  ws.addRow(['No.', '大分類', '確認項目', '回答\n（プルダウン：はい／いいえ／該当なし）', '回答補足・備考']);
  const rows: [string, string][] = [
    ['データ管理', 'お客様データのバックアップを定期的に取得していますか。'],
    ['', '保存データを暗号化していますか。'],
    ['', '契約終了時にデータを消去していただけますか。'],
    ['アクセス管理', '管理者IDは個人単位で付与されていますか。'],
    ['', '多要素認証に対応していますか。'],
  ];
  rows.forEach(([cat, q], i) => ws.addRow([i + 1, cat, q, '', '']));
  ws.mergeCells('B5:B7');
  ws.mergeCells('B8:B9');
  for (let r = 5; r <= 9; r++) ws.getCell(`D${r}`).dataValidation = yesNo;
  ws.addRow([]);
  ws.addRow(['※ご回答内容は委託先評価にのみ使用します。']);
  ws.mergeCells('A11:E11');
  return xlsxBytes(wb);
}

/** Bilingual headers, 1-1 numbering, category text with an English line, ○△×－ drop-down, rich-text question. */
async function bilingual(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Checklist');
  ws.getCell('A1').value = 'セキュリティ確認シート（Security Checklist）';
  ws.addRow([]);
  ws.addRow(['No.', '区分 / Category', '確認事項 / Question', '対応状況 / Status', '回答 / Answer', '備考 / Remarks']);
  ws.addRow(['1-1', '組織\nOrganization', '情報セキュリティ管理体制について、具体的にご記入ください。']);
  ws.addRow(['1-2', '組織\nOrganization', '']);
  ws.getCell('C5').value = { richText: [{ font: { color: { argb: 'FFFF0000' } }, text: '【必須】' }, { text: 'データセンターの所在国をご記入ください。' }] };
  ws.addRow(['2-1', 'データ\nData Handling', 'バックアップの取得頻度をご記入ください。']);
  for (let r = 4; r <= 6; r++) ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"○,△,×,－"'] };
  ws.getCell('E6').value = '日次で取得しています。';
  return xlsxBytes(wb);
}

/** Cover, instructions and history sheets without questions; questions split over two sheets with the
 *  header repeated; a formula summary; the drop-down values kept on a hidden list sheet. */
async function multiSheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('表紙');
  cover.addRow(['クラウドサービス調査票']);
  cover.addRow([]);
  cover.addRow(['会社名', '']);
  cover.addRow(['記入日', '']);
  cover.addRow(['記入者', '']);
  const guide = wb.addWorksheet('記入要領');
  guide.addRow(['記入要領']);
  guide.addRow(['1.', '各シートの「ご回答」欄に回答をご記入ください。']);
  guide.addRow(['2.', '「対応」欄はプルダウンから選択してください。']);
  guide.addRow(['3.', '根拠資料がある場合は資料名をご記入ください。']);
  guide.addRow(['4.', 'ご不明な点はお問い合わせください。']);
  const header = ['項番', '分類', '質問事項', '対応', 'ご回答', '根拠資料'];
  const part1 = wb.addWorksheet('運用');
  part1.addRow(['【運用編】']);
  part1.addRow(header);
  part1.addRow(['OP-01', 'サービス', 'サービス提供時間帯']);
  part1.addRow(['OP-02', '障害対応', '障害発生時の連絡体制']);
  const part2 = wb.addWorksheet('セキュリティ');
  part2.addRow(['【セキュリティ編】']);
  part2.addRow([]);
  part2.addRow(header);
  part2.addRow(['SC-01', '認証', '第三者認証の取得状況']);
  part2.addRow(['SC-02', '暗号化', '通信の暗号化（TLSバージョン）']);
  part2.addRow(['SC-03', '暗号化', '保存データの暗号化方式']);
  const lists = wb.addWorksheet('lists', { state: 'hidden' });
  ['対応済', '一部対応', '未対応'].forEach((v) => lists.addRow([v]));
  for (const [ws, first, last] of [[part1, 3, 4], [part2, 4, 6]] as const) {
    for (let r = first; r <= last; r++) ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['lists!$A$1:$A$3'] };
  }
  const summary = wb.addWorksheet('集計');
  summary.addRow(['シート', '回答済み', '未回答', '回答率']);
  summary.addRow(['運用', { formula: 'COUNTA(運用!E3:E4)', result: 0 }, { formula: 'COUNTBLANK(運用!E3:E4)', result: 2 }, { formula: 'B2/(B2+C2)', result: 0 }]);
  summary.addRow(['セキュリティ', { formula: 'COUNTA(セキュリティ!E4:E6)', result: 0 }, { formula: 'COUNTBLANK(セキュリティ!E4:E6)', result: 3 }, { formula: 'B3/(B3+C3)', result: 0 }]);
  const history = wb.addWorksheet('改訂履歴');
  history.addRow(['版数', '改訂日', '改訂内容', '改訂者']);
  history.addRow(['1.0', '2023/04/01', '初版作成', '情報システム部']);
  history.addRow(['1.1', '2024/04/01', '確認項目を追加しました。ご確認ください。', '情報システム部']);
  return xlsxBytes(wb);
}

/** Section rows merged across the table, an example row, a deleted row, a struck-out row, question text
 *  merged B:E, the answer in F and a column for the customer's own evaluation in G. */
async function sections(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('調査票');
  ws.getCell('A1').value = 'セキュリティ調査票';
  ws.mergeCells('A1:G1');
  ws.getRow(3).values = ['No.', '確認内容', '', '', '', '回答（貴社記入欄）', '評価\n（当社記入欄）'];
  ws.mergeCells('B3:E3');
  const rows: (string | number)[][] = [
    ['記入例', 'ウイルス対策ソフトの導入状況', '', '', '', '全サーバに導入済み。', '－'],
    ['１．サービス提供'],
    [1, 'サービス利用可能時間帯'],
    [2, 'RTO／RPO'],
    ['２．データ管理'],
    [3, 'バックアップ取得頻度／保存世代数'],
    [4, '（削除）'],
    [5, 'データ保管国'],
    [6, '旧：磁気テープの保管方法'],
    [7, '保存データの暗号化方式（例：AES-256）'],
  ];
  rows.forEach((values, i) => {
    const r = 4 + i;
    ws.getRow(r).values = values;
    if (values.length === 1) ws.mergeCells(`A${r}:G${r}`);
    else ws.mergeCells(`B${r}:E${r}`);
  });
  ws.getCell('B12').font = { strike: true };
  ws.addRow([]);
  ws.addRow(['※ご回答内容は当社にて審査いたします。']);
  ws.mergeCells('A15:G15');
  return xlsxBytes(wb);
}

/** Q1.2-style numbering; one question runs on into an unnumbered second row, its answer cell merged over both. */
async function continued(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Questions');
  ws.addRow(['#', 'Question', 'Answer']);
  ws.addRow(['Q1.1', 'Do you encrypt customer data at rest?', '']);
  ws.addRow(['Q1.2', 'Describe how backups are taken, where they are stored', '']);
  ws.addRow(['', 'and how long each generation is kept.', '']);
  ws.mergeCells('C3:C4');
  ws.addRow(['Q1.3', 'Is there a documented incident response plan?', '']);
  return xlsxBytes(wb);
}

/** No header at all: each question is a merged line and the answer box is the merged line under it. */
async function answerBelow(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ヒアリングシート');
  ws.getCell('A1').value = 'ヒアリングシート';
  const qs = ['1. 貴社のサービスの稼働率の目標値を教えてください。', '2. データのバックアップはどのように取得していますか。', '3. 通信は暗号化されていますか。'];
  qs.forEach((q, i) => {
    const r = 3 + i * 3;
    ws.getCell(`A${r}`).value = q;
    ws.mergeCells(`A${r}:F${r}`);
    ws.mergeCells(`A${r + 1}:F${r + 1}`);
  });
  ws.getCell('A7').value = '日次で取得し、7世代保管しています。';
  return xlsxBytes(wb);
}

/** A hidden column between the question and the real answer column, itself headed 回答. */
async function hiddenColumn(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('質問票');
  ws.addRow(['No', '質問', '回答（旧様式）', 'ご回答', '備考']);
  ws.addRow([1, 'SLAを定めていますか。', '', '', '']);
  ws.addRow([2, '脆弱性診断を実施していますか。', '', '', '']);
  ws.getColumn(3).hidden = true;
  return xlsxBytes(wb);
}

/** English headers with section rows, an answer-options column, and a Yes/No/NA choice column. */
async function english(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Security');
  ws.addRow(['Vendor Security Questionnaire']);
  ws.addRow([]);
  ws.addRow(['ID', 'Question', 'Answer options', 'Yes/No/NA', 'Comments']);
  ws.addRow(['Network']);
  ws.mergeCells('A4:E4');
  ws.addRow(['net_fw', 'Do you use firewalls at the network perimeter?', '○ Yes\n○ No', '', '']);
  ws.addRow(['', 'How often are firewall rules reviewed?', '○ Quarterly\n○ Annually', '', '']);
  ws.addRow(['Data']);
  ws.mergeCells('A7:E7');
  ws.addRow(['data_enc', 'Is customer data encrypted at rest?', '○ Yes\n○ No', 'Yes', 'AES-256']);
  return xlsxBytes(wb);
}

/** A two-row header: 回答欄 merged over a 選択 drop-down and a 補足説明 column. */
async function twoRowHeader(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('確認シート');
  ws.getCell('A1').value = '委託先確認シート';
  ws.getRow(3).values = ['No', '確認項目', '回答欄', ''];
  ws.getRow(4).values = ['', '', '選択', '補足説明'];
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:D3');
  ws.getRow(5).values = [1, 'ログを1年以上保管していますか。', '', ''];
  ws.getRow(6).values = [2, '障害時の連絡体制を定めていますか。', '', ''];
  for (const r of [5, 6]) ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"はい,いいえ"'] };
  return xlsxBytes(wb);
}

/** 回答 merged over a headerless drop-down and the free-text column beside it; numbers are formulas. */
async function mergedAnswerHeader(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getRow(1).values = ['No', '質問', '回答', ''];
  ws.mergeCells('C1:D1');
  const qs = ['クラウド事業者の所在国はどこですか。', '障害発生時の復旧目標時間を教えてください。', 'データの暗号化方式を教えてください。'];
  qs.forEach((q, i) => {
    const r = i + 2;
    ws.getRow(r).values = [{ formula: 'ROW()-1', result: i + 1 }, q, '', ''];
    ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"対応可,対応不可"'] };
  });
  return xlsxBytes(wb);
}

/** Numbered section rows (1 組織的対策) heading their numbered questions (1-1, 1-2). */
async function numberedSections(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('チェックリスト');
  ws.addRow(['項番', 'チェック項目', '回答', '備考']);
  ws.addRow(['1', '組織的対策']);
  ws.addRow(['1-1', '情報セキュリティ責任者を任命していますか。']);
  ws.addRow(['1-2', '委託先の管理規程はありますか。']);
  ws.addRow(['2', '技術的対策']);
  ws.addRow(['2-1', '通信を暗号化していますか。']);
  return xlsxBytes(wb);
}

/** CAIQ-style: Yes | No | N/A tick columns under one merged answers header, and a Notes column. */
async function tickColumns(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('CAIQ');
  ws.getRow(1).values = ['Control ID', 'Question ID', 'Consensus Assessment Questions', 'Consensus Assessment Answers', '', '', 'Notes'];
  ws.mergeCells('D1:F1');
  ws.getRow(2).values = ['', '', '', 'Yes', 'No', 'N/A', ''];
  ws.getRow(3).values = ['AIS-01', 'AIS-01.1', 'Do you use industry standards to build in security for your systems development lifecycle?'];
  ws.getRow(4).values = ['AIS-01', 'AIS-01.2', 'Do you use an automated source code analysis tool to detect security defects in code prior to production?'];
  return xlsxBytes(wb);
}

/** A city's 確認書: section rows, the city's own 重要度 drop-down, then a 回答区分 drop-down of
 *  適合/一部適合/不適合/該当なし and free text in 回答内容. */
async function choiceCategory(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('確認書');
  ws.getCell('A1').value = 'クラウドサービス利用に係る確認書';
  ws.getCell('A2').value = '※「回答区分」欄は一覧から選択し、「回答内容」欄に具体的な内容をご記入ください。';
  ws.getRow(3).values = ['項番', '重要度', '確認項目', '回答区分', '回答内容', '根拠資料・備考'];
  ws.getRow(4).values = ['１　管理体制'];
  ws.getRow(5).values = ['1-(1)', 'A', '情報セキュリティ責任者を定めていますか。'];
  ws.getRow(6).values = ['1-(2)', 'B', '従業者に守秘義務を課していますか。'];
  ws.getRow(7).values = ['２　データ保護'];
  ws.getRow(8).values = ['2-(1)', 'A', '保存データを暗号化していますか。'];
  for (const r of [5, 6, 8]) {
    ws.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"A,B,C"'] };
    ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"適合,一部適合,不適合,該当なし"'] };
  }
  return xlsxBytes(wb);
}

/** An insurer's 評価シート: 評価区分 (◎○△×) picked from a drop-down, 回答内容 beside it, and the
 *  insurer's own 当社評価欄, itself a drop-down, which qmap must leave alone. */
async function ratingMarks(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('評価シート');
  ws.getCell('A1').value = '外部委託先評価シート';
  ws.getCell('A2').value = '「評価区分」欄は ◎：十分に実施　○：実施　△：一部実施　×：未実施 から選択してください。';
  ws.getRow(4).values = ['項番', '評価項目', '評価区分\n（◎○△×）', '回答内容', '当社評価欄'];
  ws.getRow(5).values = [1, '個人情報の取扱いに関する規程を整備していますか。'];
  ws.getRow(6).values = [2, 'アクセスログを取得し、定期的に確認していますか。'];
  ws.getRow(7).values = [3, '委託業務の再委託先を管理していますか。'];
  for (let r = 5; r <= 7; r++) {
    ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"◎,○,△,×"'] };
    ws.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"可,否,要確認"'] };
  }
  return xlsxBytes(wb);
}

/** Two assessment drop-downs: 評価 left of the free-text 説明 is the vendor's pick; 判定 after it is the customer's. */
async function verdictColumns(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自己点検');
  ws.addRow(['No', '点検項目', '評価', '説明', '判定']);
  ws.addRow([1, '入退室の記録を保管していますか。']);
  ws.addRow([2, '退職者のアカウントを速やかに削除していますか。']);
  ws.addRow([3, 'バックアップからの復旧を訓練していますか。']);
  for (let r = 2; r <= 4; r++) {
    ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"◎,○,△,×"'] };
    ws.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"合格,要改善"'] };
  }
  return xlsxBytes(wb);
}

/** Only a はい/いいえ drop-down to answer: no column for free text. */
async function choiceOnly(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('チェック');
  ws.addRow(['No', '質問', '回答']);
  ws.addRow([1, '多要素認証に対応していますか。', '']);
  ws.addRow([2, 'データセンターは国内にありますか。', '']);
  ws.addRow([3, '脆弱性診断を年1回以上実施していますか。', '']);
  for (let r = 2; r <= 4; r++) ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"はい,いいえ"'] };
  return xlsxBytes(wb);
}

/** An "Answers" column listing each row's options (○ Yes / ○ No) left of the real "Your response" column. */
async function optionLists(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Security');
  ws.addRow(['ID', 'Question', 'Answers', 'Your response', 'Comments']);
  ws.addRow(['net_fw', 'Do you filter inbound traffic with firewalls?', '○ Yes, all inbound traffic\n○ Only some\n○ No']);
  ws.addRow(['net_ids', 'Do you monitor your network for intrusions?', '○ Yes\n○ No']);
  ws.addRow(['dc_count', 'How many data centers hold customer data?', '']);
  ws.addRow(['bk_test', 'Do you test restoring your backups?', '○ Yes, quarterly\n○ Yes, yearly\n○ No']);
  return xlsxBytes(wb);
}

/** A hand-made package whose workbook names two sheets 質問, which Excel never writes. */
function duplicateSheetNames(): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const sheet = (text: string) =>
    strToU8(`<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`);
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="質問" sheetId="1" r:id="rId1"/><sheet name="質問" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': sheet('一つ目'),
    'xl/worksheets/sheet2.xml': sheet('二つ目'),
  });
}

/** Only a cover and a revision history: nothing to answer. */
async function noQuestions(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('表紙');
  cover.addRow(['調査票']);
  cover.addRow(['会社名', '']);
  const history = wb.addWorksheet('改訂履歴');
  history.addRow(['版数', '改訂日', '改訂内容']);
  history.addRow(['1.0', '2024/04/01', '初版']);
  return xlsxBytes(wb);
}

/** A sheet of the given size, for the row and column limits. */
function sized(rows: number, cols: number): Uint8Array {
  const aoa = [['No', '質問', '回答'], ...Array.from({ length: rows - 1 }, (_, i) => [i + 1, `質問${i + 1}はありますか。`, ''])];
  aoa[1] = [...aoa[1], ...Array.from({ length: cols - 3 }, () => 'x')];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

/** Converts an xlsx to another format with SheetJS (xls, ods, xlsm). */
function convert(bytes: Uint8Array, bookType: 'xls' | 'ods' | 'xlsm'): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'buffer', cellStyles: true });
  return XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array;
}

/** What Excel's "Encrypt with Password" produces: an OLE container holding EncryptionInfo and EncryptedPackage. */
function encrypted(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array(64).fill(4));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array;
}

/** A zip bomb that lies: every local header and directory entry claims 100 bytes uncompressed. */
function understateSizes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && i + 26 <= zip.length) view.setUint32(i + 22, 100, true);
    if (signature === 0x02014b50 && i + 28 <= zip.length) view.setUint32(i + 24, 100, true);
  }
  return zip;
}

async function main() {
  const title = await titleBlock();
  save('layout-title-block.xlsx', title);
  save('layout-bilingual.xlsx', await bilingual());
  save('layout-multi-sheet.xlsx', await multiSheet());
  save('layout-sections.xlsx', await sections());
  save('layout-continued.xlsx', await continued());
  save('layout-answer-below.xlsx', await answerBelow());
  save('layout-hidden-column.xlsx', await hiddenColumn());
  save('layout-english.xlsx', await english());
  save('layout-two-row-header.xlsx', await twoRowHeader());
  save('layout-merged-answer-header.xlsx', await mergedAnswerHeader());
  save('layout-numbered-sections.xlsx', await numberedSections());
  save('layout-tick-columns.xlsx', await tickColumns());
  save('layout-choice-category.xlsx', await choiceCategory());
  save('layout-rating-marks.xlsx', await ratingMarks());
  save('layout-choice-only.xlsx', await choiceOnly());
  save('layout-verdict-columns.xlsx', await verdictColumns());
  save('layout-option-lists.xlsx', await optionLists());
  save('layout-title-block.xls', convert(title, 'xls'));
  save('layout-title-block.ods', convert(title, 'ods'));
  save('layout-title-block.xlsm', convert(title, 'xlsm'));

  const csv = 'No,質問,回答,備考\r\n1,サービスの稼働時間は？,,\r\n2,"データは暗号化されていますか。\n保存時と通信時の両方についてお答えください。",,\r\n3,ISMS認証を取得していますか。,,\r\n';
  save('csv-utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
  save('csv-shift-jis.csv', Uint8Array.from(cptable.utils.encode(932, csv)));

  save('bad-no-questions.xlsx', await noQuestions());
  save('bad-empty.xlsx', new Uint8Array(0));
  save('bad-pdf.xlsx', '%PDF-1.4\n% not a workbook\n');
  save('bad-html.xls', '<html><body><table><tr><td>質問</td></tr></table></body></html>');
  save('bad-garbage.xlsx', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
  save('bad-truncated.xlsx', title.subarray(0, Math.floor(title.length / 2)));
  save('bad-word.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
  save('bad-encrypted.xlsx', encrypted());
  save('bad-duplicate-sheet-names.xlsx', duplicateSheetNames());
  // 4 MB of zeros deflate to a few KB: a small zip bomb for a test that sets a 1 MB limit.
  save('bad-zip-bomb.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(4 << 20) }, { level: 9 }));
  save('bad-zip-lying-sizes.xlsx', understateSizes(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(4 << 20) }, { level: 9 })));
  save('bad-invalid-text.csv', Uint8Array.from([0x4e, 0x6f, 0x2c, 0x82, 0xff, 0xfe, 0x80, 0x0d, 0x0a]));
  save('bad-many-rows.xlsx', sized(40, 3));
  save('bad-many-columns.xlsx', sized(3, 40));
  console.log(`fixtures written to ${out}`);
}

await main();
