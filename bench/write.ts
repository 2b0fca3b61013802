// The workbook writer against real-looking questionnaires: fidelity and LibreOffice on the dev set,
// and speed on a generated 10,000-question workbook compared with a plain SheetJS read of it.
// Usage: npm run bench:write -- [<folder with labels.json>] [--no-soffice]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { writeAnswers } from '../src/workbook/write.js';
import type { CellWrite, FileKind, ReviewLine } from '../src/workbook/types.js';
import { packageDiffs, sheetParts } from '../test/workbook/fidelity.js';
import { readLabels } from '../src/labels.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/eval/dev'));
const soffice = !args.includes('--no-soffice') && ['/usr/bin/soffice'].find((p) => existsSync(p));

const review = (w: CellWrite, q: { text: string; items: number[] }): ReviewLine => ({
  sheet: w.sheet, cell: w.cell, question: q.text, itemNos: q.items, itemTitles: q.items.map((n) => `項目${n}`),
  score: q.items.length ? 0.8 : 0.2, status: w.flag ? 'unmatched' : 'auto', alternatives: '', answer: w.text,
});

function devSet(): void {
  if (!existsSync(join(dir, 'labels.json'))) {
    console.log(`no labels.json in ${dir}: dev set skipped`);
    return;
  }
  const labels = readLabels(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'qmap-write-bench-'));
  const converted: { path: string; base: string; writes: CellWrite[] }[] = [];
  for (const wb of labels.workbooks) {
    const kind = wb.file.split('.').pop() as FileKind;
    const original = new Uint8Array(readFileSync(join(dir, wb.file)));
    const writes: CellWrite[] = [];
    const lines: ReviewLine[] = [];
    for (const s of wb.sheets) {
      for (const q of s.questions) {
        if (!s.answerColumn) continue;
        const sheet = kind === 'csv' ? 'Sheet1' : s.name;
        const w: CellWrite = q.items.length
          ? { sheet, cell: `${s.answerColumn}${q.row}`, text: `No.${q.items.join('+')} の回答: ${q.text.slice(0, 20)}…` }
          : { sheet, cell: `${s.answerColumn}${q.row}`, text: '', flag: { comment: 'qmap: 対象項目なし — 回答をご記入ください。' } };
        writes.push(w);
        lines.push(review(w, q));
        if (s.choiceColumn && s.choices && q.items.length) writes.push({ sheet, cell: `${s.choiceColumn}${q.row}`, text: s.choices[0] });
      }
    }
    const t0 = performance.now();
    const out = writeAnswers(original, kind, writes, lines);
    const ms = performance.now() - t0;
    let verdict = 'values only (not OOXML)';
    if (out.formattingPreserved) {
      const parts = sheetParts(original);
      const written = new Map<string, Set<string>>();
      for (const w of writes) {
        const part = parts.get(w.sheet)!;
        if (!written.has(part)) written.set(part, new Set());
        written.get(part)!.add(w.cell);
      }
      const diffs = packageDiffs(original, out.bytes, { written });
      verdict = diffs.length ? `${diffs.length} DIFFERENCES:\n  ${diffs.slice(0, 10).join('\n  ')}` : 'no difference outside the written cells';
    }
    console.log(`${wb.file}: ${writes.length} writes, ${out.skipped.length} skipped, ${ms.toFixed(0)} ms, ${verdict}`);
    const base = wb.file.replace(/\.\w+$/, '');
    const path = join(tmp, `${base}.${out.extension}`);
    writeFileSync(path, out.bytes);
    converted.push({ path, base, writes });
  }
  if (soffice) {
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(tmp, 'profile')).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', tmp, ...converted.map((c) => c.path)], { stdio: 'pipe' });
    for (const c of converted) {
      let found = 0;
      let expected = 0;
      for (const w of c.writes) {
        if (!w.text) continue;
        expected++;
        const csv = join(tmp, `${c.base}-${w.sheet}.csv`);
        const sheet = existsSync(csv) ? XLSX.read(readFileSync(csv, 'utf8'), { type: 'string', raw: true }).Sheets.Sheet1 : {};
        if ((sheet as XLSX.WorkSheet)[w.cell]?.v === w.text) found++;
      }
      console.log(`  LibreOffice ${c.base}: ${found}/${expected} answers in the converted text`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}

function large(n: number): void {
  const rows: (string | number)[][] = [['No.', '大分類', '確認項目', '回答', '回答補足・備考']];
  for (let i = 1; i <= n; i++) rows.push([i, `分類${i % 20}`, `質問${i}: 貴社のクラウドサービスにおける情報セキュリティ対策について、具体的な実施状況をご記入ください。`, '', '']);
  const book = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 6 }, { wch: 12 }, { wch: 60 }, { wch: 10 }, { wch: 60 }];
  XLSX.utils.book_append_sheet(book, ws, 'チェックシート');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
  const writes: CellWrite[] = [];
  const lines: ReviewLine[] = [];
  for (let i = 1; i <= n; i++) {
    const flagged = i % 4 === 0;
    const w: CellWrite = { sheet: 'チェックシート', cell: `E${i + 1}`, text: `項目${i % 49}: 当社はデータを国内のデータセンターで保管し、通信はTLS1.2以上で暗号化しています。`.repeat(2), ...(flagged ? { flag: { comment: `qmap: 要確認 — 提案: No.${i % 49} (score 0.55)\n他の候補: No.3, No.7` } } : {}) };
    writes.push(w, { sheet: 'チェックシート', cell: `D${i + 1}`, text: 'はい' });
    lines.push({ sheet: w.sheet, cell: w.cell, question: String(rows[i][2]), itemNos: [i % 49], itemTitles: ['項目'], score: 0.7, status: flagged ? 'review' : 'auto', alternatives: 'No.3 / No.7', answer: w.text });
  }
  // Read and write alternate, so a busy machine slows both alike; the medians are compared.
  const reads: number[] = [];
  const writesMs: number[] = [];
  let size = 0;
  for (let i = 0; i < 6; i++) {
    let t0 = performance.now();
    XLSX.read(bytes, { type: 'array', dense: true });
    if (i > 0) reads.push(performance.now() - t0);
    t0 = performance.now();
    size = writeAnswers(bytes, 'xlsx', writes, lines).bytes.length;
    if (i > 0) writesMs.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const read = median(reads);
  const write = median(writesMs);
  console.log(`${n} questions (${(bytes.length / 1024).toFixed(0)} KB → ${(size / 1024).toFixed(0)} KB): XLSX.read ${read.toFixed(0)} ms, writeAnswers ${write.toFixed(0)} ms (${(write / read).toFixed(2)}× read), ${writes.length} cells, ${n / 4} notes`);
}

devSet();
large(10_000);
