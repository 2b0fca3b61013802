// Word and character n-gram segmentation. Japanese has no spaces, so words come from Intl.Segmenter
// (built into Node's ICU) and similarity uses character bigrams.

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The word-like segments of a normalised text. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Character n-grams of the text with spaces removed, plus whole ASCII words (which bigrams describe poorly). */
export function grams(text: string, n = 2): string[] {
  const out: string[] = [];
  for (const w of text.match(/[a-z][a-z0-9.]*/g) ?? []) out.push(stem(w));
  const ja = text.replace(/[\x20-\x7e]+/g, ' ');
  for (const run of ja.split(' ')) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
  }
  return out;
}

/** English plural and -ed/-ing endings, crudely: enough for "backups" ~ "backup". */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '') || word;
}

/**
 * Words long enough to carry a recognisable typo: English words and katakana loanwords (「バックアプ」).
 * A regular expression is enough for these and much faster than the segmenter on every question.
 */
export function typoProneWords(text: string, minLength: number): string[] {
  const re = new RegExp(`[a-z][a-z0-9-]{${minLength - 1},}|[\\u30a1-\\u30fa\\u30fc]{${minLength},}`, 'g');
  return text.match(re) ?? [];
}
