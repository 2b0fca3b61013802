// The shapes that flow between reading, detection, matching and writing.
// Each step is a plain function over these values, testable without HTTP or SQLite.

import type { FileKind, Question } from '../domain.js';

export type { FileKind, Question } from '../domain.js';

/** Limits on what a single upload may contain; enforced before and while reading. */
export interface Limits {
  /** Largest upload accepted, in bytes. */
  uploadBytes: number;
  /** Largest total uncompressed size of a zip-based workbook, checked from the zip directory before inflating. */
  uncompressedBytes: number;
  /** Most sheets in one workbook. */
  sheets: number;
  /** Most rows in one sheet (the used range). */
  rows: number;
  /** Most columns in one sheet (the used range). */
  columns: number;
}

/** One sheet as text, 0-based internally; `cell(r, c)` is the formatted text of the cell ('' when empty). */
export interface Grid {
  name: string;
  /** Hidden or very hidden sheet. */
  hidden: boolean;
  /** Number of rows / columns of the used range, counted from A1. */
  rowCount: number;
  colCount: number;
  cell(r: number, c: number): string;
  /** The formula of a cell, without its '=' ('' when the cell holds none). */
  formula(r: number, c: number): string;
  /** Merged ranges, 0-based inclusive. */
  merges: Range[];
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  /** List-type data validations: the cells they cover and their allowed values. */
  validations: { range: Range; values: string[] }[];
  /** How many cells hold a formula, so a summary of formulas is not mistaken for questions. */
  formulaCells: number;
  /** Cells with a strike-through font ("r,c"), when the format tells us. */
  struck: Set<string>;
  /** Widths in characters of the columns the sheet sizes (others have the default width). */
  colWidths: Map<number, number>;
  /** Whether a cell is shaded or bordered, when the format tells us (xlsx); undefined for a plain cell. */
  look(r: number, c: number): Look | undefined;
}

/** How a cell is drawn: its fill colour (a key such as rgb:FFFF00 or theme:4:0.8; null: none) and whether it has borders. */
export interface Look {
  fill: string | null;
  border: boolean;
}

/** One number per cell (Excel has at most 16,384 columns), for maps keyed by cell. */
export const cellKey = (r: number, c: number): number => r * 16384 + c;

export interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Book {
  kind: FileKind;
  sheets: Grid[];
}

/** Per-upload overrides of detection, all optional; columns are letters (A, B, …), rows 1-based. */
export interface DetectOverrides {
  sheet?: string;
  headerRow?: number;
  questionColumn?: string;
  answerColumn?: string;
  choiceColumn?: string;
}

export interface SheetDetection {
  name: string;
  headerRow: number | null;
  questionColumn: string | null;
  answerColumn: string | null;
  choiceColumn: string | null;
  choices: string[] | null;
  /** Columns to mark one of (はい | いいえ as two columns), with the value a mark in each means; null otherwise. */
  marks: { value: string; column: string }[] | null;
  /** With marks: the symbol to mark with (■ for a pre-printed □, the mark already made in those columns, the one the instructions quote, else ○ on a Japanese sheet and X on an English one); null without marks. */
  markSymbol: string | null;
  /** In words: why this header row and these columns were chosen, or why the sheet holds no questions. */
  reason: string;
  questions: Question[];
  /** Rows with text in the question column that the customer hid; not read as questions. */
  hiddenRows?: number;
}

export interface Detection {
  sheets: SheetDetection[];
  /** The upload is qmap's own review copy: its review sheet, and how many of qmap's unconfirmed guesses were read as empty. */
  reviewCopy?: { sheet: string; guesses: number };
}

/** One cell qmap writes into the customer's workbook. */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Written as a plain string, never as a formula. */
  text: string;
  /** Highlight the cell and attach this comment (review and unmatched rows). */
  flag?: { comment: string };
  /** Write over what the cell holds: only for a mark replacing a pre-printed box, which the reader saw there. */
  overwrite?: boolean;
}

/** One line of the review sheet (「qmap確認」, "qmap review") appended to the review copy. */
export interface ReviewLine {
  sheet: string;
  cell: string | null;
  question: string;
  itemNos: number[];
  itemTitles: string[];
  score: number | null;
  status: 'auto' | 'review' | 'unmatched' | 'confirmed';
  alternatives: string;
  answer: string;
  /** The choice and mark cells qmap wrote for the line (what it wrote, and the box a mark replaced), so a review copy uploaded again tells qmap's guesses from the customer's text. */
  picks?: { cell: string; text: string; was: string }[];
}
