// The review copy edited in another program and uploaded again: LibreOffice saves it (shared strings, its own
// styles and note parts, a hidden name for the review sheet's filter), qmap reads that upload, and the final
// copy it returns holds none of qmap's old review, opens in LibreOffice and reads in openpyxl.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../../src/paths.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { prefill } from '../../src/pipeline/prefill.js';
import type { Limits } from '../../src/workbook/types.js';
import { items, knowledge } from '../helpers/knowledge.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const python = '/usr/bin/python3';
const openpyxl = existsSync(python) && (() => { try { execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'pipe' }); return true; } catch { return false; } })();
t.setTimeout(300_000);

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const download = (bytes: Uint8Array, copy: 'review' | 'final') => {
  const analysis = analyse({ bytes, filename: 'upload.xlsx', limits, overrides: {}, knowledge: knowledge() });
  return { analysis, bytes: prefill({ upload: bytes, kind: analysis.kind, rows: analysis.rows, items, language: analysis.language, copy }).bytes };
};

// What openpyxl sees: the sheets, every note with its author, and the cells in qmap's highlight colour.
const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cells = [(ws, c) for ws in wb for row in ws.iter_rows() for c in row]
print(json.dumps({'sheets': wb.sheetnames, 'notes': [[ws.title, c.coordinate, c.comment.author] for ws, c in cells if c.comment],
  'highlighted': [c.coordinate for ws, c in cells if ws.title != 'qmap確認' and c.fill.fill_type == 'solid' and str(c.fill.fgColor.rgb).upper() == 'FFFFEB9C']}))
`;

t.test('given the review copy saved by LibreOffice and uploaded again, the final copy has nothing of qmap\'s old review and every reader opens it', { skip: soffice && openpyxl ? false : 'needs LibreOffice and /usr/bin/python3 with openpyxl' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-again-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  const bank = new Uint8Array(readFileSync(join(fixturesDir, 'eval-holdout/01-shinkin-aoba-itakusaki-hyoka.xlsx')));
  const review = download(bank, 'review');
  writeFileSync(join(dir, 'review.xlsx'), review.bytes);
  execFileSync(soffice!, [profile, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'saved'), join(dir, 'review.xlsx')], { stdio: 'pipe', timeout: 180_000 });
  const saved = new Uint8Array(readFileSync(join(dir, 'saved', 'review.xlsx')));
  const read = (path: string) => JSON.parse(execFileSync(python, ['-c', READ, path], { encoding: 'utf8' })) as { sheets: string[]; notes: string[][]; highlighted: string[] };
  const before = read(join(dir, 'saved', 'review.xlsx'));
  t.ok(before.notes.length > 10 && before.notes.every((n) => n[2] !== 'qmap'), "LibreOffice kept qmap's notes in the copy it saved, but not their author");
  t.ok(before.highlighted.length > 10, 'and its highlights');

  const again = download(saved, 'final');
  t.ok(again.analysis.notes.some((n) => n.code === 'note.reviewCopy'), 'qmap recognises its review copy in what LibreOffice saved');
  const pending = review.analysis.rows.filter((r) => r.status === 'review' && r.answer);
  t.same(pending.filter((r) => again.analysis.rows.find((a) => a.answerCell === r.answerCell)?.existingAnswer), [], "no guess of qmap's reads as the customer's answer");
  writeFileSync(join(dir, 'final.xlsx'), again.bytes);
  const final = read(join(dir, 'final.xlsx'));
  t.same(final.sheets, ['委託先評価シート'], 'openpyxl reads the final copy: no qmap確認');
  t.same(final.notes, [], "and no note of qmap's");
  t.same(final.highlighted, [], 'nor its highlights');
  execFileSync(soffice!, [profile, '--headless', '--convert-to', 'csv', '--outdir', join(dir, 'csv'), join(dir, 'final.xlsx')], { stdio: 'pipe', timeout: 180_000 });
  t.ok(existsSync(join(dir, 'csv', 'final.csv')), 'LibreOffice opens the final copy');

  const second = download(saved, 'review');
  writeFileSync(join(dir, 'second.xlsx'), second.bytes);
  t.same(read(join(dir, 'second.xlsx')).sheets, ['委託先評価シート', 'qmap確認'], 'its review copy has one review sheet');
});
