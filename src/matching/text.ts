// Text folding shared by questions, aliases and learned questions, so that they compare equal whatever width,
// case, punctuation or line breaks the customer used (not the workbook's header vocabulary: workbook/vocabulary.ts).
import { stemText } from './segment.js';

/** Characters that only separate words: everything but letters and digits, and a dot unless it is a decimal point. */
const SEPARATOR = /(?<!\d)\.|\.(?!\d)|[^\p{L}\p{N}.]+/gu;

/**
 * Folds a text for comparison: NFKC (full width → half width), lower case, punctuation and brackets (「」【】（）／・…) to nothing.
 * A space survives only between two ASCII words, two numbers, or a number and the word after it
 * ("service hours", "27001 27017", "2 type"), so 「バックアップ 頻度」, 「ＴＬＳ１．２」, "TLS 1.2" and "SOC 2"
 * read the same as 「バックアップ頻度」, "tls1.2", "tls1.2" and "soc2".
 */
export function foldText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(SEPARATOR, ' ').trim();
  // Each run of spaces is decided once, by the characters either side of it.
  return folded.includes(' ') ? folded.replace(/ +/g, (run: string, at: number) => (keepsSpace(folded.charCodeAt(at - 1), folded.charCodeAt(at + run.length)) ? ' ' : '')) : folded;
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const keepsSpace = (before: number, after: number) => ((isLetter(before) || isDigit(before)) && isLetter(after)) || (isDigit(before) && isDigit(after));

export interface QuestionParts {
  /** What is asked. */
  main: string;
  /** Asides that may name the topic but are weaker evidence: ※ notes and 例： / e.g. hints. */
  notes: string;
}

// 「（例：CSV、Excel）」, 「例：24時間365日」, "(e.g., TIA-942, ISO 27001)", "(Note: this does not refer to …)".
const HINT =
  /[（(]\s*(?:例|e\.g\.|eg\.|for example|例えば|note|注)[^）)]*[）)]|(?:^|\s)(?:例|e\.g\.|note)\s*[:：][^\n]*/giu;
// A ※ note runs to the end of its line.
const NOTE = /※[^\n]*/gu;
// Required-field markers and polite closings carry no topic.
const MARKERS = /【必須】|【任意】|\[必須\]|\(必須\)|（必須）/gu;

/** Splits the raw question into what is asked and its asides (hints, notes), before normalising. */
export function splitQuestion(text: string): QuestionParts {
  const notes: string[] = [];
  let main = text.replace(MARKERS, ' ');
  // A hint needs a bracket or a colon, a note its ※: most questions have neither, and the case-insensitive
  // search for hints is slow.
  if (/[（(:：]/.test(main)) main = main.replace(HINT, (m) => (notes.push(m), ' '));
  if (main.includes('※')) main = main.replace(NOTE, (m) => (notes.push(m), ' '));
  return { main: main.trim(), notes: notes.join(' ').trim() };
}

/** The form questions and lexicon terms are compared in: normalised, English words stemmed. */
export function matchText(text: string): string {
  return stemText(foldText(text));
}

/** Whether a (normalised) term is written in ASCII only: it is then matched on word boundaries. */
export const isAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);
