// Decisions → the cells to write and the 「qmap確認」 lines, then the customer's own workbook, answered.
import type { CellWrite, FileKind, ReviewLine } from '../workbook/types.js';
import { writeAnswers, type WriteResult } from '../workbook/write.js';
import { otherCandidates, type NewRow } from '../store/jobs.js';

/** The comment a reviewer sees on a flagged answer cell: what qmap proposes and what else it considered. */
export function flagComment(r: NewRow, titleOf: (no: number) => string): string {
  const alts = otherCandidates(r).map((c) => `No.${c.itemNo} ${c.title} (${c.score.toFixed(2)})`);
  const head =
    r.status === 'unmatched'
      ? 'qmap: 該当する回答が見つかりません。ご記入ください。'
      : r.proposal.source === 'library'
        ? 'qmap: 要確認 — 回答ライブラリの回答を提案しています。'
        : `qmap: 要確認 — 提案: ${r.itemNos.map((n) => `No.${n} ${titleOf(n)}`).join(' + ')} (score ${(r.score ?? 0).toFixed(2)})`;
  return alts.length ? `${head}\n他の候補: ${alts.join(', ')}` : head;
}

export function cellWrites(rows: NewRow[], titleOf: (no: number) => string): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const r of rows) {
    const flagged = r.status === 'review' || r.status === 'unmatched';
    // On a sheet with only a drop-down, the flag goes on the choice cell: it is where the reviewer looks.
    const flagCell = r.answerCell ?? r.choiceCell;
    const flag = flagged ? { flag: { comment: flagComment(r, titleOf) } } : {};
    if (r.answerCell && !r.existingAnswer.trim()) {
      const text = r.status === 'unmatched' ? '' : (r.answer ?? '');
      if (text || flagged) writes.push({ sheet: r.sheet, cell: r.answerCell, text, ...flag });
    }
    if (r.choiceCell && !r.existingChoice.trim()) {
      const choice = r.status === 'unmatched' ? '' : (r.choice ?? '');
      const flagHere = flagCell === r.choiceCell && flagged;
      if (choice || flagHere) writes.push({ sheet: r.sheet, cell: r.choiceCell, text: choice, ...(flagHere ? flag : {}) });
    }
  }
  return writes;
}

export function reviewLines(rows: NewRow[], titleOf: (no: number) => string): ReviewLine[] {
  return rows.map((r) => ({
    sheet: r.sheet,
    cell: r.answerCell ?? r.choiceCell,
    question: r.question,
    itemNos: r.itemNos,
    itemTitles: r.itemNos.map(titleOf),
    score: r.score,
    status: r.status,
    alternatives: otherCandidates(r)
      .map((c) => `No.${c.itemNo} ${c.title}`)
      .join(' / '),
    answer: r.existingAnswer.trim() ? `（記入済みのため変更なし）${r.existingAnswer}` : r.status === 'unmatched' ? '' : (r.answer ?? ''),
  }));
}

export function prefill(original: Uint8Array, kind: FileKind, rows: NewRow[], titleOf: (no: number) => string): WriteResult {
  return writeAnswers(original, kind, cellWrites(rows, titleOf), reviewLines(rows, titleOf));
}
