import t, { type Test } from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipDeflate, unzipSync, zipSync } from 'fflate';
import { fixturesDir } from '../../src/paths.js';
import { inflatePackage, type ZipContainer } from '../../src/workbook/unzip.js';

const dir = join(fixturesDir, 'workbooks');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const limit = 200 << 20;

/** The container's parts by name, as SheetJS would look them up. */
function parts(zip: ZipContainer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  zip.FullPaths.forEach((path, i) => {
    const file = zip.FileIndex[i] as { type: number; content?: Buffer };
    if (file.type === 2 && !path.endsWith('Sh33tJ5')) out.set(path.replace(/^Root Entry\//, ''), file.content!);
  });
  return out;
}

function same(t: Test, zip: ZipContainer | null, bytes: Uint8Array, label: string) {
  t.ok(zip, `${label}: read in one pass`);
  if (!zip) return;
  const mine = parts(zip);
  const reference = unzipSync(bytes);
  t.same([...mine.keys()].sort(), Object.keys(reference).sort(), `${label}: every part`);
  for (const [name, data] of Object.entries(reference)) t.ok(Buffer.from(data).equals(mine.get(name) ?? Buffer.alloc(0)), `${label}: ${name} inflates as fflate inflates it`);
}

t.test('every workbook fixture inflates to the same parts as a reference unzip', async (t) => {
  for (const name of readdirSync(dir).filter((n) => /^(layout|bad-(duplicate|many|no-questions)).*\.(xlsx|xlsm|ods)$/.test(n))) {
    same(t, inflatePackage(fixture(name), limit), fixture(name), name);
  }
});

t.test('a package with data descriptors (as LibreOffice writes) is read in one pass too', async (t) => {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of [['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>'.repeat(500)]]) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(new TextEncoder().encode(text), true);
  }
  zip.end();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  t.equal(new DataView(bytes.buffer).getUint16(6, true) & 8, 8, 'the fixture has a data descriptor');
  same(t, inflatePackage(bytes, limit), bytes, 'streamed zip');
});

/** A one-part zip whose headers say what `declared` says, holding `data` deflated. */
function lyingZip(data: Uint8Array, declared: number): Uint8Array {
  const good = zipSync({ 'xl/workbook.xml': data }, { level: 6 });
  const out = Buffer.from(good);
  const cd = out.readUInt32LE(out.length - 6);
  out.writeUInt32LE(declared, 22);
  out.writeUInt32LE(declared, cd + 24);
  return new Uint8Array(out);
}

t.test('anything unusual is left to the streaming check and SheetJS', async (t) => {
  const text = new TextEncoder().encode('<workbook/>'.repeat(10_000));
  t.ok(inflatePackage(lyingZip(text, text.length), limit), 'the honest zip is read');
  t.equal(inflatePackage(lyingZip(text, 1024), limit), null, 'a part inflating past its declared size is not held');
  t.equal(inflatePackage(lyingZip(text, text.length + 1), limit), null, 'a part declaring more than it holds');
  t.equal(inflatePackage(lyingZip(text, text.length), 1024), null, 'declared sizes over the limit');

  const good = Buffer.from(zipSync({ 'a.xml': text }, { level: 6 }));
  const encrypted = Buffer.from(good);
  encrypted.writeUInt16LE(1, 6);
  t.equal(inflatePackage(encrypted, limit), null, 'an encrypted part');
  const method = Buffer.from(good);
  method.writeUInt16LE(99, 8);
  t.equal(inflatePackage(method, limit), null, 'an unknown compression method');
  const renamed = Buffer.from(good);
  renamed.write('b', 30, 'latin1');
  t.equal(inflatePackage(renamed, limit), null, 'a local header naming another part');
  const broken = Buffer.from(good);
  broken.fill(0xff, 30 + 5, 30 + 5 + 20);
  t.equal(inflatePackage(broken, limit), null, 'damaged deflate data');
  t.equal(inflatePackage(good.subarray(0, good.length - 10), limit), null, 'a truncated zip');
  t.equal(inflatePackage(deflateRawSync(text), limit), null, 'not a zip');
});
