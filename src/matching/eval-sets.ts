// Labelled evaluation sets (a folder of workbooks and labels.json, format: /work/corpora/LABELS.md) read as the
// product reads them: each labelled question with the section and numbering detection finds for its row, its
// language, and the fictional customer (source) it comes from, for per-language and leave-one-source-out figures.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Language } from '../domain.js';
import { readLabels } from '../labels.js';
import { detect } from '../workbook/detect.js';
import { readBook } from '../workbook/read.js';
import { mainLanguage } from './language.js';
import type { Labelled } from './evaluate.js';

export type Kind = 'answerable' | 'none' | 'near-miss';

export interface EvalQuestion extends Labelled {
  /** The set's folder name (eval-match-ja, dev …). */
  set: string;
  file: string;
  sheet: string;
  row: number;
  section: string | null;
  number: string | null;
  /** The fictional customer the workbook comes from; the file when the labels do not say. */
  source: string;
  /** The questionnaire's language. */
  language: Language;
  kind: Kind;
}

// The fields of LABELS.md that labels.ts does not read (it validates the rest).
const extras = z.object({
  workbooks: z.array(
    z.object({
      source: z.string().optional(),
      language: z.enum(['ja', 'en']).optional(),
      sheets: z.array(z.object({ questions: z.array(z.object({ kind: z.enum(['answerable', 'none', 'near-miss']).optional() })) })),
    }),
  ),
});

/** Generous limits: the sets are ours, and every workbook must be read. */
const limits = { uploadBytes: 1e9, uncompressedBytes: 1e10, sheets: 1000, rows: 1e6, columns: 1e4 };

/** Every labelled question of a set, in workbook, sheet and row order. */
export function loadEvalSet(dir: string): EvalQuestion[] {
  const labels = readLabels(dir);
  const raw = extras.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const set = basename(dir);
  return labels.workbooks.flatMap((w, wi) => {
    const where = detectedRows(join(dir, w.file));
    const source = raw.workbooks[wi].source ?? `${set}/${w.file}`;
    const language = raw.workbooks[wi].language ?? mainLanguage(w.sheets.flatMap((s) => s.questions.map((q) => q.text)));
    return w.sheets.flatMap((s, si) =>
      s.questions.map((q, qi): EvalQuestion => {
        const found = where.get(`${s.name}\u0000${q.row}`);
        const kind = raw.workbooks[wi].sheets[si].questions[qi].kind ?? (q.items.length ? 'answerable' : 'none');
        return {
          text: q.text,
          items: q.items,
          also: q.also,
          set,
          file: w.file,
          sheet: s.name,
          row: q.row,
          section: found?.section ?? null,
          number: found?.number ?? null,
          source,
          language,
          kind,
        };
      }),
    );
  });
}

/** Section and numbering of each question row detection finds, by sheet and row; empty when the file cannot be read. */
function detectedRows(path: string): Map<string, { section: string | null; number: string | null }> {
  const out = new Map<string, { section: string | null; number: string | null }>();
  if (!existsSync(path)) return out;
  try {
    for (const sheet of detect(readBook(readFileSync(path), path, limits)).sheets) {
      for (const q of sheet.questions) out.set(`${q.sheet}\u0000${q.row}`, { section: q.section, number: q.number });
    }
  } catch {
    // A set may hold a file detection refuses; its questions are matched without section.
  }
  return out;
}
