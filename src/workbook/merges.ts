// Which merged range a cell belongs to, answered in constant time.
import type { Grid, Range } from './types.js';

const KEY = 16384; // Excel's column count, so r * KEY + c is unique.
/** Merges bigger than this are checked one by one instead of being indexed cell by cell. */
const INDEX_AREA = 4096;

export interface MergeIndex {
  /** The merged range whose top-left cell this is, or undefined. */
  at(r: number, c: number): Range | undefined;
  /** The merged range covering the cell, or undefined. */
  covering(r: number, c: number): Range | undefined;
}

export function mergeIndex(grid: Grid): MergeIndex {
  const topLeft = new Map<number, Range>();
  const covered = new Map<number, Range>();
  const big: Range[] = [];
  for (const m of grid.merges) {
    topLeft.set(m.s.r * KEY + m.s.c, m);
    const area = (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
    if (area > INDEX_AREA) {
      big.push(m);
      continue;
    }
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) covered.set(r * KEY + c, m);
  }
  return {
    at: (r, c) => topLeft.get(r * KEY + c),
    covering(r, c) {
      const m = covered.get(r * KEY + c);
      if (m || big.length === 0) return m;
      return big.find((b) => r >= b.s.r && r <= b.e.r && c >= b.s.c && c <= b.e.c);
    },
  };
}
