// A1 cell addresses, parsed and written in one place. Two ways of counting share one parser: 1-based
// rows and columns as Excel and the XML number them (parseAddress, formatAddress, …), and 0-based ones as
// SheetJS and detection count (decodeCell, cellAddress, …).

/** The largest sheet Excel allows: XFD1048576. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** A cell, 1-based. */
export interface Address {
  row: number;
  col: number;
}

export interface CellRange {
  s: Address;
  e: Address;
}

/** 'E5', 'e5' or '$E$5' → { row: 5, col: 5 }; null when not a cell of a sheet. */
export function parseAddress(a1: string): Address | null {
  let i = a1.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const col = columnAt(a1, i);
  if (col === 0) return null;
  i += columnLetters(col).length;
  if (a1.charCodeAt(i) === 36) i++;
  if (i === a1.length || a1.length - i > 7) return null;
  let row = 0;
  for (; i < a1.length; i++) {
    const d = a1.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 && row <= MAX_ROW && col <= MAX_COL ? { row, col } : null;
}

/** 'B2:D4' or 'B2' → the range as written (not reordered); null when not a range. */
export function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(':');
  const s = parseAddress(colon < 0 ? ref : ref.slice(0, colon));
  const e = colon < 0 ? s : parseAddress(ref.slice(colon + 1));
  return s && e ? { s, e } : null;
}

/** 'A' → 1, 'aa' → 27; 0 when the text is not one to three letters. */
export function columnNumber(letters: string): number {
  const col = columnAt(letters, 0);
  return col > 0 && columnLetters(col).length === letters.length ? col : 0;
}

/** The column named by the letters at text[from…] (up to three, either case): 'E6' → 5; 0 when none. Read in place. */
export function columnAt(text: string, from: number): number {
  let col = 0;
  for (let i = from; i < from + 3; i++) {
    const c = text.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  return col;
}

function lettersOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Columns are written once per cell: the letters of the first 1,024 columns are kept.
const LETTERS = Array.from({ length: 1024 }, (_, i) => lettersOf(i + 1));

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(col: number): string {
  return col >= 1 && col <= LETTERS.length ? LETTERS[col - 1] : lettersOf(col);
}

export function formatAddress({ row, col }: Address): string {
  return `${columnLetters(col)}${row}`;
}

export function formatRange({ s, e }: CellRange): string {
  return s.row === e.row && s.col === e.col ? formatAddress(s) : `${formatAddress(s)}:${formatAddress(e)}`;
}

/** A sheet name as a formula reference needs it: always quoted, inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---- 0-based, as SheetJS and detection count ----

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(c: number): string {
  return columnLetters(c + 1);
}

/** "A" → 0, "aa" → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  return columnNumber(letters.trim()) - 1;
}

/** (4, 2) → "C5". */
export function cellAddress(r: number, c: number): string {
  return columnLetters(c + 1) + (r + 1);
}

/** "C5" → { r: 4, c: 2 }; "$C$5" too. null when not an address. */
export function decodeCell(a1: string): { r: number; c: number } | null {
  const at = parseAddress(a1.trim());
  return at && { r: at.row - 1, c: at.col - 1 };
}

/** "D5:D45" or "D5" → a 0-based inclusive range, corners in order; null when not a range. */
export function decodeRange(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const range = parseRange(ref.trim());
  if (!range) return null;
  const { s, e } = range;
  return {
    s: { r: Math.min(s.row, e.row) - 1, c: Math.min(s.col, e.col) - 1 },
    e: { r: Math.max(s.row, e.row) - 1, c: Math.max(s.col, e.col) - 1 },
  };
}
