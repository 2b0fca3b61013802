import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { QmapError } from '../../src/errors.js';
import { sniffKind } from '../../src/workbook/read.js';
import { inspect } from '../../src/workbook/inspect.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', name)));
const catchError = (f: () => unknown): QmapError | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof QmapError ? e : null;
  }
};
const limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };

t.test('each accepted format is recognised by its content', async (t) => {
  t.equal(sniffKind(fixture('layout-title-block.xlsx'), 'a.xlsx'), 'xlsx');
  t.equal(sniffKind(fixture('layout-title-block.xlsm'), 'a.xlsm'), 'xlsm');
  t.equal(sniffKind(fixture('layout-title-block.xls'), 'a.xls'), 'xls');
  t.equal(sniffKind(fixture('layout-title-block.ods'), 'a.ods'), 'ods');
  t.equal(sniffKind(fixture('csv-utf8-bom.csv'), 'a.csv'), 'csv');
  t.equal(sniffKind(fixture('csv-shift-jis.csv'), 'a.csv'), 'csv');
});

t.test('a wrong file extension does not fool the reader', async (t) => {
  t.equal(sniffKind(fixture('layout-title-block.xlsx'), 'questions.csv'), 'xlsx');
  t.equal(sniffKind(fixture('layout-title-block.xls'), 'questions.xlsx'), 'xls');
  t.equal(sniffKind(fixture('csv-utf8-bom.csv'), 'questions.xlsx'), 'csv');
});

t.test('files that are not spreadsheets are refused with the accepted types named', async (t) => {
  for (const name of ['bad-pdf.xlsx', 'bad-html.xls', 'bad-garbage.xlsx', 'bad-word.xlsx']) {
    const error = catchError(() => sniffKind(fixture(name), name));
    t.equal(error?.status, 415, name);
    t.match(error, { code: 'unsupported_type', message: /\.xlsx, \.xlsm, \.xls, \.ods or \.csv/ }, name);
  }
});

t.test('an empty or truncated file is reported as unreadable, not as a crash', async (t) => {
  t.throws(() => sniffKind(fixture('bad-empty.xlsx'), 'bad-empty.xlsx'), { code: 'unreadable', message: /empty/ });
  t.throws(() => sniffKind(fixture('bad-truncated.xlsx'), 'bad-truncated.xlsx'), { code: 'unreadable', message: /damaged/ });
});

t.test('a zip bomb is refused from its directory, before anything is inflated', async (t) => {
  const bomb = fixture('bad-zip-bomb.xlsx');
  t.throws(() => inspect(bomb, 'bomb.xlsx', 1 << 20), { code: 'too_large', details: { limit: 'uncompressedBytes', max: 1 << 20 } });
  const { pkg } = inspect(bomb, 'bomb.xlsx', limits.uncompressedBytes);
  t.equal(pkg?.size('xl/worksheets/sheet1.xml'), 4 << 20, 'within the limit, the directory declares the 4 MB sheet');
});
