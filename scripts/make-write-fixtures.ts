// Generates the writer's test workbooks in fixtures/write/: a richly formatted .xlsx (every kind of
// formatting the customer's file may carry), the same as .xlsm with a VBA part, a hand-written
// package with unusual but valid XML, and .xls/.ods/.csv made by SheetJS.
// Run: npx tsx scripts/make-write-fixtures.ts
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';

const out = new URL('../fixtures/write/', import.meta.url);
mkdirSync(out, { recursive: true });
const save = (name: string, bytes: Uint8Array) => writeFileSync(new URL(name, out), bytes);

// A 2×2 red PNG, small enough to keep inline.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

export const QUESTIONS = [
  ['1', 'データは国内のデータセンターに保管されていますか。'],
  ['2', 'バックアップの取得頻度と世代数をご記入ください。'],
  ['3', '障害発生時の連絡体制を教えてください。'],
  ['4', '通信は暗号化されていますか。'],
  ['5', 'アクセスログの保管期間は？'],
  ['6', '脆弱性診断を定期的に実施していますか。'],
  ['7', '退会後のデータ削除方法は？'],
];

async function rich(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fixture';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet('チェックシート', { properties: { tabColor: { argb: 'FF00B050' } } });
  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'q', width: 50 },
    { key: 'cat', width: 12 },
    { key: 'choice', width: 14 },
    { key: 'answer', width: 40 },
    { key: 'f', width: 10 },
    { key: 'g', width: 8, hidden: true },
    { key: 'h', width: 12 },
  ];
  ws.mergeCells('A1:E1');
  const title = ws.getCell('A1');
  title.value = 'クラウドサービス セキュリティチェックシート';
  title.font = { name: 'Yu Gothic', size: 16, bold: true, color: { argb: 'FF1F4E78' } };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.getRow(3);
  header.values = ['No.', '確認項目', '分類', '回答', '回答補足', '', '', '集計'];
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
    c.border = border;
  });
  QUESTIONS.forEach(([no, q], i) => {
    const r = 4 + i;
    const row = ws.getRow(r);
    row.getCell(1).value = Number(no);
    row.getCell(2).value = q;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(3).value = i < 3 ? '可用性' : 'セキュリティ';
    for (const col of [1, 2, 3, 4, 5]) row.getCell(col).border = border;
    // Answer cells: an input fill the customer chose, which must survive around qmap's text.
    row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    row.getCell(5).font = { name: 'Meiryo', size: 10, italic: true };
    row.getCell(4).dataValidation = { type: 'list', allowBlank: true, formulae: ['"はい,いいえ,該当なし"'] };
    row.height = 28;
  });
  // Row 6: the customer already answered. Row 8: the answer area is merged E8:F8. Row 10: a formula.
  ws.getCell('E6').value = '記入済み（お客様）';
  ws.mergeCells('E8:F8');
  ws.getCell('E10').value = { formula: 'C4&"（自動）"', result: '可用性（自動）' };
  ws.getCell('H4').value = { formula: 'COUNTA(E4:E10)', result: 2 };
  ws.getCell('H5').value = { formula: 'SUM(A4:A10)', result: 28 };
  ws.getCell('H5').numFmt = '#,##0.00';
  ws.getCell('H6').value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell('H6').numFmt = 'yyyy/mm/dd';
  ws.getCell('B12').value = '（非表示の行）';
  ws.getRow(12).hidden = true;
  ws.getCell('B5').note = 'お客様のメモ: 重要';
  ws.getCell('E9').note = 'お客様: ここは空欄で結構です';
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 3, topLeftCell: 'B4', activeCell: 'B4' }];
  ws.addConditionalFormatting({
    ref: 'D4:D10',
    rules: [{ type: 'cellIs', operator: 'equal', priority: 1, formulae: ['"いいえ"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:E12', printTitlesRow: '3:3' };
  ws.headerFooter = { oddFooter: '&P / &N ページ' };
  ws.autoFilter = 'A3:E10';
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, 'H8:H9');
  wb.definedNames.add("'チェックシート'!$E$4:$E$10", '回答欄');

  const second = wb.addWorksheet('別紙 (O\'Brien)');
  second.getColumn(3).width = 30;
  second.getColumn(3).font = { name: 'Meiryo', size: 9 };
  second.getColumn(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  second.getCell('A1').value = '追加質問';
  second.getCell('A2').value = '1';
  second.getCell('B2').value = '委託先はありますか。';
  second.getCell('A5').value = '2';
  second.getCell('B5').value = 'ISMS認証を取得していますか。';
  second.getRow(5).height = 40;

  const hidden = wb.addWorksheet('hidden', { state: 'hidden' });
  hidden.getCell('A1').value = 'はい';
  hidden.getCell('A2').value = 'いいえ';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The rich workbook as .xlsm: a VBA project part, its relationship and the macro-enabled content type. */
function asXlsm(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const vba = new Uint8Array(4096);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 31 + 7) % 251;
  files['xl/vbaProject.bin'] = vba;
  let ct = strFromU8(files['[Content_Types].xml']);
  ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  ct = ct.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  files['[Content_Types].xml'] = strToU8(ct);
  const relsName = 'xl/_rels/workbook.xml.rels';
  files[relsName] = strToU8(
    strFromU8(files[relsName]).replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  return zipSync(files, { mtime: new Date(2024, 0, 1) });
}

/**
 * A package written by hand with XML other producers emit: an `x:` namespace prefix, rows and cells
 * without `r`, a self-closing <row/> and <sheetData/>, no styles part.
 */
function unusual(): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${main}" xmlns:r="${rel}"><x:sheets><x:sheet name="Questions" sheetId="1" r:id="rId1"/><x:sheet name="Empty" sheetId="5" r:id="rId2"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${main}">\n  <x:sheetData>\n` +
      '    <x:row><x:c t="inlineStr"><x:is><x:t>No</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Question</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Answer</x:t></x:is></x:c></x:row>\n' +
      '    <x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Is data encrypted?</x:t></x:is></x:c></x:row>\n' +
      '    <x:row><x:c><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Where is data stored?</x:t></x:is></x:c><x:c/></x:row>\n' +
      '    <x:row r="5"><x:c r="A5"><x:v>3</x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>Backups?</x:t></x:is></x:c><x:c r="D5" t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c></x:row>\n' +
      '    <x:row r="7" ht="30" customHeight="1"/>\n' +
      '  </x:sheetData>\n</x:worksheet>',
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}"><x:dimension ref="A1"/><x:sheetData/></x:worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { mtime: new Date(2024, 0, 1) });
}

/** The same questions as a plain table, written by SheetJS in the non-OOXML formats. */
function plain(bookType: 'xls' | 'ods' | 'csv'): Uint8Array {
  const rows = [['No', '質問', '回答', '備考'], ...QUESTIONS.map(([no, q]) => [no, q, '', '']), ['8', '既に回答済みの質問', '回答済み', '']];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '質問票');
  if (bookType === 'csv') return strToU8(`\uFEFF${XLSX.utils.sheet_to_csv(ws)}`);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }));
}

const xlsx = await rich();
save('rich.xlsx', xlsx);
save('rich.xlsm', asXlsm(xlsx));
save('unusual.xlsx', unusual());
save('plain.xls', plain('xls'));
save('plain.ods', plain('ods'));
save('plain.csv', plain('csv'));
console.log('fixtures written to', out.pathname);
