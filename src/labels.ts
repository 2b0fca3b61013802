// labels.json of an evaluation set (format: ../shared/eval/dev/README.md): which rows of which sheets are
// questions, where their answers go, and which items answer each. Read by the benchmarks, the threshold
// calibration and tests, through one schema, so a malformed file fails naming the bad field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const column = z.string().nullable().default(null);

const question = z.object({
  /** 1-based row as Excel shows it (CSV: record number, header = 1). */
  row: z.number().int(),
  text: z.string(),
  /** Items whose answer answers the question, best first; [] = none does. */
  items: z.array(z.number().int()),
  /** Weaker, partial answers. */
  also: z.array(z.number().int()).default([]),
  note: z.string().default(''),
  /** Only where the answer goes somewhere other than (row, answerColumn): form-style sheets. */
  answerCell: z.string().nullable().optional(),
  choiceCell: z.string().nullable().optional(),
});

// Sets that only label matching (fixtures/matching/*) leave out where the table is.
const sheet = z.object({
  name: z.string(),
  headerRow: z.number().int().nullable().default(null),
  questionColumn: column,
  answerColumn: column,
  choiceColumn: column,
  choices: z.array(z.string()).nullable().default(null),
  /** When the answer is given by marking one of several columns (はい | いいえ as two columns). */
  markColumns: z.array(z.object({ value: z.string(), column: z.string() })).nullable().default(null),
  questions: z.array(question),
});

const labelsFile = z.object({
  workbooks: z.array(
    z.object({
      file: z.string(),
      layout: z.string().default(''),
      language: z.enum(['ja', 'en']).optional(),
      /** The program that saved the file (openpyxl, exceljs, libreoffice, sheetjs-stored, …). */
      producer: z.string().optional(),
      sheets: z.array(sheet),
    }),
  ),
});

export type Labels = z.infer<typeof labelsFile>;
export type LabelSheet = z.infer<typeof sheet>;
export type LabelQuestion = z.infer<typeof question>;

/** The labels.json of an evaluation folder. */
export function readLabels(dir: string): Labels {
  return labelsFile.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
}

/** Every labelled question of a set, workbook by workbook, sheet by sheet. */
export const labelledQuestions = (labels: Labels): LabelQuestion[] =>
  labels.workbooks.flatMap((w) => w.sheets.flatMap((s) => s.questions));
