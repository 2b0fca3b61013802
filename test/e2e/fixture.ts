// Writes fixtures/e2e/security-checksheet.xlsx: a small customer questionnaire in Japanese for the
// review page's end-to-end test and screenshots. Most questions clearly match one of the 49 items;
// 多要素認証 is one that no item answers. Regenerate with: npx tsx scripts/e2e-fixture.ts
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturePath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'e2e', 'security-checksheet.xlsx');

/** The questions, by sheet, as the customer wrote them; the maintenance one is vague on purpose, so a person must look. */
export const sheets: { name: string; questions: [category: string, text: string][] }[] = [
  {
    name: 'セキュリティ',
    questions: [
      ['可用性', 'サービスの提供時間帯を教えてください。'],
      ['可用性', '目標復旧時間（RTO）を教えてください。'],
      ['データ管理', 'データのバックアップ頻度を教えてください。'],
      ['データ管理', '保存データは暗号化されていますか。'],
      ['セキュリティ', '通信はTLSで暗号化されていますか。'],
      ['セキュリティ', '管理画面へのログインに多要素認証を利用できますか。'],
      ['セキュリティ', '第三者による脆弱性診断を定期的に実施していますか。'],
    ],
  },
  {
    name: '運用',
    questions: [
      ['サポート', '障害発生時、どのような方法で通知されますか。'],
      ['サポート', '問い合わせ窓口の受付時間を教えてください。'],
      ['運用', '定期メンテナンスはどのくらいの頻度で実施されますか。'],
      ['契約', '解約時にデータを返却していただけますか。'],
    ],
  },
];

const thin = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function makeFixture(path = fixturePath): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'さくら商事 情報システム部';
  wb.created = wb.modified = new Date('2024-04-01T00:00:00Z');
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = [{ width: 6 }, { width: 14 }, { width: 56 }, { width: 56 }];
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = `クラウドサービス　セキュリティチェックシート（${sheet.name}）`;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A2').value = '株式会社さくら商事　情報システム部';
    const header = ws.getRow(4);
    header.values = ['No.', '分類', '質問事項', '回答'];
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = border;
    });
    sheet.questions.forEach(([category, text], i) => {
      const row = ws.getRow(5 + i);
      row.values = [i + 1, category, text, null];
      row.height = 30;
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: true };
        if (col === 4) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      });
    });
  }
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return path;
}

