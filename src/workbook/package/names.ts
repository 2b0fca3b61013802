// Part names: how a zip entry's name is read, how parts are looked up, and how relationship targets
// resolve to part names and back.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A zip entry's name as text. Names flagged UTF-8 (bit 11) are UTF-8; so are unflagged names that are
 * valid UTF-8, which is what most tools write without setting the flag (OPC names are ASCII anyway).
 * Anything else is read one byte per character. Every reader in qmap uses this one function.
 */
export function decodeName(raw: Uint8Array, flaggedUtf8: boolean): string {
  try {
    return utf8.decode(raw);
  } catch {
    return flaggedUtf8 ? new TextDecoder().decode(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  }
}

/** Part names compare without ASCII case (OPC), so `xl/Worksheets/Sheet1.xml` is `xl/worksheets/sheet1.xml`. */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The relationships part of `part` ('' for the package itself): xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that owns the relationship, as a part name (no leading slash). */
export function resolveTarget(fromPart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${fromPart.slice(0, fromPart.lastIndexOf('/') + 1)}${target}`;
  const out: string[] = [];
  for (const seg of decodePercent(path.replace(/[?#].*$/, '')).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Target of `to` written relative to the folder of `from`, as Excel writes them. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].map((seg) => (seg === '..' ? seg : encodeURI(seg).replace(/[?#]/g, encodeURIComponent))).join('/');
}
