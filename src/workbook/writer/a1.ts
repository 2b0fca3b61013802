// A1 addresses, 1-based rows and columns as Excel and the XML number them
// (src/workbook/address.ts counts from 0, as SheetJS does).
import { columnLetter, decodeCell } from '../address.js';

export interface Address {
  row: number;
  col: number;
}

/** 'E5' → { row: 5, col: 5 }; '$E$5' is accepted; null when not an address on a sheet. */
export function parseAddress(a1: string): Address | null {
  const d = decodeCell(a1);
  if (!d || d.c < 0 || d.r >= 1048576 || d.c >= 16384 || d.r < 0) return null;
  return { row: d.r + 1, col: d.c + 1 };
}

export function columnLetters(col: number): string {
  return columnLetter(col - 1);
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
