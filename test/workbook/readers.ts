// The readers' matrix: every workbook qmap writes must open in every program a customer may use. Given
// written files, this runs SheetJS, Python's zipfile and openpyxl, `unzip -t` and LibreOffice over them
// (each external program once for all files) and returns what failed where. A reader that is not installed
// is reported as missing, never as passed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';

export type Reader = 'sheetjs' | 'zipfile' | 'openpyxl' | 'unzip' | 'libreoffice';
export const READERS: Reader[] = ['sheetjs', 'zipfile', 'openpyxl', 'unzip', 'libreoffice'];

export interface Failure {
  file: string;
  reader: Reader;
  error: string;
}

export const PYTHON = '/usr/bin/python3';
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;
const UNZIP = ['/usr/bin/unzip'].find((p) => existsSync(p)) ?? null;

/** Which readers this machine has. */
export function missingReaders(): Reader[] {
  const missing: Reader[] = [];
  const python = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
  if (!existsSync(PYTHON)) missing.push('zipfile');
  if (!python) missing.push('openpyxl');
  if (!UNZIP) missing.push('unzip');
  if (!SOFFICE) missing.push('libreoffice');
  return missing;
}

// Reads every file with zipfile (every member, CRCs checked) and openpyxl, one line of JSON per file.
const PYTHON_READERS = `
import json, sys, zipfile, warnings
warnings.simplefilter('ignore')
import openpyxl
for path in sys.argv[1:]:
    out = {'file': path}
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad: out['zipfile'] = 'bad CRC in ' + bad
    except Exception as e:
        out['zipfile'] = repr(e)[:300]
    try:
        wb = openpyxl.load_workbook(path, keep_vba=path.endswith('.xlsm'))
        for ws in wb.worksheets:
            for row in ws.iter_rows(max_row=5):
                pass
        wb.close()
    except Exception as e:
        out['openpyxl'] = repr(e)[:300]
    print(json.dumps(out), flush=True)
`;

/** Every reader over every file; the files must be .xlsx or .xlsm on disk. */
export function readAll(files: string[], readers: Reader[] = READERS): Failure[] {
  const failures: Failure[] = [];
  const want = new Set(readers.filter((r) => !missingReaders().includes(r)));
  if (want.has('sheetjs')) {
    for (const file of files) {
      try {
        const wb = XLSX.read(readFileSync(file), { type: 'buffer', dense: true });
        if (wb.SheetNames.length === 0) throw new Error('no sheets');
      } catch (e) {
        failures.push({ file, reader: 'sheetjs', error: String((e as Error).message ?? e).slice(0, 300) });
      }
    }
  }
  if (want.has('zipfile') || want.has('openpyxl')) failures.push(...python(files, want));
  if (want.has('unzip')) {
    for (const file of files) {
      const r = spawnSync(UNZIP!, ['-tq', file], { encoding: 'utf8' });
      if (r.status !== 0) failures.push({ file, reader: 'unzip', error: `${r.stdout}${r.stderr}`.trim().slice(0, 300) });
    }
  }
  if (want.has('libreoffice')) failures.push(...libreoffice(files));
  return failures;
}

function python(files: string[], want: Set<Reader>): Failure[] {
  const failures: Failure[] = [];
  const lines: string[] = [];
  // Batches keep the argument list short.
  for (let i = 0; i < files.length; i += 200) {
    lines.push(...execFileSync(PYTHON, ['-c', PYTHON_READERS, ...files.slice(i, i + 200)], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n'));
  }
  for (const line of lines.filter(Boolean)) {
    const result = JSON.parse(line) as { file: string; zipfile?: string; openpyxl?: string };
    for (const reader of ['zipfile', 'openpyxl'] as const) {
      if (want.has(reader) && result[reader]) failures.push({ file: result.file, reader, error: result[reader]! });
    }
  }
  return failures;
}

/**
 * LibreOffice saves each file as .ods; a file it cannot open gives nothing. (Not CSV, which writes the whole
 * used area: a note in XFD1048576 made a 17 GB file; nor .xlsx, whose export took LibreOffice over five
 * minutes for that file, the customer's original as much as qmap's download.)
 */
function libreoffice(files: string[]): Failure[] {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-readers-'));
  try {
    const made = convert(files, 'ods', join(dir, 'out'), join(dir, 'profile'));
    return files.filter((f) => !made.has(f)).map((file) => ({ file, reader: 'libreoffice' as const, error: 'LibreOffice could not open it' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * LibreOffice converts the files into `outDir` (`format` as --convert-to takes it): in batches, each file
 * that a batch did not convert (one slow file stops those after it) tried again on its own with a minute's
 * time. Returns the files converted, by input path, to the output path.
 */
export function convert(files: string[], format: string, outDir: string, profileDir: string): Map<string, string> {
  const profile = `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
  const extension = format.split(':')[0];
  const output = (f: string) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${extension}`));
  // Through timeout(1), which stops LibreOffice's whole process group, not only the script that starts it.
  const run = (batch: string[], seconds: number) => spawnSync('timeout', ['-k', '10', String(seconds), SOFFICE!, profile, '--headless', '--convert-to', format, '--outdir', outDir, ...batch], { stdio: 'ignore' });
  for (let i = 0; i < files.length; i += 25) run(files.slice(i, i + 25), 300);
  for (const f of files.filter((f) => !existsSync(output(f)))) run([f], 60);
  return new Map(files.filter((f) => existsSync(output(f))).map((f) => [f, output(f)]));
}
