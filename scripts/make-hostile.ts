// The hostile and broken uploads qmap must refuse with a clear 4xx: built in memory at test time
// (a few MB compressed) rather than committed. `npx tsx scripts/make-hostile.ts DIR` writes them out
// for a look by hand.
//
// Every file here is bad by construction: none carries a questionnaire that survives its damage,
// so any answer but a 4xx (a 201, a 500, a hang, a crash) is a finding. `control()` is the one good
// file the damaged ones are made from.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CFB } from 'xlsx';

export interface HostileFile {
  /** Category from the issue: "zip bomb", "truncated zip", … */
  kind: string;
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const enc = new TextEncoder();
const MB = 1024 * 1024;

// ---------- a minimal zip writer that can lie about sizes and take pre-deflated data ----------

interface ZipItem {
  name: string;
  data: Uint8Array;
  /** Deflate (8) or store (0); `raw` data is written as is with this method. */
  method?: 0 | 8;
  raw?: { crc: number; size: number };
  /** What the headers claim the entry inflates to, when lying. */
  declaredSize?: number;
}

export function zip(items: ZipItem[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const name = Buffer.from(item.name, 'utf8');
    const method = item.method ?? 8;
    const body = item.raw ? item.data : method === 8 ? deflateRawSync(item.data) : item.data;
    const crc = item.raw?.crc ?? crc32(item.data);
    const size = item.declaredSize ?? item.raw?.size ?? item.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(body));
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(items.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(items.length, 0xffff), 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cdBytes, end]));
}

// ---------- minimal xlsx packages ----------

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SheetSpec {
  name: string;
  /** The whole worksheet XML, or rows of cell texts turned into one. */
  xml?: string;
  rows?: string[][];
}

const col = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : col(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

export function sheetXml(rows: string[][], extra = ''): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => (v === '' ? '' : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** Replaces or adds parts (path → content); a string is written as UTF-8. */
  parts?: Record<string, string | Uint8Array>;
  /** Put before <workbook> (a DOCTYPE, say). */
  workbookProlog?: string;
}

export function xlsxParts(spec: PackageSpec): Record<string, Uint8Array> {
  const sheets = spec.sheets;
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="png" ContentType="image/png"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (spec.parts?.['xl/sharedStrings.xml'] ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
      `</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PNS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${spec.workbookProlog ?? ''}<workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PNS}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      (spec.parts?.['xl/sharedStrings.xml'] ? `<Relationship Id="rIdSst" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      `</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml ?? sheetXml(s.rows ?? [])));
  Object.assign(parts, spec.parts ?? {});
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]));
}

export const xlsx = (spec: PackageSpec): Uint8Array => zip(Object.entries(xlsxParts(spec)).map(([name, data]) => ({ name, data })));

// ---------- the one good file, and things to break it with ----------

const QUESTIONS = [
  'データのバックアップの取得頻度と方法を教えてください。',
  '通信はTLS1.2以上で暗号化されていますか。',
  '障害発生時の連絡体制を教えてください。',
  'アクセスログの保管期間は何日ですか。',
  '脆弱性診断を定期的に実施していますか。',
  '退会後のデータ削除方法を教えてください。',
];
const questionnaireRows = (): string[][] => [['セキュリティチェックシート'], ['No.', '質問', '回答', '備考'], ...QUESTIONS.map((q, i) => [String(i + 1), q, '', ''])];

/** A good questionnaire, accepted with 201: the bad files below are this one, damaged. */
export const control = (): Uint8Array => xlsx({ sheets: [{ name: 'チェックシート', rows: questionnaireRows() }] });

/** Deterministic pseudo-random bytes (mulberry32), so a failure names a file that can be made again. */
export function noise(size: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0 & 0xff;
  }
  return out;
}

/** Offsets of each entry's local header and its compressed data in a zip made by `zip()`. */
function layout(bytes: Uint8Array): { name: string; header: number; data: number; size: number }[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { name: string; header: number; data: number; size: number }[] = [];
  for (let p = 0; b.readUInt32LE(p) === 0x04034b50; ) {
    const size = b.readUInt32LE(p + 18);
    const nameLen = b.readUInt16LE(p + 26);
    const extra = b.readUInt16LE(p + 28);
    out.push({ name: b.toString('utf8', p + 30, p + 30 + nameLen), header: p, data: p + 30 + nameLen + extra, size });
    p += 30 + nameLen + extra + size;
  }
  return out;
}

function patched(bytes: Uint8Array, edits: [number, number[]][]): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const [at, values] of edits) values.forEach((v, i) => (out[at + i] = v));
  return out;
}

/** Deflates `size` bytes of one repeated byte without ever holding them: a real zip bomb's payload. */
async function deflatedRun(size: number, byte: number, prefix = '', suffix = ''): Promise<{ data: Uint8Array; crc: number; size: number }> {
  const chunk = Buffer.alloc(16 * MB, byte);
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
    left -= piece.length;
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { data: new Uint8Array(Buffer.concat(parts)), crc, size };
}

// ---------- the corpus ----------

export async function hostileCorpus(): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (kind: string, name: string, bytes: Uint8Array | string, contentType = 'application/octet-stream') =>
    files.push({ kind, name, bytes: typeof bytes === 'string' ? enc.encode(bytes) : bytes, contentType });
  const good = control();
  const entries = layout(good);
  const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml')!;

  // Truncated zips: cut anywhere, including inside the central directory and the end record.
  for (const f of [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99]) add('truncated zip', `cut-${f}.xlsx`, good.subarray(0, Math.floor(good.length * f)), XLSX_TYPE);
  for (const n of [4, 10, 30, 100, 22, 21, 10, 1]) add('truncated zip', `cut-end-${n}.xlsx`, good.subarray(0, good.length - n), XLSX_TYPE);
  add('truncated zip', 'only-signature.xlsx', good.subarray(0, 4), XLSX_TYPE);

  // Corrupt zips: the structure lies (end record, directory, headers) or the sheet's data is not deflate.
  // (A wrong directory size or a broken directory signature is not here: the readers recover the workbook whole.)
  const end = good.length - 22;
  const cdStart = Buffer.from(good).readUInt32LE(end + 16);
  add('corrupt zip', 'end-record-signature.xlsx', patched(good, [[end, [0, 0, 0, 0]]]), XLSX_TYPE);
  add('corrupt zip', 'directory-offset-past-end.xlsx', patched(good, [[end + 16, [0xff, 0xff, 0xff, 0x7f]]]), XLSX_TYPE);
  add('corrupt zip', 'entry-count-65535.xlsx', patched(good, [[end + 8, [0xff, 0xff, 0xff, 0xff]]]), XLSX_TYPE);
  add('corrupt zip', 'directory-zeroed.xlsx', patched(good, [[cdStart, Array(end - cdStart).fill(0)]]), XLSX_TYPE);
  for (const e of [sheet, workbook]) {
    const part = e.name.split('/').pop();
    add('corrupt zip', `method-99-${part}.xlsx`, patched(good, [[e.header + 8, [99, 0]]]), XLSX_TYPE);
    add('corrupt zip', `stored-but-deflated-${part}.xlsx`, patched(good, [[e.header + 8, [0, 0]]]), XLSX_TYPE);
    add('corrupt zip', `data-zeroed-${part}.xlsx`, patched(good, [[e.data, Array(e.size).fill(0)]]), XLSX_TYPE);
    add('corrupt zip', `data-ff-${part}.xlsx`, patched(good, [[e.data, Array(e.size).fill(0xff)]]), XLSX_TYPE);
    for (let seed = 1; seed <= 6; seed++) add('corrupt zip', `data-noise-${seed}-${part}.xlsx`, patched(good, [[e.data, [...noise(e.size, seed)]]]), XLSX_TYPE);
    add('corrupt zip', `local-header-name-length-${part}.xlsx`, patched(good, [[e.header + 26, [0xff, 0xff]]]), XLSX_TYPE);
  }
  add('corrupt zip', 'noise-after-signature.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, ...noise(5000, 7)]), XLSX_TYPE);
  add('corrupt zip', 'two-zips-glued.xlsx', new Uint8Array([...good.subarray(0, good.length >> 1), ...good]), XLSX_TYPE);

  // Zip bombs: a tiny upload that unpacks to gigabytes, honest about it or lying in its headers.
  const gigabyte = await deflatedRun(1024 * MB, 0x20, `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>`, '</sheetData></worksheet>');
  const bombParts = xlsxParts({ sheets: [{ name: 'S', rows: [] }] });
  const bomb = (declared: number | undefined, where = 'xl/worksheets/sheet1.xml') =>
    zip(Object.entries(bombParts).map(([name, data]) => (name === where ? { name, data: gigabyte.data, raw: gigabyte, declaredSize: declared } : { name, data })));
  add('zip bomb', 'bomb-1GB-honest.xlsx', bomb(undefined), XLSX_TYPE);
  add('zip bomb', 'bomb-1GB-declares-1KB.xlsx', bomb(1024), XLSX_TYPE);
  add('zip bomb', 'bomb-1GB-declares-0.xlsx', bomb(0), XLSX_TYPE);
  add('zip bomb', 'bomb-1GB-in-workbook-part.xlsx', bomb(2048, 'xl/workbook.xml'), XLSX_TYPE);
  add('zip bomb', 'bomb-1GB-in-content-types.xlsx', bomb(2048, '[Content_Types].xml'), XLSX_TYPE);
  add('zip bomb', 'bomb-1GB-as-ods.ods', zip([{ name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: gigabyte.data, raw: gigabyte, declaredSize: 4096 }]), 'application/vnd.oasis.opendocument.spreadsheet');
  const stringBomb = await deflatedRun(600 * MB, 0x41, `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`, '</t></is></c></row></sheetData></worksheet>');
  add('zip bomb', 'bomb-600MB-one-cell.xlsx', zip(Object.entries(bombParts).map(([name, data]) => (name === 'xl/worksheets/sheet1.xml' ? { name, data: stringBomb.data, raw: stringBomb, declaredSize: 100_000 } : { name, data }))), XLSX_TYPE);
  for (const declared of [0xffffffff, 300 * MB, 201 * MB]) {
    add('zip bomb', `declares-${declared}-bytes.xlsx`, zip(Object.entries(xlsxParts({ sheets: [{ name: 'S', rows: questionnaireRows() }] })).map(([name, data]) => ({ name, data, declaredSize: name.endsWith('sheet1.xml') ? declared : undefined }))), XLSX_TYPE);
  }
  add('zip bomb', 'forty-thousand-entries.xlsx', zip([...Object.entries(bombParts).map(([name, data]) => ({ name, data })), ...Array.from({ length: 40_000 }, (_, i) => ({ name: `xl/media/junk${i}.bin`, data: new Uint8Array(1), method: 0 as const }))]), XLSX_TYPE);
  add('zip bomb', 'zip-in-zip.xlsx', zip([{ name: 'inner.zip', data: bomb(undefined), method: 0 }]), XLSX_TYPE);

  // XML entity expansion and external entities, in every part a reader looks at.
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
  const external = (url: string) => `<!DOCTYPE x [<!ENTITY xxe SYSTEM "${url}">]>`;
  const parameter = `<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://169.254.169.254/latest/meta-data/"> %remote;]>`;
  const entityCell = (prolog: string, ref: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${ref}</t></is></c><c r="B1" t="inlineStr"><is><t>${ref}</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${ref}</t></is></c></row></sheetData></worksheet>`;
  const doctypes: [string, string, string][] = [
    ['billion-laughs', laughs, '&lol9;'],
    ['external-file', external('file:///etc/passwd'), '&xxe;'],
    ['external-http', external('http://169.254.169.254/latest/meta-data/'), '&xxe;'],
    ['external-relative', external('../../../../etc/shadow'), '&xxe;'],
    ['parameter-entity', parameter, 'x'],
  ];
  for (const [label, prolog, ref] of doctypes) {
    add('xml entities', `${label}-in-sheet.xlsx`, xlsx({ sheets: [{ name: 'S', xml: entityCell(prolog, ref) }] }), XLSX_TYPE);
    add('xml entities', `${label}-in-workbook.xlsx`, xlsx({ sheets: [{ name: 'S', rows: [] }], workbookProlog: prolog.replace('<!DOCTYPE lolz', '<!DOCTYPE workbook').replace('<!DOCTYPE x', '<!DOCTYPE workbook') }), XLSX_TYPE);
    add('xml entities', `${label}-in-shared-strings.xlsx`, xlsx({
      sheets: [{ name: 'S', xml: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>` }],
      parts: { 'xl/sharedStrings.xml': `<?xml version="1.0"?>${prolog}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>${ref}</t></si></sst>` },
    }), XLSX_TYPE);
    add('xml entities', `${label}-in-content-types.xlsx`, xlsx({ sheets: [{ name: 'S', rows: [] }], parts: { '[Content_Types].xml': `<?xml version="1.0"?>${prolog}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>` } }), XLSX_TYPE);
    add('xml entities', `${label}-in-ods.ods`, zip([{ name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: enc.encode(`<?xml version="1.0"?>${prolog}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>${ref}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`) }]), 'application/vnd.oasis.opendocument.spreadsheet');
  }
  add('xml entities', 'xml-2003-spreadsheet-xxe.xls', `<?xml version="1.0"?>${external('file:///etc/passwd')}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&xxe;</Data></Cell></Row></Table></Worksheet></Workbook>`, 'application/vnd.ms-excel');
  add('xml entities', 'html-table-xxe.xls', `<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><table><tr><td>&xxe;</td></tr></table></body></html>`, 'application/vnd.ms-excel');

  // Wrong kinds of file, under spreadsheet names and with lying content types.
  const pdf = '%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const others: [string, Uint8Array | string][] = [
    ['pdf', pdf],
    ['png', png],
    ['jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, ...noise(400, 3)])],
    ['gif', new Uint8Array([...enc.encode('GIF89a'), ...noise(300, 4)])],
    ['gzip', new Uint8Array([0x1f, 0x8b, 8, 0, ...noise(300, 5)])],
    ['7z', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, ...noise(300, 6)])],
    ['rar', new Uint8Array([...enc.encode('Rar!'), 0x1a, 7, 0, ...noise(300, 8)])],
    ['exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, ...noise(1000, 9)])],
    ['elf', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...noise(1000, 10)])],
    ['html', '<!DOCTYPE html><html><body><table><tr><td>No.</td><td>質問</td></tr></table><script>alert(1)</script></body></html>'],
    ['xml-2003', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table/></Worksheet></Workbook>'],
    ['svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['rtf', '{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Hello\\par}'],
    ['docx', zip([{ name: '[Content_Types].xml', data: enc.encode('<Types/>') }, { name: 'word/document.xml', data: enc.encode('<w:document/>') }])],
    ['pptx', zip([{ name: '[Content_Types].xml', data: enc.encode('<Types/>') }, { name: 'ppt/presentation.xml', data: enc.encode('<p:presentation/>') }])],
    ['xlsb', zip([{ name: '[Content_Types].xml', data: enc.encode('<Types/>') }, { name: 'xl/workbook.bin', data: noise(200, 11) }])],
    ['odt', zip([{ name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.text'), method: 0 }, { name: 'content.xml', data: enc.encode('<office:document-content/>') }])],
    ['plain-zip', zip([{ name: 'readme.txt', data: enc.encode('hello') }])],
    ['jar', zip([{ name: 'META-INF/MANIFEST.MF', data: enc.encode('Manifest-Version: 1.0\n') }])],
  ];
  const wordOle = CFB.utils.cfb_new();
  CFB.utils.cfb_add(wordOle, 'WordDocument', noise(600, 12));
  others.push(['ole-word', CFB.write(wordOle, { type: 'buffer' }) as Uint8Array]);
  const emptyOle = CFB.utils.cfb_new();
  CFB.utils.cfb_add(emptyOle, 'Something', noise(100, 13));
  others.push(['ole-without-workbook', CFB.write(emptyOle, { type: 'buffer' }) as Uint8Array]);
  const names = ['.xlsx', '.csv', '.xls'];
  const types = [XLSX_TYPE, 'text/csv', 'image/png'];
  others.forEach(([label, bytes], i) => {
    add('wrong type', `${label}-named${names[i % 3]}`, bytes, types[i % 3]);
    add('wrong type', `${label}-named.ods`, bytes, 'application/vnd.oasis.opendocument.spreadsheet');
  });

  // Empty files, and text with nothing in it.
  for (const name of ['empty.xlsx', 'empty.xlsm', 'empty.xls', 'empty.ods', 'empty.csv', 'empty']) add('empty file', name, new Uint8Array(0));
  add('empty file', 'bom-only.csv', new Uint8Array([0xef, 0xbb, 0xbf]), 'text/csv');
  add('empty file', 'newlines-only.csv', '\r\n\r\n\n\n', 'text/csv');
  add('empty file', 'spaces-only.csv', ' '.repeat(1000), 'text/csv');
  add('empty file', 'commas-only.csv', ',,,,\n'.repeat(100), 'text/csv');
  add('empty file', 'empty-workbook.xlsx', xlsx({ sheets: [{ name: 'S', rows: [] }] }), XLSX_TYPE);
  add('empty file', 'no-sheets.xlsx', xlsx({ sheets: [] }), XLSX_TYPE);

  // Binary garbage of every size, plain and behind a zip or OLE signature.
  [1, 2, 3, 8, 31, 100, 512, 4096, 65_536, MB, 5 * MB].forEach((size, i) => {
    add('binary garbage', `noise-${size}.xlsx`, noise(size, 100 + i), XLSX_TYPE);
    add('binary garbage', `noise-${size}.csv`, noise(size, 200 + i), 'text/csv');
  });
  for (let seed = 0; seed < 4; seed++) {
    add('binary garbage', `ole-signature-then-noise-${seed}.xls`, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(4096 + seed * 512, 300 + seed)]), 'application/vnd.ms-excel');
    add('binary garbage', `zip-signature-then-noise-${seed}.xlsx`, new Uint8Array([0x50, 0x4b, 3, 4, ...noise(4096 + seed * 512, 400 + seed)]), XLSX_TYPE);
  }
  add('binary garbage', 'nul-bytes.csv', new Uint8Array(10_000), 'text/csv');
  add('binary garbage', 'ff-bytes.xlsx', new Uint8Array(10_000).fill(0xff), XLSX_TYPE);

  // Encrypted workbooks: what Excel writes for "Encrypt with Password" (an OLE box around the package).
  for (const [label, name] of [['agile', 'encrypted.xlsx'], ['agile', 'encrypted.xlsm'], ['standard', 'encrypted-named.xls'], ['agile', 'encrypted-named.csv']] as const) {
    const box = CFB.utils.cfb_new();
    const info = label === 'agile' ? new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...enc.encode('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]) : new Uint8Array([3, 0, 2, 0, 0x24, 0, 0, 0, ...noise(200, 14)]);
    CFB.utils.cfb_add(box, 'EncryptionInfo', info);
    CFB.utils.cfb_add(box, 'EncryptedPackage', noise(4096, 15));
    add('encrypted workbook', name, CFB.write(box, { type: 'buffer' }) as Uint8Array, XLSX_TYPE);
  }
  // An .xls with a FILEPASS record after its BOF: the old binary format's password protection.
  const bof = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 0x06, 0x03, 0, 0];
  for (const [label, filepass] of [['xor', [0x2f, 0, 4, 0, 0, 0, 0x12, 0x34]], ['rc4', [0x2f, 0, 0x36, 0, 1, 0, 1, 0, 1, 0, ...noise(48, 16)]]] as const) {
    const box = CFB.utils.cfb_new();
    CFB.utils.cfb_add(box, 'Workbook', new Uint8Array([...bof, ...filepass, ...noise(512, 17)]));
    add('encrypted workbook', `filepass-${label}.xls`, CFB.write(box, { type: 'buffer' }) as Uint8Array, 'application/vnd.ms-excel');
  }

  // Sheets with a million rows or 16,384 columns.
  const far = (ref: string) => `<?xml version="1.0"?><worksheet xmlns="${NS}"><dimension ref="A1:${ref}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>` +
    `<row r="${ref.replace(/^[A-Z]+/, '')}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`;
  add('huge sheet', 'cell-at-XFD1048576.xlsx', xlsx({ sheets: [{ name: 'S', xml: far('XFD1048576') }] }), XLSX_TYPE);
  add('huge sheet', 'cell-at-A1048576.xlsx', xlsx({ sheets: [{ name: 'S', xml: far('A1048576') }] }), XLSX_TYPE);
  add('huge sheet', 'cell-at-XFD1.xlsx', xlsx({ sheets: [{ name: 'S', xml: far('XFD1') }] }), XLSX_TYPE);
  const manyRows = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${Array.from({ length: 200_000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join('')}</sheetData></worksheet>`;
  add('huge sheet', '200k-real-rows.xlsx', xlsx({ sheets: [{ name: 'S', xml: manyRows }] }), XLSX_TYPE);
  const wide = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1">${Array.from({ length: 16_384 }, (_, c) => `<c r="${col(c)}1"><v>${c}</v></c>`).join('')}</row></sheetData></worksheet>`;
  add('huge sheet', '16384-real-columns.xlsx', xlsx({ sheets: [{ name: 'S', xml: wide }] }), XLSX_TYPE);
  add('huge sheet', 'million-lines.csv', 'a\n'.repeat(1_048_577), 'text/csv');
  add('huge sheet', '16384-columns.csv', `${'x,'.repeat(16_383)}x\n`.repeat(3), 'text/csv');
  add('huge sheet', 'million-empty-lines.csv', `No.,質問\n${',\n'.repeat(1_048_576)}`, 'text/csv');
  add('huge sheet', '51-sheets.xlsx', xlsx({ sheets: Array.from({ length: 51 }, (_, i) => ({ name: `S${i}`, rows: [['x']] })) }), XLSX_TYPE);
  add('huge sheet', '2000-sheets.xlsx', xlsx({ sheets: Array.from({ length: 2000 }, (_, i) => ({ name: `S${i}`, rows: [] })) }), XLSX_TYPE);

  // 10 MB strings in one cell (Excel itself stops at 32,767 characters).
  const ten = 'あ'.repeat(10 * MB / 3);
  const tenAscii = 'A'.repeat(10 * MB);
  add('10 MB string', '10MB-inline-cell.xlsx', xlsx({ sheets: [{ name: 'S', rows: [['No.', '質問', '回答'], ['1', ten, '']] }] }), XLSX_TYPE);
  add('10 MB string', '10MB-shared-string.xlsx', xlsx({
    sheets: [{ name: 'S', xml: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>` }],
    parts: { 'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${NS}"><si><t>${tenAscii}</t></si></sst>` },
  }), XLSX_TYPE);
  add('10 MB string', '10MB-sheet-name.xlsx', xlsx({ sheets: [{ name: 'S'.repeat(10 * MB), rows: [['x']] }] }), XLSX_TYPE);
  add('10 MB string', '10MB-field.csv', `No.,質問,回答\n1,"${ten}",\n`, 'text/csv');
  add('10 MB string', '10MB-unquoted-line.csv', tenAscii, 'text/csv');
  add('10 MB string', '10MB-open-quote.csv', `No.,質問\n1,"${tenAscii}`, 'text/csv');

  // CSV text that is neither valid UTF-8 nor valid Shift_JIS.
  const bad: [string, number[]][] = [
    ['lone-continuation', [0x80, 0x81, 0x82]],
    ['overlong-slash', [0xc0, 0xaf]],
    ['utf16-surrogate', [0xed, 0xa0, 0x80]],
    ['beyond-unicode', [0xf4, 0x90, 0x80, 0x80]],
    ['sjis-lead-without-trail', [0x82]],
    ['sjis-bad-trail', [0x81, 0x7f]],
    ['sjis-undefined-lead', [0xa0, 0xfd, 0xfe, 0xff]],
    ['utf8-then-sjis', [...enc.encode('質問'), 0x8e, 0xbf, 0x96, 0xe2, 0xff]],
  ];
  for (const [label, junk] of bad) {
    add('invalid text', `${label}.csv`, new Uint8Array([...enc.encode('No.,'), ...junk, 0x0a, ...junk, 0x2c, ...junk, 0x0a]), 'text/csv');
    add('invalid text', `${label}-with-bom.csv`, new Uint8Array([0xef, 0xbb, 0xbf, ...junk, 0x2c, ...junk]), 'text/csv');
  }
  add('invalid text', 'utf16le-with-nul.csv', new Uint8Array(Buffer.from('\ufeffNo.,質問\n1,テスト\n', 'utf16le')), 'text/csv');
  add('invalid text', 'only-control-characters.csv', new Uint8Array(Array.from({ length: 400 }, (_, i) => 1 + (i % 30))), 'text/csv');

  // Sheets holding only images, only shapes, or only formulas: nothing to answer.
  const drawingParts = {
    'xl/drawings/drawing1.xml': `<?xml version="1.0"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="100" cy="100"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="p"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${RNS}" r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PNS}"><Relationship Id="rId1" Type="${RNS}/image" Target="../media/image1.png"/></Relationships>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PNS}"><Relationship Id="rId1" Type="${RNS}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/media/image1.png': new Uint8Array(png),
  };
  const drawingSheet = `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData/><drawing r:id="rId1"/></worksheet>`;
  add('only images or formulas', 'only-an-image.xlsx', xlsx({ sheets: [{ name: 'S', xml: drawingSheet }], parts: drawingParts }), XLSX_TYPE);
  add('only images or formulas', 'three-sheets-of-images.xlsx', xlsx({ sheets: ['A', 'B', 'C'].map((name) => ({ name, xml: drawingSheet })), parts: drawingParts }), XLSX_TYPE);
  add('only images or formulas', 'many-images.xlsx', xlsx({ sheets: [{ name: 'S', xml: drawingSheet }], parts: { ...drawingParts, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`xl/media/image${i + 2}.png`, new Uint8Array(png)])) } }), XLSX_TYPE);
  const formulas = (cached: boolean) =>
    `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}">${['A', 'B', 'C'].map((c) => `<c r="${c}${r + 1}"><f>SUM(A1:C${r})+ROW()</f>${cached ? `<v>${r}</v>` : ''}</c>`).join('')}</row>`).join('')}</sheetData></worksheet>`;
  add('only images or formulas', 'only-formulas-no-values.xlsx', xlsx({ sheets: [{ name: 'S', xml: formulas(false) }] }), XLSX_TYPE);
  add('only images or formulas', 'only-formulas-numbers.xlsx', xlsx({ sheets: [{ name: 'S', xml: formulas(true) }] }), XLSX_TYPE);
  add('only images or formulas', 'only-formulas.csv', Array.from({ length: 50 }, (_, r) => `=SUM(A1:A${r}),=1+1,=HYPERLINK("http://x")`).join('\n'), 'text/csv');

  // Deeply nested XML, where a recursive parser would run out of stack.
  for (const depth of [10_000, 100_000, 1_000_000]) {
    const nest = (tag: string) => `<${tag}>`.repeat(depth) + `</${tag}>`.repeat(depth);
    add('deep xml', `sheet-nested-${depth}.xlsx`, xlsx({ sheets: [{ name: 'S', xml: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${nest('r')}</is></c></row></sheetData>${nest('extLst')}</worksheet>` }] }), XLSX_TYPE);
    add('deep xml', `workbook-nested-${depth}.xlsx`, xlsx({ sheets: [{ name: 'S', rows: [] }], parts: { 'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}">${nest('x')}</workbook>` } }), XLSX_TYPE);
  }
  add('deep xml', 'unclosed-tags.xlsx', xlsx({ sheets: [{ name: 'S', xml: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${'<row><c><is><t>'.repeat(20_000)}` }] }), XLSX_TYPE);

  // Duplicate sheet names (Excel forbids them; names are how answers find their sheet).
  const dupe = (a: string, b: string) => xlsx({ sheets: [{ name: a, rows: questionnaireRows() }, { name: b, rows: questionnaireRows() }] });
  add('duplicate sheet names', 'two-sheet1.xlsx', dupe('Sheet1', 'Sheet1'), XLSX_TYPE);
  add('duplicate sheet names', 'differ-only-in-case.xlsx', dupe('Sheet1', 'SHEET1'), XLSX_TYPE);
  add('duplicate sheet names', 'japanese-twice.xlsx', dupe('チェック', 'チェック'), XLSX_TYPE);
  add('duplicate sheet names', 'three-same.xlsx', xlsx({ sheets: [1, 2, 3].map(() => ({ name: 'S', rows: questionnaireRows() })) }), XLSX_TYPE);
  add('duplicate sheet names', 'empty-names.xlsx', dupe('', ''), XLSX_TYPE);

  for (const f of await packageAttacks()) files.push(f);
  return files;
}

// ---------- packages that mean different things to different readers, or expand past the limits ----------

/** Where each entry's local header and directory entry are, in a zip made by `zip()`. */
function records(bytes: Uint8Array): Map<string, { local: number; central: number }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = b.length - 22;
  const out = new Map<string, { local: number; central: number }>();
  for (let p = b.readUInt32LE(end + 16); p < end; p += 46 + b.readUInt16LE(p + 28)) {
    out.set(b.toString('utf8', p + 46, p + 46 + b.readUInt16LE(p + 28)), { local: b.readUInt32LE(p + 42), central: p });
  }
  return out;
}

/** The zip with one entry's declared sizes changed, in its local header, its directory entry or both. */
function declare(bytes: Uint8Array, name: string, sizes: { compressed?: number; size?: number }, where: ('local' | 'central')[] = ['local', 'central']): Uint8Array {
  const out = Buffer.from(bytes);
  const r = records(bytes).get(name)!;
  for (const w of where) {
    const at = w === 'local' ? r.local + 18 : r.central + 20;
    if (sizes.compressed !== undefined) out.writeUInt32LE(sizes.compressed, at);
    if (sizes.size !== undefined) out.writeUInt32LE(sizes.size, at + 4);
  }
  return new Uint8Array(out);
}

/** The zip with directory entries added: copies of `name`'s entry under other names, pointing at its record. */
function sharedRecord(bytes: Uint8Array, name: string, names: string[]): Uint8Array {
  const b = Buffer.from(bytes);
  const end = b.length - 22;
  const r = records(bytes).get(name)!;
  const entry = b.subarray(r.central, r.central + 46);
  const extra = names.map((n) => {
    const nameBytes = Buffer.from(n);
    const e = Buffer.from(entry);
    e.writeUInt16LE(nameBytes.length, 28);
    return Buffer.concat([e, nameBytes]);
  });
  const cdStart = b.readUInt32LE(end + 16);
  const eocd = Buffer.from(b.subarray(end));
  const count = b.readUInt16LE(end + 10) + names.length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(end - cdStart + extra.reduce((n, e) => n + e.length, 0), 12);
  return new Uint8Array(Buffer.concat([b.subarray(0, end), ...extra, eocd]));
}

const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An .ods whose one sheet holds `rows` (table-row elements); parts can be replaced. */
export function ods(rows: string, parts: Record<string, string> = {}): Uint8Array {
  const all: Record<string, string> = {
    mimetype: ODS_TYPE,
    'META-INF/manifest.xml': '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    'styles.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ODS_NS}/>`,
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS}><office:body><office:spreadsheet><table:table table:name="S">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
    ...parts,
  };
  return zip(Object.entries(all).map(([name, text]) => ({ name, data: enc.encode(text), method: name === 'mimetype' ? 0 : 8 })));
}

const odsCell = (text: string, attrs = '') => `<table:table-cell office:value-type="string"${attrs}><text:p>${text}</text:p></table:table-cell>`;
const odsQuestions = () => questionnaireRows().map((r) => `<table:table-row>${r.map((v) => odsCell(v)).join('')}</table:table-row>`).join('');

/**
 * Issue 18's package findings, each a file: records hidden inside or between others, entries sharing a
 * record or a name, local headers that disagree with the directory, DOCTYPEs, sheet names XML forbids,
 * and .ods repeats that expand a 1 KB file past every limit.
 */
export async function packageAttacks(): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (kind: string, name: string, bytes: Uint8Array, contentType = XLSX_TYPE) => files.push({ kind, name, bytes, contentType });
  const parts = xlsxParts({ sheets: [{ name: 'チェックシート', rows: questionnaireRows() }] });
  const items = (extra: ZipItem[] = [], drop: string[] = []) => [...Object.entries(parts).filter(([n]) => !drop.includes(n)).map(([name, data]) => ({ name, data })), ...extra];

  // A part whose declared compressed size swallows the next record: a sheet that says 706 bytes and inflates to 706 bytes and 300 MiB more.
  const sheet = parts['xl/worksheets/sheet1.xml'];
  const hiddenSheet = await deflatedRun(sheet.length + 300 * MB, 0x20, strFromBytes(sheet));
  const app = enc.encode('<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>');
  const hidden = zip(items([{ name: 'docProps/app.xml', data: app }, { name: 'xl/worksheets/sheet1.xml', data: hiddenSheet.data, raw: hiddenSheet, declaredSize: sheet.length }], ['xl/worksheets/sheet1.xml']));
  const appCompressed = Buffer.from(hidden).readUInt32LE(records(hidden).get('docProps/app.xml')!.local + 18);
  const sheetRecord = 30 + 'xl/worksheets/sheet1.xml'.length + hiddenSheet.data.length;
  add('zip records', 'hidden-record-inside-app-xml.xlsx', declare(hidden, 'docProps/app.xml', { compressed: appCompressed + sheetRecord }));

  // Forty directory entries pointing at one record that inflates to 25 MiB.
  const big = await deflatedRun(25 * MB, 0x20);
  const shared = zip(items([{ name: 'xl/media/image1.png', data: big.data, raw: big, method: 8 }]));
  add('zip records', 'forty-entries-one-record.xlsx', sharedRecord(shared, 'xl/media/image1.png', Array.from({ length: 39 }, (_, i) => `xl/media/image${i + 2}.png`)));
  add('zip records', 'forty-entries-one-record-one-name.xlsx', sharedRecord(shared, 'xl/media/image1.png', Array.from({ length: 39 }, () => 'xl/media/image1.png')));

  // A record in a gap between listed records, which a streaming reader sees and a directory reader does not.
  const gapped = zip(items([{ name: 'xl/sharedStrings.xml', data: enc.encode(`<?xml version="1.0"?><sst xmlns="${NS}"><si><t>=HYPERLINK("http://evil")</t></si></sst>`) }]));
  const g = records(gapped);
  const cut = g.get('xl/sharedStrings.xml')!;
  const cdStart = Buffer.from(gapped).readUInt32LE(gapped.length - 22 + 16);
  const withoutEntry = Buffer.from(gapped);
  // Drop the directory entry; the record stays in the file.
  const entryLength = 46 + 'xl/sharedStrings.xml'.length;
  const cd = Buffer.concat([withoutEntry.subarray(cdStart, cut.central), withoutEntry.subarray(cut.central + entryLength, gapped.length - 22)]);
  const eocd = Buffer.from(withoutEntry.subarray(gapped.length - 22));
  const count = eocd.readUInt16LE(8) - 1;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  add('zip records', 'record-not-in-directory.xlsx', new Uint8Array(Buffer.concat([withoutEntry.subarray(0, cdStart), cd, eocd])));

  // Two entries of one name: reading took the first, writing the second.
  const strings = (text: string) => enc.encode(`<?xml version="1.0"?><sst xmlns="${NS}"><si><t>${text}</t></si></sst>`);
  add('zip records', 'two-shared-strings-parts.xlsx', zip(items([{ name: 'xl/sharedStrings.xml', data: strings('A') }, { name: 'xl/sharedStrings.xml', data: strings('B') }])));
  add('zip records', 'two-parts-differing-in-case.xlsx', zip(items([{ name: 'xl/worksheets/Sheet1.xml', data: parts['xl/worksheets/sheet1.xml'] }])));

  // Local headers that disagree with the directory.
  const good = zip(items());
  const sheetSize = parts['xl/worksheets/sheet1.xml'].length;
  add('zip records', 'local-header-declares-another-size.xlsx', declare(good, 'xl/worksheets/sheet1.xml', { size: sheetSize + 100 }, ['local']));
  add('zip records', 'directory-declares-another-size.xlsx', declare(good, 'xl/worksheets/sheet1.xml', { size: sheetSize - 100 }, ['central']));

  // DOCTYPEs, which OPC forbids in every part, even without entities.
  const withDoctype = (name: string, doctype: string) => {
    const text = strFromBytes(parts[name] ?? enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'));
    return zip(items([{ name, data: enc.encode(text.replace(/^(<\?xml[^>]*\?>)?/, `$1${doctype}`)) }], [name]));
  };
  add('doctype', 'doctype-in-sheet.xlsx', withDoctype('xl/worksheets/sheet1.xml', '<!DOCTYPE worksheet>'));
  add('doctype', 'doctype-system-in-rels.xlsx', withDoctype('_rels/.rels', '<!DOCTYPE Relationships SYSTEM "http://example.com/r.dtd">'));
  add('doctype', 'doctype-in-workbook-rels.xlsx', withDoctype('xl/_rels/workbook.xml.rels', '<!DOCTYPE Relationships>'));
  add('doctype', 'ods-entities-in-styles.ods', ods(odsQuestions(), { 'styles.xml': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><office:document-styles ${ODS_NS}/>` }), ODS_TYPE);

  // Sheet names XML cannot hold: the upload used to be accepted and its download failed.
  for (const [label, ref] of [['beyond-unicode', '&#x110000;'], ['nul', '&#0;'], ['surrogate', '&#xD800;']]) {
    const wb = strFromBytes(parts['xl/workbook.xml']).replace('name="チェックシート"', `name="チェック${ref}"`);
    add('sheet names', `sheet-name-${label}.xlsx`, zip(items([{ name: 'xl/workbook.xml', data: enc.encode(wb) }], ['xl/workbook.xml'])));
  }

  // .ods repeats: a kilobyte that stands for millions of rows or cells.
  add('ods repeats', 'ods-a-million-repeated-rows.ods', ods(`${odsQuestions()}<table:table-row table:number-rows-repeated="1000000">${odsCell('x')}</table:table-row>`), ODS_TYPE);
  add('ods repeats', 'ods-90000-rows-of-150-cells.ods', ods(`${odsQuestions()}<table:table-row table:number-rows-repeated="90000">${odsCell('x', ' table:number-columns-repeated="150"')}</table:table-row>`), ODS_TYPE);
  add('ods repeats', 'ods-90000-rows-of-150-empty-cells.ods', ods(`${odsQuestions()}<table:table-row table:number-rows-repeated="90000"><table:table-cell table:number-columns-repeated="150"></table:table-cell></table:table-row>`), ODS_TYPE);
  add('ods repeats', 'ods-merged-cells-repeated.ods', ods(`${odsQuestions()}${'<table:table-row><table:covered-table-cell table:number-columns-repeated="16000000"/></table:table-row>'.repeat(20)}`), ODS_TYPE);
  return files;
}

const strFromBytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

/** Writes the corpus to a folder, for a look by hand: npx tsx scripts/make-hostile.ts /tmp/hostile */
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'hostile';
  mkdirSync(dir, { recursive: true });
  const files = await hostileCorpus();
  for (const [i, f] of files.entries()) writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${f.name.slice(0, 80)}`), f.bytes);
  writeFileSync(join(dir, 'control.xlsx'), control());
  process.stdout.write(`${files.length} files in ${dir}\n`);
}
