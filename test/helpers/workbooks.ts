// Small questionnaires built in memory, in the shape customers send them.
import ExcelJS from 'exceljs';

export interface Sheet {
  name: string;
  /** Rows above the header (title, instructions). */
  preamble?: string[];
  header: string[];
  rows: (string | number | null)[][];
  /** 1-based column numbers that get a list validation, with its values. */
  validation?: { column: number; values: string[] };
}

export async function xlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const line of s.preamble ?? []) ws.addRow([line]);
    const header = ws.addRow(s.header);
    header.font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.getColumn(2).width = 60;
    ws.getColumn(3).width = 40;
    if (s.validation) {
      const first = header.number + 1;
      for (let r = first; r < first + s.rows.length; r++) {
        ws.getCell(r, s.validation.column).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${s.validation.values.join(',')}"`],
        };
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Japanese check sheet: title rows, header on row 3, No / 質問 / 回答 / 備考. */
export function checksheet(questions: string[], filled: Record<number, string> = {}): Promise<Buffer> {
  return xlsx([
    {
      name: 'チェックシート',
      preamble: ['セキュリティチェックシート', '回答欄にご記入ください。'],
      header: ['No.', '質問', '回答', '備考'],
      rows: questions.map((q, i) => [i + 1, q, filled[i] ?? null, null]),
    },
  ]);
}

/** Builds a multipart/form-data body for app.inject. */
export function form(file: Buffer, filename: string, fields: Record<string, string> = {}, contentType = 'application/octet-stream') {
  const boundary = '----qmaptest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
