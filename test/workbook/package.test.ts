// The package layer: a zip is read only when every reader would see the same parts in it, each part
// inflates to exactly what its directory declares, and the zip qmap writes carries every size in its
// local headers, so streaming readers open it too.
import t from 'tap';
import { refusal } from './refusal.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipDeflate, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { fixturesDir } from '../../src/paths.js';
import { Package } from '../../src/workbook/package/package.js';
import { readZip } from '../../src/workbook/package/zip.js';

const limit = 200 << 20;
const enc = new TextEncoder();

/** Every .xlsx, .xlsm and .ods the repository holds. */
function packages(dir = fixturesDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return packages(path);
    return /\.(xlsx|xlsm|ods)$/.test(name) && !/^bad-(truncated|garbage|pdf|word|encrypted|empty|zip-lying)/.test(name) ? [path] : [];
  });
}


t.test('every package in the repository opens to the same parts as a reference unzip', async (t) => {
  const files = packages();
  t.ok(files.length >= 40, `${files.length} packages`);
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const pkg = Package.open(bytes, limit);
    const reference = unzipSync(bytes);
    t.same([...pkg.names()].sort(), Object.keys(reference).sort(), `${path}: every part`);
    const differ = Object.entries(reference).filter(([name, data]) => !Buffer.from(data).equals(Buffer.from(pkg.bytes(name)!)));
    t.same(differ.map(([n]) => n), [], `${path}: every part inflates as fflate inflates it`);
  }
});

t.test('a package with data descriptors (as LibreOffice writes) is read', async (t) => {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of [['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>'.repeat(500)]]) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(enc.encode(text), true);
  }
  zip.end();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  t.equal(new DataView(bytes.buffer).getUint16(6, true) & 8, 8, 'the package has a data descriptor');
  t.equal(Buffer.from(Package.open(bytes, limit).bytes('xl/workbook.xml')!).toString(), '<workbook/>'.repeat(500));
});

/** The same zip with Zip64 end records (the directory found through them, as large archives have it). */
function asZip64(zip: Uint8Array): Uint8Array {
  const b = Buffer.from(zip);
  const end = b.length - 22;
  const count = b.readUInt16LE(end + 10);
  const cdSize = b.readUInt32LE(end + 12);
  const cdStart = b.readUInt32LE(end + 16);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(cdSize), 40);
  end64.writeBigUInt64LE(BigInt(cdStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.from(b.subarray(end));
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([b.subarray(0, end), end64, locator, eocd]));
}

t.test('Zip64 records and fields (as Python and .NET write them) are read', async (t) => {
  const python = new Uint8Array(readFileSync(join(fixturesDir, 'producers', 'python-zip64.xlsx')));
  t.ok(Package.open(python, limit).bytes('xl/workbook.xml'), 'local headers with a Zip64 extra field');
  const plain = zipSync({ 'a.xml': enc.encode('<a/>'), 'b.xml': enc.encode('<b/>') });
  t.same(readZip(asZip64(plain)).map((e) => e.name), ['a.xml', 'b.xml'], 'a directory found through the Zip64 end record');
});

/** A one-part zip whose headers say what `declared` says, holding `data` deflated. */
function lyingZip(data: Uint8Array, declared: number): Uint8Array {
  const out = Buffer.from(zipSync({ 'xl/workbook.xml': data }, { level: 6 }));
  const cd = out.readUInt32LE(out.length - 6);
  out.writeUInt32LE(declared, 22);
  out.writeUInt32LE(declared, cd + 24);
  return new Uint8Array(out);
}

t.test('a part is inflated only to exactly what its directory declares', async (t) => {
  const text = enc.encode('<workbook/>'.repeat(10_000));
  t.equal(Package.open(lyingZip(text, text.length), limit).bytes('xl/workbook.xml')!.length, text.length, 'the honest zip is read');
  t.match(refusal(() => Package.open(lyingZip(text, 1024), limit).bytes('xl/workbook.xml')), { code: 'unreadable', message: /unpacks to more than the 1024 bytes its directory declares/ });
  t.match(refusal(() => Package.open(lyingZip(text, 0), limit).bytes('xl/workbook.xml')), { code: 'unreadable', message: /more than the 0 bytes/ });
  t.match(refusal(() => Package.open(lyingZip(text, text.length + 1), limit).bytes('xl/workbook.xml')), { code: 'unreadable', message: /not the \d+ its directory declares/ });
  t.match(refusal(() => Package.open(lyingZip(text, text.length), 1024)), { code: 'too_large', details: { limit: 'uncompressedBytes', max: 1024 } }, 'declared sizes over the limit: nothing is inflated');
  const crc = Buffer.from(lyingZip(text, text.length));
  crc.writeUInt32LE(1, 14);
  crc.writeUInt32LE(1, crc.readUInt32LE(crc.length - 6) + 16);
  t.match(refusal(() => Package.open(crc, limit).bytes('xl/workbook.xml')), { message: /fails its checksum/ });
});

t.test('a zip that is not what a workbook package is gets a reason, not a crash', async (t) => {
  const text = enc.encode('<workbook/>'.repeat(10_000));
  const good = Buffer.from(zipSync({ 'a.xml': text }, { level: 6 }));
  const cd = good.readUInt32LE(good.length - 6);
  const variant = (edit: (b: Buffer) => void) => {
    const b = Buffer.from(good);
    edit(b);
    return new Uint8Array(b);
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['an encrypted entry', variant((b) => b.writeUInt16LE(1, cd + 8)), /is encrypted/],
    ['an unknown compression method', variant((b) => (b.writeUInt16LE(99, 8), b.writeUInt16LE(99, cd + 10))), /compression method 99/],
    ['a local header naming another part', variant((b) => b.write('b', 30, 'latin1')), /holds another name/],
    ['a local header with another method', variant((b) => b.writeUInt16LE(0, 8)), /disagrees with the directory about its compression/],
    ['a truncated zip', new Uint8Array(good.subarray(0, good.length - 10)), /no end-of-directory record/],
    ['not a zip', new Uint8Array(deflateRawSync(text)), /no end-of-directory record/],
    ['a directory past the end', variant((b) => b.writeUInt32LE(0x7fffffff, b.length - 6)), /directory starts past the end/],
  ];
  for (const [label, bytes, message] of cases) t.match(refusal(() => readZip(bytes)), { code: 'unreadable', message }, label);
  const broken = variant((b) => b.fill(0xff, 30 + 5, 30 + 5 + 20));
  t.match(refusal(() => Package.open(broken, limit).bytes('a.xml')), { code: 'unreadable', message: /cannot be decompressed/ }, 'damaged deflate data');
});

t.test('part names: UTF-8 read alike with or without the flag, and looked up without ASCII case', async (t) => {
  const flagged = zipSync({ 'xl/media/画像.png': enc.encode('x') });
  const pkg = Package.open(flagged, limit);
  t.same(pkg.names(), ['xl/media/画像.png']);
  t.equal(pkg.find('XL/Media/画像.PNG'), 'xl/media/画像.png');
  const unflagged = Buffer.from(flagged);
  unflagged.writeUInt16LE(0, 6);
  unflagged.writeUInt16LE(0, unflagged.readUInt32LE(unflagged.length - 6) + 8);
  t.same(Package.open(unflagged, limit).names(), ['xl/media/画像.png'], 'unflagged UTF-8 (most tools write it so)');
  const latin1 = zipSync({ 'caf\u00e9.xml': enc.encode('x') });
  t.ok(Package.open(latin1, limit).has('café.xml'));
});

/** Local headers of a zip, in file order: flags, method and the sizes they declare. */
function localHeaders(zip: Uint8Array): { flags: number; method: number; compressed: number; size: number; name: string }[] {
  const b = Buffer.from(zip);
  const out = [];
  for (const e of readZip(zip)) {
    const h = e.header;
    out.push({ flags: b.readUInt16LE(h + 6), method: b.readUInt16LE(h + 8), compressed: b.readUInt32LE(h + 18), size: b.readUInt32LE(h + 22), name: e.name });
  }
  return out;
}

t.test('what qmap writes: sizes in every local header, never a data descriptor, untouched parts copied as they came', async (t) => {
  // SheetJS writes every part stored by default, as many web tools' exports do.
  const ws = XLSX.utils.aoa_to_sheet([['No.', '質問', '回答'], [1, 'データは暗号化されていますか。', '']]);
  const stored = new Uint8Array(XLSX.write(XLSX.utils.book_new(ws, '質問'), { type: 'buffer', bookType: 'xlsx' }));
  t.ok(localHeaders(stored).every((h) => h.method === 0), 'the original is stored');
  const pkg = Package.open(stored, limit);
  pkg.setText('xl/new.xml', '<new/>');
  const out = pkg.write();
  for (const h of localHeaders(out)) {
    t.equal(h.flags & 8, 0, `${h.name}: no data descriptor`);
    const entry = readZip(out).find((e) => e.name === h.name)!;
    t.same([h.compressed, h.size], [entry.compressedSize, entry.size], `${h.name}: the local header carries the sizes`);
  }
  const before = new Map(readZip(stored).map((e) => [e.name, Buffer.from(stored.subarray(e.dataStart, e.dataStart + e.compressedSize))]));
  for (const e of readZip(out)) {
    const original = before.get(e.name);
    if (original) t.ok(original.equals(Buffer.from(out.subarray(e.dataStart, e.dataStart + e.compressedSize))), `${e.name}: the same stored bytes`);
  }
  t.equal(XLSX.read(out, { type: 'array' }).Sheets['質問'].B2.v, 'データは暗号化されていますか。', 'SheetJS reads it (a stored entry with a data descriptor made it fail "Bad compressed size")');
});
