// The allowed values of a list data validation: a quoted list ("はい,いいえ"), a range on this or
// another sheet (Lists!$A$1:$A$3, $H:$H) or a defined name that points at one.
import { columnIndex, decodeRange } from './package/a1.js';
import type { Grid } from './types.js';

export interface DefinedName {
  name: string;
  ref: string;
  /** Sheet index for a sheet-scoped name. */
  sheet?: number;
}

const MAX_VALUES = 200;

export function resolveListValues(formula: string, here: Grid, sheets: Grid[], names: DefinedName[], depth = 0): string[] {
  const f = formula.replace(/^=/, '').trim();
  if (f.startsWith('"')) {
    return unique(f.replace(/^"|"$/g, '').split(','));
  }
  const bang = f.lastIndexOf('!');
  const sheetName = bang >= 0 ? f.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null;
  const ref = bang >= 0 ? f.slice(bang + 1) : f;
  const grid = sheetName === null ? here : sheets.find((s) => s.name === sheetName);
  const range = grid ? rangeOf(ref, grid) : null;
  if (grid && range) {
    const values: string[] = [];
    for (let r = range.s.r; r <= range.e.r && values.length < MAX_VALUES; r++) {
      for (let c = range.s.c; c <= range.e.c && values.length < MAX_VALUES; c++) values.push(grid.cell(r, c));
    }
    return unique(values);
  }
  const named = depth === 0 ? names.find((n) => n.name === f) : undefined;
  return named ? resolveListValues(named.ref, here, sheets, names, depth + 1) : [];
}

function rangeOf(ref: string, grid: Grid) {
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (whole) {
    return { s: { r: 0, c: columnIndex(whole[1]) }, e: { r: Math.max(0, grid.rowCount - 1), c: columnIndex(whole[2]) } };
  }
  return decodeRange(ref);
}

function unique(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
