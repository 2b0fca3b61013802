// Given a package that means different things to different readers, or a few kilobytes that expand past
// every limit, the user gets a 4xx that says what is wrong at upload, before anything is expanded, and
// the stored original can never make a download inflate more than its directory declared.
import t from 'tap';
import { refusal } from '../workbook/refusal.js';
import { control, packageAttacks, type HostileFile } from '../../scripts/make-hostile.js';
import { readBook } from '../../src/workbook/read.js';
import { writeAnswers } from '../../src/workbook/write.js';
import type { Limits } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const attacks = await packageAttacks();
const file = (name: string): HostileFile => attacks.find((f) => f.name === name)!;


const expected: [string, string, RegExp][] = [
  ['hidden-record-inside-app-xml.xlsx', 'unreadable', /record of "xl\/worksheets\/sheet1\.xml" lies inside another record/],
  ['record-not-in-directory.xlsx', 'unreadable', /holds a record at byte \d+ that its directory does not list/],
  ['two-shared-strings-parts.xlsx', 'unreadable', /two entries named "xl\/sharedStrings\.xml"/],
  ['two-parts-differing-in-case.xlsx', 'unreadable', /two entries named "xl\/worksheets\/Sheet1\.xml"/],
  ['forty-entries-one-record-one-name.xlsx', 'unreadable', /image1\.png/],
  ['local-header-declares-another-size.xlsx', 'unreadable', /declares other sizes than the directory/],
  ['directory-declares-another-size.xlsx', 'unreadable', /declares other sizes than the directory/],
  ['doctype-in-sheet.xlsx', 'unreadable', /part xl\/worksheets\/sheet1\.xml declares a document type/],
  ['doctype-system-in-rels.xlsx', 'unreadable', /part _rels\/\.rels declares a document type/],
  ['doctype-in-workbook-rels.xlsx', 'unreadable', /declares a document type/],
  ['ods-entities-in-styles.ods', 'unreadable', /part styles\.xml declares a document type/],
  ['sheet-name-beyond-unicode.xlsx', 'unreadable', /&#x110000;, which XML does not allow/],
  ['sheet-name-nul.xlsx', 'unreadable', /&#0;/],
  ['sheet-name-surrogate.xlsx', 'unreadable', /&#xD800;/],
  ['ods-a-million-repeated-rows.ods', 'too_large', /more than 100000 rows/],
  ['ods-90000-rows-of-150-cells.ods', 'too_large', /unpacks to [\d.]+ MB, more than the 200\.0 MB limit/],
  ['ods-90000-rows-of-150-empty-cells.ods', 'too_large', /unpacks to/],
  ['ods-merged-cells-repeated.ods', 'too_large', /unpacks to/],
];

for (const [name, code, message] of expected) {
  t.test(`${name} is refused at upload, in words`, async (t) => {
    const error = refusal(() => readBook(file(name).bytes, name, limits));
    t.equal(error.code, code);
    t.match(error.message, message);
  });
}

t.test('entries sharing one record are refused even where the limits would let them all be inflated', async (t) => {
  const roomy = { ...limits, uncompressedBytes: 2 * 1024 ** 3 };
  const error = refusal(() => readBook(file('forty-entries-one-record.xlsx').bytes, 'forty.xlsx', roomy));
  t.match(error, { code: 'unreadable', message: /the record at the place of "xl\/media\/image2\.png" holds another name/ });
});

t.test('a stored original whose record hides another can never make a download inflate it', async (t) => {
  const hidden = file('hidden-record-inside-app-xml.xlsx').bytes;
  const error = refusal(() => writeAnswers(hidden, 'xlsx', [{ sheet: 'チェックシート', cell: 'C3', text: 'はい' }], []));
  t.match(error, { code: 'unreadable', message: /lies inside another record/ });
});

t.test('a download is held to the limits the upload was read with', async (t) => {
  const original = control();
  const tight = { ...limits, uncompressedBytes: 1000 };
  t.match(refusal(() => writeAnswers(original, 'xlsx', [], [], { limits: tight })), { code: 'too_large', details: { limit: 'uncompressedBytes', max: 1000 } });
  t.ok(writeAnswers(original, 'xlsx', [], [], { limits }).bytes.length > 0, 'within them it is written');
});
