// A job's rows → the customer's own workbook, answered. Two copies: the review copy carries qmap's highlights,
// comments and its review sheet; the final copy, the one sent to the customer, holds only what is decided
// (auto and confirmed rows) and nothing of qmap's own.
import type { FileKind, Item, Language, Row } from '../domain.js';
import { messageText } from '../messages.js';
import type { CellWrite, ReviewLine } from '../workbook/types.js';
import { writeAnswers, type WriteResult } from '../workbook/write.js';

export type Copy = 'review' | 'final';

export interface PrefillInput {
  upload: Uint8Array;
  kind: FileKind;
  rows: Row[];
  items: Item[];
  language: Language;
  copy: Copy;
  /** Keep the customer's row heights even where an answer is clipped (QMAP_KEEP_ROW_HEIGHTS); by default rows grow to fit. */
  keepRowHeights?: boolean;
}

export function prefill({ upload, kind, rows, items, language, copy, keepRowHeights = false }: PrefillInput): WriteResult {
  const titleOf = titles(items, language);
  const review = copy === 'final' ? [] : reviewLines(rows, titleOf, language);
  return writeAnswers(upload, kind, cellWrites(rows, copy, titleOf, language), review, { language, keepRowHeights });
}

/** The cells a copy writes: every row's answer, flagged where it needs a reviewer; or only decided answers, unflagged. */
export function cellWrites(rows: Row[], copy: Copy, titleOf: (no: number) => string, language: Language): CellWrite[] {
  return copy === 'final' ? finalWrites(rows) : reviewWrites(rows, titleOf, language);
}

/** Rows still waiting for a reviewer: a final copy leaves them blank. */
export const unreviewed = (rows: Row[]) => rows.filter((r) => r.status === 'review' || r.status === 'unmatched').length;

function finalWrites(rows: Row[]): CellWrite[] {
  return rows.flatMap((r) => (r.status === 'auto' || r.status === 'confirmed' ? answerWrites(r, null) : []));
}

function reviewWrites(rows: Row[], titleOf: (no: number) => string, language: Language): CellWrite[] {
  return rows.flatMap((r) => answerWrites(r, r.status === 'review' || r.status === 'unmatched' ? flagComment(r, titleOf, language) : null));
}

/** The answer and choice cells of a row; a flag goes on the answer cell, or on the choice cell when there is no answer cell. */
function answerWrites(r: Row, flag: string | null): CellWrite[] {
  const writes: CellWrite[] = [];
  const withFlag = flag === null ? {} : { flag: { comment: flag } };
  if (r.answerCell && !r.existingAnswer.trim()) {
    const text = r.status === 'unmatched' ? '' : (r.answer ?? '');
    if (text || flag) writes.push({ sheet: r.sheet, cell: r.answerCell, text, ...withFlag });
  }
  if (r.choiceCell && !r.existingChoice.trim()) {
    const choice = r.status === 'unmatched' ? '' : (r.choice ?? '');
    const flagHere = flag !== null && (r.answerCell === null || r.answerCell === r.choiceCell);
    if (choice || flagHere) writes.push({ sheet: r.sheet, cell: r.choiceCell, text: choice, ...(flagHere ? withFlag : {}) });
  }
  if (r.marks && r.status !== 'unmatched') writes.push(...markWrites(r, r.answerCell === null ? withFlag : {}));
  return writes;
}

/** Boxes pre-printed in mark cells, which a mark replaces. */
const BOXES = new Set(['□', '☐']);

/** The mark in the one cell whose value is the row's choice (when none of its mark cells is marked yet). */
function markWrites(r: Row, flag: Pick<CellWrite, 'flag'>): CellWrite[] {
  const { symbol, cells } = r.marks!;
  if (cells.some((c) => c.existing && !BOXES.has(c.existing))) return [];
  const target = cells.find((c) => c.value === r.choice);
  if (!target) return [];
  return [{ sheet: r.sheet, cell: target.cell, text: symbol, overwrite: target.existing !== '', ...flag }];
}

/** The comment a reviewer sees on a flagged answer cell: what qmap proposes and what else it considered. */
export function flagComment(r: Row, titleOf: (no: number) => string, language: Language): string {
  const say = (code: string, params?: Record<string, string | number>) => messageText({ code, params }, language);
  const head =
    r.status === 'unmatched'
      ? say('flag.unmatched')
      : r.proposal.source === 'library'
        ? say('flag.library')
        : say('flag.review', { items: r.itemNos.map((n) => `No.${n} ${titleOf(n)}`).join(' + '), score: r.proposal.score.toFixed(2) });
  const others = otherCandidates(r).map((c) => `No.${c.itemNo} ${titleOf(c.itemNo)} (${c.score.toFixed(2)})`);
  return others.length ? `${head}\n${say('flag.others', { items: others.join(', ') })}` : head;
}

function reviewLines(rows: Row[], titleOf: (no: number) => string, language: Language): ReviewLine[] {
  const kept = messageText({ code: 'review.keptAnswer' }, language);
  return rows.map((r) => ({
    sheet: r.sheet,
    cell: r.answerCell ?? r.choiceCell,
    question: r.text,
    itemNos: r.itemNos,
    itemTitles: r.itemNos.map(titleOf),
    score: r.itemNos.length ? r.proposal.score : null,
    status: r.status,
    alternatives: otherCandidates(r)
      .map((c) => `No.${c.itemNo} ${titleOf(c.itemNo)}`)
      .join(' / '),
    answer: r.existingAnswer.trim() ? `${kept}${r.existingAnswer}` : r.status === 'unmatched' ? '' : (r.answer ?? ''),
    picks: picks(r),
  }));
}

/** The choice and mark cells the review copy writes for a row, and the box a mark replaces. */
function picks(r: Row): ReviewLine['picks'] {
  return answerWrites(r, null)
    .filter((w) => w.cell !== r.answerCell && w.text)
    .map((w) => ({ cell: w.cell, text: w.text, was: w.overwrite ? (r.marks?.cells.find((c) => c.cell === w.cell)?.existing ?? '') : '' }));
}

/** The candidates a reviewer may pick instead of what the row answers with now, best first (at most three). */
export function otherCandidates(r: Pick<Row, 'proposal' | 'itemNos'>) {
  return r.proposal.candidates.filter((c) => !r.itemNos.includes(c.itemNo)).slice(0, 3);
}

function titles(items: Item[], language: Language): (no: number) => string {
  const byNo = new Map(items.map((i) => [i.no, language === 'en' ? i.titleEn || i.title : i.title]));
  return (no) => byNo.get(no) ?? `No.${no}`;
}
