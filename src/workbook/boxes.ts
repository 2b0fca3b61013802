// Form-style sheets: a question, then an empty box under it for the answer (often a merged range), instead of
// an answer column beside the questions.
import { answerLike, readsAsItem } from './cells.js';
import type { Table } from './layout.js';

export type Boxes = Map<number, { r: number; c: number }>;

/**
 * The answer box under each question, by the box's row: the cell answers go in (a merged box's top-left). When
 * most questions have one — a merged range right under it, or (unless `mergedOnly`) an empty row — else null.
 */
export function answerBoxes(t: Table, mergedOnly: boolean): Boxes | null {
  const { grid, merges, question: qc } = t;
  const boxes: Boxes = new Map();
  let asked = 0;
  for (let r = t.from; r < grid.rowCount; r++) {
    const text = grid.cell(r, qc);
    if (!text || !readsAsItem(text)) continue;
    asked++;
    const below = merges.covering(r + 1, qc);
    // A box holds nothing yet, or an answer already written; a merged cell holding the next item is no box.
    const inBox = below ? grid.cell(below.s.r, below.s.c).trim() : '';
    if (below && below.s.r === r + 1 && below.s.c <= qc && (!inBox || answerLike.test(inBox))) boxes.set(r + 1, { r: below.s.r, c: below.s.c });
    else if (!mergedOnly && !grid.cell(r + 1, qc).trim() && !textLeftOf(t, r + 1) && !boxes.has(r)) boxes.set(r + 1, { r: r + 1, c: qc });
  }
  return asked > 0 && boxes.size >= 0.6 * asked ? boxes : null;
}

function textLeftOf(t: Table, r: number): boolean {
  for (let c = 0; c < t.question; c++) if (t.grid.cell(r, c).trim()) return true;
  return false;
}
