// Upload → the top of each sheet and where detection would read the questions, for a user to point at the table
// when qmap could not find it or was unsure. Nothing is stored.
import type { FileKind } from '../domain.js';
import { isQmapError } from '../errors.js';
import { detect } from '../workbook/detect.js';
import { preview, type SheetPreview } from '../workbook/preview.js';
import { readBook } from '../workbook/read.js';
import type { Limits } from '../workbook/types.js';

export interface PreviewInput {
  bytes: Uint8Array;
  filename: string;
  limits: Limits;
}

export interface Preview {
  kind: FileKind;
  sheets: (SheetPreview & { detected: { headerRow: number | null; questionColumn: string | null; answerColumn: string | null; choiceColumn: string | null; questions: number } | null })[];
}

export function previewOf({ bytes, filename, limits }: PreviewInput): Preview {
  const book = readBook(bytes, filename, limits);
  const found = detected(book);
  return {
    kind: book.kind,
    sheets: preview(book).map((p) => {
      const d = found?.find((s) => s.name === p.name);
      return { ...p, detected: d && d.questions.length ? { headerRow: d.headerRow, questionColumn: d.questionColumn, answerColumn: d.answerColumn, choiceColumn: d.choiceColumn, questions: d.questions.length } : null };
    }),
  };
}

/** What detection finds on its own, or null when it finds no questions at all. */
function detected(book: ReturnType<typeof readBook>) {
  try {
    return detect(book).sheets;
  } catch (e) {
    if (isQmapError(e) && e.code === 'no_questions') return null;
    throw e;
  }
}
