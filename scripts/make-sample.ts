// npx tsx scripts/make-sample.ts
// Writes the sample questionnaire a first-time user can try qmap with: a customer's 15-question
// セキュリティチェックシート as such files come (a title, who sends it, how to fill it in, numbered sections, a
// はい/いいえ/該当なし drop-down beside a free-text column). The page offers it on the empty job list (the app
// serves it at /sample/…); the command line and the API take it from fixtures/sample/.
// Content is deterministic; the xlsx bytes differ between runs only by zip timestamps.
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../fixtures/sample/security-checksheet-sample.xlsx', import.meta.url));

/** Sections and their questions, as a customer's information-systems department would ask them. */
const sections: { title: string; questions: string[] }[] = [
  {
    title: '1. 可用性・障害対応',
    questions: [
      'サービスの提供時間（計画停止を除く）を教えてください。',
      '計画停止を行う場合、事前に通知されますか。通知の時期と方法を教えてください。',
      '障害発生時の目標復旧時間（RTO）を教えてください。',
      '障害が発生した場合、利用者へどのように通知されますか。',
    ],
  },
  {
    title: '2. データ管理',
    questions: [
      'データのバックアップを取得していますか。取得の頻度を教えてください。',
      'バックアップデータの保存期間を教えてください。',
      '保存データは暗号化されていますか。',
      '解約時に、預けたデータの返却（エクスポート）は可能ですか。',
      'データを保管する場所（国）と、準拠する法律を教えてください。',
    ],
  },
  {
    title: '3. セキュリティ',
    questions: [
      '通信経路はTLS等で暗号化されていますか。',
      '第三者による脆弱性診断を定期的に実施していますか。',
      'ISMS（ISO/IEC 27001）等の第三者認証を取得していますか。',
      '管理者アカウントに多要素認証を設定できますか。',
      'アクセスログを取得していますか。保管期間を教えてください。',
    ],
  },
  {
    title: '4. サポート',
    questions: ['問い合わせ窓口の受付時間と連絡方法を教えてください。'],
  },
];

const thin = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } });
const HEADER_ROW = 5;

function titleBlock(ws: ExcelJS.Worksheet) {
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'クラウドサービス利用に関するセキュリティチェックシート';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '株式会社みどり物産　情報システム部';
  ws.mergeCells('A3:E3');
  ws.getCell('A3').value = '【記入方法】「回答」欄はプルダウンから選択し、「回答内容・補足」欄に具体的な内容をご記入ください。';
  ws.getCell('A3').alignment = { wrapText: true };
  const header = ws.getRow(HEADER_ROW);
  header.values = ['項番', '分類', '確認項目', '回答\n（はい／いいえ／該当なし）', '回答内容・補足'];
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = fill('FFD9E1F2');
    cell.border = border;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

function question(ws: ExcelJS.Worksheet, at: number, no: string, section: string, text: string) {
  const row = ws.getRow(at);
  row.values = [no, section, text, null, null];
  row.height = 34;
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = border;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (col >= 4) cell.fill = fill('FFFFF2CC'); // the cells the vendor fills in
  });
  ws.getCell(`D${at}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"はい,いいえ,該当なし"'] };
}

export async function makeSample(path = out): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '株式会社みどり物産 情報システム部';
  wb.created = wb.modified = new Date('2025-04-01T00:00:00Z');
  const ws = wb.addWorksheet('チェックシート');
  ws.columns = [{ width: 7 }, { width: 16 }, { width: 52 }, { width: 16 }, { width: 52 }];
  titleBlock(ws);
  let at = HEADER_ROW + 1;
  sections.forEach((section, s) => {
    ws.mergeCells(`A${at}:E${at}`);
    ws.getCell(`A${at}`).value = section.title;
    ws.getCell(`A${at}`).font = { bold: true };
    ws.getCell(`A${at}`).fill = fill('FFEDEDED');
    at += 1;
    const name = section.title.replace(/^\d+\.\s*/, '');
    section.questions.forEach((text, q) => question(ws, at++, `${s + 1}-${q + 1}`, name, text));
  });
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(`${await makeSample()}\n`);
