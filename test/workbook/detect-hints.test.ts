// What detection reads from a sheet's formatting besides its text: the width of each column and which cells are
// shaded or bordered — the input boxes of a form and the extent of a table whose answer column is still empty.
import t from 'tap';
import ExcelJS from 'exceljs';
import { readBook } from '../../src/workbook/read.js';
import type { Limits } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

t.test('column widths, shaded input cells and table borders are read from an xlsx', async (t) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('確認シート');
  ws.columns = [{ width: 6 }, { width: 60 }, { width: 12 }, { width: 40 }];
  ws.addRow(['No', '確認事項', '結果', '備考']);
  ws.addRow([1, '情報セキュリティ基本方針を定めている。', null, null]);
  const thin = { style: 'thin' as const };
  for (let c = 1; c <= 4; c++) ws.getCell(2, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const c of [3, 4]) ws.getCell(2, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFCC' } };
  ws.getCell(1, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
  const grid = readBook(new Uint8Array(await wb.xlsx.writeBuffer()), 'q.xlsx', limits).sheets[0];
  t.same([0, 1, 2, 3].map((c) => grid.colWidths.get(c)), [6, 60, 12, 40]);
  t.same(grid.look(1, 1), { fill: null, border: true }, 'a bordered question cell');
  t.same(grid.look(1, 2), { fill: 'rgb:FFFFCC', border: true }, 'an empty shaded input cell, though it holds no value');
  t.equal(grid.look(0, 1), undefined, 'a white fill is no shading');
  t.equal(grid.look(5, 5), undefined, 'a cell outside the sheet is plain');
});
