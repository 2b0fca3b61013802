// Shared inputs of the writer's tests: the fixtures and the answers written into them.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { CellWrite, FileKind, ReviewLine } from '../../src/workbook/types.js';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/write/${name}`, import.meta.url)));

export const part = (pkg: Uint8Array, name: string): string => {
  const file = unzipSync(pkg, { filter: (f) => f.name === name })[name];
  if (!file) throw new Error(`no part ${name}`);
  return strFromU8(file);
};

export const LONG = 'バックアップは毎日取得し、7世代保管しています。'.repeat(8);

/** Answers for the rich fixture's チェックシート: plain, long, formula-like, flagged, merged, already filled. */
export const richWrites: CellWrite[] = [
  { sheet: 'チェックシート', cell: 'E4', text: '国内（東京・大阪）のデータセンターに保管しています。' },
  { sheet: 'チェックシート', cell: 'D4', text: 'はい' },
  { sheet: 'チェックシート', cell: 'E5', text: LONG },
  { sheet: 'チェックシート', cell: 'E6', text: 'お客様の回答を上書きしてはいけない' },
  { sheet: 'チェックシート', cell: 'E7', text: '=HYPERLINK("http://evil")', flag: { comment: 'qmap: 要確認 — 提案: No.12 通信の暗号化 (score 0.62)\n他の候補: No.13 (0.40)' } },
  { sheet: 'チェックシート', cell: 'F8', text: '180日保管しています。' },
  { sheet: 'チェックシート', cell: 'E9', text: '', flag: { comment: 'qmap: 対象項目なし — 回答をご記入ください。' } },
  { sheet: 'チェックシート', cell: 'E10', text: '数式のセルは上書きしない' },
  { sheet: 'チェックシート', cell: 'E11', text: '- 退会後30日以内に削除します。' },
  { sheet: "別紙 (O'Brien)", cell: 'C2', text: 'ありません。', flag: { comment: 'qmap: 要確認' } },
  { sheet: "別紙 (O'Brien)", cell: 'C3', text: '新しい行に書きます' },
  { sheet: "別紙 (O'Brien)", cell: 'C5', text: '+ISMS (ISO/IEC 27001) 取得済み' },
];

/** Cells the rich fixture's writes change, by sheet part (E8 takes the merged F8's answer). */
export const richWritten = new Map([
  ['xl/worksheets/sheet1.xml', new Set(['E4', 'D4', 'E5', 'E7', 'E8', 'E9', 'E11'])],
  ['xl/worksheets/sheet2.xml', new Set(['C2', 'C3', 'C5'])],
]);

export const reviewFor = (writes: CellWrite[]): ReviewLine[] =>
  writes.map((w, i) => ({
    sheet: w.sheet,
    cell: w.cell,
    question: `質問 ${i + 1}`,
    itemNos: i % 3 === 0 ? [12, 13] : [i + 1],
    itemTitles: i % 3 === 0 ? ['通信の暗号化', '保存データの暗号化'] : [`項目 ${i + 1}`],
    score: w.flag ? 0.62 : 0.9,
    status: w.flag ? (w.text ? 'review' : 'unmatched') : 'auto',
    alternatives: w.flag ? 'No.13 保存データの暗号化 / No.20 ログ' : '',
    answer: w.text,
  }));

/** Answers for the hand-written package with prefixes, implicit rows and cells, and no styles. */
export const unusualWrites: CellWrite[] = [
  { sheet: 'Questions', cell: 'C2', text: 'Yes, AES-256 at rest and TLS 1.2+ in transit.' },
  { sheet: 'Questions', cell: 'C3', text: 'Tokyo & Osaka <Japan>', flag: { comment: 'qmap: check' } },
  { sheet: 'Questions', cell: 'C4', text: 'A new row between rows 3 and 5' },
  { sheet: 'Questions', cell: 'C5', text: 'Daily, 7 generations' },
  { sheet: 'Questions', cell: 'C7', text: 'Into a self-closing row' },
  { sheet: 'Empty', cell: 'B2', text: 'Into an empty sheet' },
];

export const unusualWritten = new Map([
  ['xl/worksheets/sheet1.xml', new Set(['C2', 'C3', 'C4', 'C5', 'C7'])],
  ['xl/worksheets/sheet2.xml', new Set(['B2'])],
]);

/** Answers for the plain .xls/.ods/.csv table (sheet 質問票, or Sheet1 for CSV). */
export const plainWrites = (kind: FileKind): CellWrite[] => {
  const sheet = kind === 'csv' ? 'Sheet1' : '質問票';
  return [
    { sheet, cell: 'C2', text: 'はい、国内のみです。' },
    { sheet, cell: 'C3', text: '毎日・7世代', flag: { comment: 'qmap: 要確認' } },
    { sheet, cell: 'C9', text: '上書きしない' },
  ];
};
