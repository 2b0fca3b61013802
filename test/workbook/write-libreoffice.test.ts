// Every written workbook opens in LibreOffice, and the answers are where qmap wrote them.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { writeAnswers } from '../../src/workbook/write.js';
import type { CellWrite, FileKind } from '../../src/workbook/types.js';
import { fixture, plainWrites, reviewFor, richWrites, unusualWrites } from './write-helpers.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
// LibreOffice starts slowly on a busy machine: allow more than the suite's default.
t.setTimeout(300_000);

const cases: { name: string; file: string; kind: FileKind; writes: CellWrite[] }[] = [
  { name: 'rich', file: 'rich.xlsx', kind: 'xlsx', writes: richWrites },
  { name: 'rich-macro', file: 'rich.xlsm', kind: 'xlsm', writes: richWrites },
  { name: 'unusual', file: 'unusual.xlsx', kind: 'xlsx', writes: unusualWrites },
  ...(['xls', 'ods', 'csv'] as FileKind[]).map((kind) => ({ name: `plain-${kind}`, file: `plain.${kind}`, kind, writes: plainWrites(kind) })),
];

t.test('LibreOffice opens every written workbook and shows the answers', { skip: soffice ? false : 'LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-lo-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const outputs = cases.map((c) => {
    const result = writeAnswers(fixture(c.file), c.kind, c.writes, reviewFor(c.writes));
    const path = join(dir, `${c.name}.${result.extension}`);
    writeFileSync(path, result.bytes);
    return { ...c, path, result };
  });
  // One sheet per CSV file (the last token, -1), UTF-8 (76); a private profile so parallel runs do not collide.
  execFileSync(
    soffice!,
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, ...outputs.map((o) => o.path)],
    { stdio: 'pipe', timeout: 180_000 },
  );
  for (const o of outputs) {
    const skipped = new Set(o.result.skipped.map((s) => `${s.sheet}!${s.cell}`));
    for (const w of o.writes) {
      if (w.text === '' || skipped.has(`${w.sheet}!${w.cell}`)) continue;
      const csv = join(dir, `${o.name}-${w.sheet}.csv`);
      t.ok(existsSync(csv), `${o.name}: sheet ${w.sheet} converted`);
      const sheet = XLSX.read(readFileSync(csv, 'utf8'), { type: 'string', raw: true }).Sheets.Sheet1;
      // A write into a merged area lands in its top-left cell.
      const cell = o.name.startsWith('rich') && w.cell === 'F8' ? 'E8' : w.cell;
      t.equal(sheet[cell]?.v, w.text, `${o.name}: ${w.sheet}!${cell}`);
    }
    t.ok(existsSync(join(dir, `${o.name}-qmap確認.csv`)), `${o.name}: the qmap確認 sheet is there`);
  }

  // The review notes, as LibreOffice shows them (read back from its own .ods export).
  execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'ods', '--outdir', join(dir, 'ods'), outputs[0].path], { stdio: 'pipe', timeout: 180_000 });
  const content = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'ods', 'rich.ods'))), { filter: (f) => f.name === 'content.xml' })['content.xml']);
  const notes = [...content.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) => m[0].replace(/<text:line-break\/>/g, '\n').replace(/<[^>]*>/g, ''));
  t.ok(notes.some((n) => n.includes('qmap: 要確認 — 提案: No.12 通信の暗号化 (score 0.62)')), 'the note on a cell to review');
  t.ok(notes.some((n) => n.includes('お客様のメモ: 重要')), "the customer's own note");
});

/** Lines of text LibreOffice prints right of column A (the answers), over all pages of its PDF. */
function answerLines(pdf: Buffer): number {
  const latin = pdf.toString('latin1');
  let lines = 0;
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, latin.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    // Each printed line starts with a text position (x y Td); pieces of one line share its y.
    lines += new Set([...content.matchAll(/([\d.]+) ([\d.]+) Td/g)].filter((td) => Number(td[1]) > 100).map((td) => td[2])).size;
  }
  return lines;
}

t.test('LibreOffice shows every line of every long answer, as in rows tall enough for anything', { skip: soffice ? false : 'LibreOffice (soffice) is not installed' }, async (t) => {
  const answers = [
    'あ'.repeat(100),
    'Backups are taken daily and kept for seven generations in a second region of Japan. '.repeat(3),
    'はい。\n\n詳細は別紙のとおりです。\nまた、年に一度見直しています。',
    'バックアップは毎日取得し、7世代保管しています。'.repeat(5),
    '国内（東京・大阪）のデータセンターに保管しています。'.repeat(4),
  ];
  // Rows fixed at 20 pt (or left to the program), one answer area merged over two columns, one in 14-point text.
  const book = async (height: number | null) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    [8, 30, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    answers.forEach((_, i) => (ws.getCell(`A${i + 1}`).value = `Q${i + 1}`));
    for (const r of [1, 2, 4]) ws.getRow(r).height = height ?? 20;
    if (height) for (const r of [3, 5]) ws.getRow(r).height = height;
    ws.mergeCells('B4:C4');
    ws.getCell('B5').font = { size: 14 };
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  const writes = answers.map((text, i) => ({ sheet: 'S', cell: `B${i + 1}`, text }));
  const dir = mkdtempSync(join(tmpdir(), 'qmap-lo-heights-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const files = { grown: writeAnswers(await book(null), 'xlsx', writes, []), tall: writeAnswers(await book(400), 'xlsx', writes, []), kept: writeAnswers(await book(null), 'xlsx', writes, [], { keepRowHeights: true }) };
  for (const [name, out] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), out.bytes);
  execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.xlsx`))], { stdio: 'pipe', timeout: 180_000 });
  const [grown, tall, kept] = ['grown', 'tall', 'kept'].map((n) => answerLines(readFileSync(join(dir, `${n}.pdf`))));
  t.ok(tall > 20, `the answers take ${tall} lines`);
  t.equal(grown, tall, 'rows qmap grew show them all');
  t.ok(kept < tall, `with the customer's heights kept, LibreOffice shows only ${kept} (the check can fail)`);
});
