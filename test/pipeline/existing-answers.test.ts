// What the customer already put in an answer cell is theirs: qmap reads it as filled, leaves it as it is, and says so
// in the job's note and on the review sheet, so what the job says agrees with what the workbook holds.
import t from 'tap';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { analyse } from '../../src/pipeline/analyse.js';
import { prefill } from '../../src/pipeline/prefill.js';
import type { Limits } from '../../src/workbook/types.js';
import { items, knowledge } from '../helpers/knowledge.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

t.test('an answer cell holding a formula is filled by the customer, even when its value shows nothing yet', async (t) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('チェックシート');
  ws.addRow(['No', '質問', '回答', '備考']);
  ws.addRow([1, 'バックアップを取得していますか。', null, null]);
  ws.addRow([2, '通信は暗号化されていますか。', null, null]);
  // A formula the customer's program never calculated (openpyxl writes these): no value is stored with it.
  ws.addRow([3, 'データは国内に保管されますか。', { formula: 'IF(1,"はい","")' }, null]);
  ws.getColumn(2).width = 50;
  ws.getColumn(3).width = 40;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  t.match(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']), /<c r="C4"[^>]*><f>IF\(1,&quot;はい&quot;,&quot;&quot;\)<\/f><\/c>/, 'C4 holds the formula and no value');

  const analysis = analyse({ bytes, filename: 'q.xlsx', limits, overrides: {}, knowledge: knowledge() });
  const row = analysis.rows.find((r) => r.answerCell === 'C4')!;
  t.equal(row.existingAnswer, '=IF(1,"はい","")', 'the row says what the cell holds: the formula');
  t.same(analysis.notes.find((n) => n.code === 'note.prefilled')?.params, { count: 1 }, "the job's note counts it as the customer's");

  const copy = (kind: 'review' | 'final') => prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items, language: analysis.language, copy: kind }).bytes;
  const line = XLSX.utils.sheet_to_json<string[]>(XLSX.read(copy('review'), { type: 'array' }).Sheets['qmap確認'], { header: 1, defval: '' }).find((l) => l[1] === 'C4')!;
  t.equal(line[8], '（記入済みのため変更なし）=IF(1,"はい","")', 'the review sheet says the cell was left as it was, not that an answer was written');
  t.match(strFromU8(unzipSync(copy('final'))['xl/worksheets/sheet1.xml']), /<c r="C4"[^>]*><f>IF\(1,&quot;はい&quot;,&quot;&quot;\)<\/f><\/c>/, 'the final copy keeps the formula');
});
