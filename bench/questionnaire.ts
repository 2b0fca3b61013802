// A customer questionnaire of any size for the pipeline bench, styled like the real ones: title block,
// header row, numbered sections on merged rows, borders, a pale-yellow input area, a はい/いいえ list
// and wrapped, tall rows. Question wording comes from the committed hold-out sets (Japanese only); each
// question names one of 40 target systems, so a 10,000-question book has no two questions alike and the
// matcher cannot lean on repeats.
import ExcelJS from 'exceljs';
import { labelledQuestions, readLabels } from '../src/labels.js';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '../fixtures');

const SYSTEMS = [
  '会計システム', '人事給与システム', '勤怠管理システム', '経費精算システム', '販売管理システム', '在庫管理システム',
  '顧客管理システム', '営業支援システム', 'ワークフローシステム', '文書管理システム', 'グループウェア', 'Web会議サービス',
  '電子契約サービス', 'ファイル共有サービス', 'メール配信サービス', 'コールセンターシステム', 'ECサイト', '予約管理システム',
  '生産管理システム', '品質管理システム', '購買管理システム', '物流管理システム', '配送管理システム', '倉庫管理システム',
  '電子カルテ連携基盤', '学務システム', '図書館システム', '施設予約システム', '入退室管理システム', '資産管理システム',
  'ログ管理基盤', 'データ分析基盤', 'BIツール', '採用管理システム', '研修管理システム', '社内ポータル',
  'チャットボット', 'アンケートシステム', 'IDaaS', 'バックアップサービス',
];

/** The Japanese questions of the committed hold-out sets. */
export function baseQuestions(): string[] {
  const texts = new Set<string>();
  for (const set of ['eval-holdout', 'eval-holdout2']) {
    for (const q of labelledQuestions(readLabels(join(fixtures, set)))) {
      if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(q.text)) texts.add(q.text);
    }
  }
  return [...texts];
}

const thin = { style: 'thin', color: { argb: 'FF7F7F7F' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = fill('FFDDEBF7');
const SECTION_FILL = fill('FFF2F2F2');
const INPUT_FILL = fill('FFFFF2CC');
const SECTIONS = ['1. 基本事項', '2. 可用性', '3. 信頼性・障害対応', '4. サポート', '5. データ管理', '6. セキュリティ', '7. 契約・監査'];
const PER_SECTION = 25;

/** An .xlsx questionnaire of `count` questions, deterministic for a given count. */
export async function questionnaire(count: number): Promise<Uint8Array> {
  const base = baseQuestions();
  const book = new ExcelJS.Workbook();
  book.created = new Date('2024-04-01T00:00:00Z');
  book.modified = book.created;
  const ws = book.addWorksheet('セキュリティチェックシート', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 64 }, { width: 10 }, { width: 48 }, { width: 24 }];
  ws.getCell('A1').value = 'クラウドサービス委託先 セキュリティチェックシート';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '黄色のセルにご記入ください。回答欄は「はい／いいえ」から選択し、補足を回答内容欄にご記入ください。';
  ws.mergeCells('A2:F2');
  const header = ws.getRow(4);
  header.values = ['No.', '分類', '確認項目', '回答', '回答内容・補足', '備考（当社記入欄）'];
  header.height = 30;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });

  let r = 5;
  for (let i = 0; i < count; i++) {
    if (i % PER_SECTION === 0) {
      const section = SECTIONS[(i / PER_SECTION) % SECTIONS.length];
      const row = ws.getRow(r);
      row.getCell(1).value = section;
      ws.mergeCells(r, 1, r, 6);
      row.getCell(1).font = { bold: true };
      row.getCell(1).fill = SECTION_FILL;
      row.getCell(1).border = BORDER;
      r++;
    }
    const section = Math.floor(i / PER_SECTION);
    const text = `【${SYSTEMS[Math.floor(i / base.length) % SYSTEMS.length]}】${base[i % base.length]}`;
    const row = ws.getRow(r);
    row.values = [`${(section % SECTIONS.length) + 1}-${(i % PER_SECTION) + 1}`, SECTIONS[section % SECTIONS.length].replace(/^\d+\. /, ''), text, null, null, null];
    row.height = Math.max(30, Math.ceil(text.length / 30) * 15);
    for (let c = 1; c <= 6; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: c === 3 || c >= 5 };
      if (c === 4 || c === 5) cell.fill = INPUT_FILL;
    }
    r++;
  }
  // One list validation for the whole answer column, as Excel itself writes it.
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`D5:D${r - 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"はい,いいえ,該当なし"'],
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
