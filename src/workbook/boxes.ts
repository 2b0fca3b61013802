// Form-style sheets: a question, then an empty box under it for the answer (often a merged range), instead of
// an answer column beside the questions.
import { answerLike, leadingNumber, questionLike, readsAsItem } from './cells.js';
import { greyFill } from './columns.js';
import type { Table } from './table.js';

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
    const inBox = below ? grid.cell(below.s.r, below.s.c).trim() : grid.cell(r + 1, qc).trim();
    if (inBox && !answerLike.test(inBox) && !(below && filledBox(inBox))) continue;
    // Left of the box, at most a label saying it is the answer (回答, A:).
    if (textLeftOf(t, r + 1) && !answerLabelLeftOf(t, r + 1)) continue;
    if (below && below.s.r === r + 1 && below.s.c <= qc) boxes.set(r + 1, { r: below.s.r, c: below.s.c });
    // An unmerged box: drawn as an input (shaded), or, failing better evidence, the empty row under the question.
    else if (!below && !boxes.has(r) && (!mergedOnly || shadedBox(t, r + 1))) boxes.set(r + 1, { r: r + 1, c: qc });
  }
  return asked > 0 && boxes.size >= 0.6 * asked ? boxes : null;
}

const answerLabel = /^(ご?回答(欄)?|答え?|記入欄|answer|response|a)[:：.]?$/i;

function answerLabelLeftOf(t: Table, r: number): boolean {
  for (let c = 0; c < t.question; c++) {
    const v = t.grid.cell(r, c).trim();
    if (v && !answerLabel.test(v)) return false;
  }
  return true;
}

/** The cell is shaded (not grey) while the question above it is not shaded the same. */
function shadedBox(t: Table, r: number): boolean {
  const fill = t.grid.look(r, t.question)?.fill;
  return !!fill && fill !== t.grid.look(r - 1, t.question)?.fill && !greyFill(fill);
}

function textLeftOf(t: Table, r: number): boolean {
  for (let c = 0; c < t.question; c++) if (t.grid.cell(r, c).trim()) return true;
  return false;
}

/**
 * A merged box under a question holding text that is no question and starts no numbered item: an answer written in
 * words an answer need not use (「30日前にメール／ホームページで通知」, "99.9%"), as in a filled copy uploaded again.
 */
function filledBox(text: string): boolean {
  return !questionLike.test(text) && !leadingNumber.test(text);
}
