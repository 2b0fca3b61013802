// A1 addresses, 1-based rows and columns as Excel and the XML number them
// (src/workbook/address.ts counts from 0, as SheetJS does).
import { columnLetter, decodeCell } from '../address.js';

export interface Address {
  row: number;
  col: number;
}

/** 'E5' → { row: 5, col: 5 }; '$E$5' is accepted; null when not an address on a sheet. */
export function parseAddress(a1: string): Address | null {
  const plain = parsePlain(a1);
  if (plain) return plain;
  const d = decodeCell(a1);
  if (!d || d.c < 0 || d.r >= 1048576 || d.c >= 16384 || d.r < 0) return null;
  return { row: d.r + 1, col: d.c + 1 };
}

/** The common spelling, upper-case letters then digits ('E5'), read without a regular expression; null for anything else. */
function parsePlain(a1: string): Address | null {
  let col = 0;
  let i = 0;
  for (; i < a1.length && i < 3; i++) {
    const c = a1.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || a1.length - i > 7 || i === a1.length) return null;
  let row = 0;
  for (let j = i; j < a1.length; j++) {
    const d = a1.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 && row <= 1048576 && col <= 16384 ? { row, col } : null;
}

// Columns are written once per cell: the letters of the first 1,024 columns are kept.
const LETTERS = Array.from({ length: 1024 }, (_, i) => columnLetter(i));

export function columnLetters(col: number): string {
  return col >= 1 && col <= LETTERS.length ? LETTERS[col - 1] : columnLetter(col - 1);
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
