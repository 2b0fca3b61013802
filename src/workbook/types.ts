// The shapes that flow between reading, detection, matching and writing.
// Each step is a plain function over these values, testable without HTTP or SQLite.

export type FileKind = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv';

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
}

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

export interface DetectedQuestion {
  sheet: string;
  /** 1-based Excel row of the question text. */
  row: number;
  /** The question text as the customer wrote it (rich text runs joined, line breaks as \n). */
  text: string;
  /** Nearest section row or category column value, if any. */
  section: string | null;
  /** The customer's own numbering (1, 1-1, Q1.2, OP-01), if any. */
  number: string | null;
  /** A1 address of the cell the free-text answer belongs in, or null. */
  answerCell: string | null;
  /** A1 address of the choice (はい/いいえ, ○/×) cell, or null. */
  choiceCell: string | null;
  /** What the customer had already typed into the answer / choice cell before upload ('' if empty). */
  existingAnswer: string;
  existingChoice: string;
}

export interface SheetDetection {
  name: string;
  headerRow: number | null;
  questionColumn: string | null;
  answerColumn: string | null;
  choiceColumn: string | null;
  choices: string[] | null;
  /** In words: why this header row and these columns were chosen, or why the sheet holds no questions. */
  reason: string;
  questions: DetectedQuestion[];
  /** Rows with text in the question column that the customer hid; not read as questions. */
  hiddenRows?: number;
}

export interface Detection {
  sheets: SheetDetection[];
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
}

/** One line of the 「qmap確認」 sheet appended to the prefilled workbook. */
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
}
