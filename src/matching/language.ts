// Which language a question is written in: thresholds and aspect cues differ between Japanese and English.
import type { Language } from '../domain.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** Japanese when the text has any kana or kanji (a bilingual question is read as Japanese), else English. */
export const questionLanguage = (text: string): Language => (JAPANESE.test(text) ? 'ja' : 'en');

/** The language most of the texts are in (Japanese on a tie): a questionnaire's, for terse questions such as "RTO". */
export function mainLanguage(texts: string[]): Language {
  const ja = texts.filter((t) => questionLanguage(t) === 'ja').length;
  return ja * 2 >= texts.length ? 'ja' : 'en';
}
