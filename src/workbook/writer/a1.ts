// A1 addresses, 1-based rows and columns as Excel shows them.

export interface Address {
  row: number;
  col: number;
}

/** 'E5' → { row: 5, col: 5 }; '$E$5' is accepted; null when not an address. */
export function parseAddress(a1: string): Address | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > 1048576 || col > 16384) return null;
  return { row, col };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function formatAddress({ row, col }: Address): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellRange {
  s: Address;
  e: Address;
}

/** 'B2:D4' or 'B2' → range; null when not a range. */
export function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const s = parseAddress(a);
  const e = b === undefined ? s : parseAddress(b);
  return s && e ? { s, e } : null;
}

export function formatRange({ s, e }: CellRange): string {
  return s.row === e.row && s.col === e.col ? formatAddress(s) : `${formatAddress(s)}:${formatAddress(e)}`;
}

/** A sheet name as a formula reference needs it: always quoted, inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
