// XML as qmap reads and edits it: escaping and unescaping, attributes, the document element, and the
// prolog checks. Parts are patched in place, never re-serialised, so everything qmap does not write keeps
// its exact bytes; reading and writing unescape with the same function, so they agree on every name.

// Characters XML 1.0 forbids, plus lone surrogates: dropped from anything qmap writes.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Excel reads `_x000D_` inside cell text as an escaped character; a literal one must be escaped itself.
const OOXML_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

// A cheap first test: most text has no control characters and no surrogates at all.
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Text as Excel should show it: CR LF and lone CR become LF, forbidden characters are dropped. */
export function cleanText(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return SUSPECT.test(lf) ? lf.replace(FORBIDDEN, '') : lf;
}

/** Escape text for element content of a SpreadsheetML string (`<t>`). */
export function escapeCellText(text: string): string {
  const clean = cleanText(text);
  return escapeMarkup(clean.includes('_x') ? clean.replace(OOXML_ESCAPE, '_x005F_$1') : clean);
}

/** Whether text needs xml:space="preserve" to keep its leading or trailing whitespace. */
export function needsPreserve(text: string): boolean {
  return text !== '' && (/\s/.test(text[0]) || /\s/.test(text[text.length - 1]));
}

/** Escape for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  const clean = cleanText(text);
  return /[&<>"\n\t]/.test(clean) ? clean.replace(/[&<>"\n\t]/g, (ch) => ESCAPES[ch]) : clean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** Escape for element content, keeping line breaks and tabs literal (they are significant in `<t xml:space="preserve">`). */
export function escapeContent(text: string): string {
  return escapeMarkup(cleanText(text));
}

function escapeMarkup(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (ch) => ESCAPES[ch]) : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entity and character references replaced by what they stand for. A reference to something that is not
 * an XML character (&#0;, &#xD800;, &#x110000;) becomes U+FFFD: such a part is not well-formed, and
 * the reader refuses it where it matters (see badCharacterReference), but nothing here may throw.
 */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return isXmlChar(n) ? String.fromCodePoint(n) : '\uFFFD';
  });
}

/** Characters XML 1.0 allows: tab, line breaks, and U+0020 up to U+10FFFF without surrogates, U+FFFE and U+FFFF. */
function isXmlChar(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/** The first character reference in `text` to something that is not an XML character, or null. */
export function badCharacterReference(text: string): string | null {
  for (const m of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const n = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    if (!isXmlChar(n)) return m[0];
  }
  return null;
}

/** OOXML's escape of characters XML cannot carry (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` a literal `_`. */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// One compiled pattern per attribute name: attributes are read for every row and written cell.
const attrPatterns = new Map<string, RegExp>();
function attrPattern(name: string): RegExp {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  return re;
}

/** The value of attribute `name` (without prefix) in a start tag, unescaped; null when absent. */
export function getAttr(tag: string, name: string): string | null {
  const m = attrPattern(name).exec(tag);
  if (!m) return null;
  const value = m[2] ?? m[3];
  return value.includes('&') ? unescapeXml(value) : value;
}

/** The start tag with attribute `name` set to `value` (replaced in place, or added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = attrPattern(name);
  const escaped = escapeXml(value);
  const m = re.exec(tag);
  if (m) return `${tag.slice(0, m.index)}${m[1]}"${escaped}"${tag.slice(m.index + m[0].length)}`;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escaped}"${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  const m = attrPattern(name).exec(tag);
  return m ? tag.slice(0, m.index) + tag.slice(m.index + m[0].length) : tag;
}

/** Namespace prefix (with colon, or '') of the document element, e.g. 'x:' for `<x:worksheet>`. */
export function rootPrefix(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(skipProlog(xml));
  return m?.[1] ?? '';
}

/** The document element's start tag. */
export function rootTag(xml: string): { start: number; end: number; tag: string } {
  const body = skipProlog(xml);
  const start = xml.length - body.length + body.indexOf('<');
  const end = xml.indexOf('>', start) + 1;
  return { start, end, tag: xml.slice(start, end) };
}

/** The prefix (with colon, or '') that the document element binds to namespace `uri`, or null if it binds none. */
export function prefixFor(xml: string, uri: string): string | null {
  const { tag } = rootTag(xml);
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m; (m = re.exec(tag)); ) if ((m[2] ?? m[3]) === uri) return m[1] ? `${m[1]}:` : '';
  return null;
}

function skipProlog(xml: string): string {
  let i = 0;
  // Skip the XML declaration, comments, processing instructions and a BOM.
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return '';
    if (xml.startsWith('<?', lt)) i = xml.indexOf('?>', lt) + 2;
    else if (xml.startsWith('<!--', lt)) i = xml.indexOf('-->', lt) + 3;
    else if (xml.startsWith('<!', lt)) i = xml.indexOf('>', lt) + 1;
    else return xml.slice(lt);
  }
}

/** Where a top-level child element of the document element starts and ends (end exclusive). */
export interface Span {
  name: string;
  start: number;
  end: number;
}

/**
 * The document element's children, in order, as spans of the text. Depth-aware, so nested
 * elements of the same name (an `extLst` inside a `cfRule`) are not mistaken for top-level ones.
 */
export function topLevelChildren(xml: string, from?: number): Span[] {
  const root = rootTag(xml);
  const spans: Span[] = [];
  const tagRe = /<(\/?)([A-Za-z_][\w.:-]*)|<!--|<!\[CDATA\[|<\?/g;
  // `from`, when given, must be a position between two top-level children (it skips <sheetData>).
  tagRe.lastIndex = Math.max(from ?? 0, root.end);
  let depth = 0;
  let current: { name: string; start: number } | null = null;
  for (let m; (m = tagRe.exec(xml)); ) {
    if (m[0] === '<!--') { tagRe.lastIndex = xml.indexOf('-->', m.index) + 3; continue; }
    if (m[0] === '<![CDATA[') { tagRe.lastIndex = xml.indexOf(']]>', m.index) + 3; continue; }
    if (m[0] === '<?') { tagRe.lastIndex = xml.indexOf('?>', m.index) + 2; continue; }
    const close = xml.indexOf('>', m.index);
    const selfClosing = xml[close - 1] === '/';
    tagRe.lastIndex = close + 1;
    if (m[1]) {
      depth--;
      if (depth < 0) break; // the document element's end tag
      if (depth === 0 && current) { spans.push({ name: localName(current.name), start: current.start, end: close + 1 }); current = null; }
    } else if (selfClosing) {
      if (depth === 0) spans.push({ name: localName(m[2]), start: m.index, end: close + 1 });
    } else {
      if (depth === 0) current = { name: m[2], start: m.index };
      depth++;
    }
  }
  return spans;
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Index of the document element's end tag. */
export function rootEndTag(xml: string): number {
  return xml.lastIndexOf('</');
}

export function insertBeforeRootEnd(xml: string, insert: string): string {
  const [head, tail] = splitBeforeRootEnd(xml);
  return head + insert + tail;
}

/** The text before and after the place where content goes at the end of the document element. */
export function splitBeforeRootEnd(xml: string): [string, string] {
  const end = rootEndTag(xml);
  // A self-closing document element (`<Relationships/>`) has no end tag: open it.
  const selfClosing = /<([\w.:-]+)([^>]*)\/>\s*$/.exec(xml);
  if (selfClosing && (end < 0 || end < selfClosing.index)) {
    return [`${xml.slice(0, selfClosing.index)}<${selfClosing[1]}${selfClosing[2]}>`, `</${selfClosing[1]}>${xml.slice(selfClosing.index + selfClosing[0].length)}`];
  }
  return [xml.slice(0, end), xml.slice(end)];
}

/**
 * Whether a part's prolog declares a document type (<!DOCTYPE …>), and whether it has an internal subset
 * (`[…]`, where entities are declared). Read from the bytes before the document element, in UTF-8 or UTF-16.
 */
export function doctypeOf(part: Uint8Array): { internalSubset: boolean } | null {
  const head = prologText(part);
  const at = head.search(/<!DOCTYPE/i);
  if (at < 0) return null;
  const open = head.indexOf('[', at);
  const close = head.indexOf('>', at);
  return { internalSubset: open >= 0 && (close < 0 || open < close) };
}

/** The text before the document element (at most 64 KiB of it), decoded by its byte-order mark. */
function prologText(part: Uint8Array): string {
  const head = part.subarray(0, 1 << 16);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x3c && head[1] === 0);
  const bigEndian = head[0] === 0xfe;
  const text = new TextDecoder(utf16 ? (bigEndian ? 'utf-16be' : 'utf-16le') : 'utf-8').decode(head);
  // Comments and processing instructions may come first; the document element ends the prolog.
  const root = /<[A-Za-z_]/.exec(text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, (m) => ' '.repeat(m.length)));
  return root ? text.slice(0, root.index) : text;
}
