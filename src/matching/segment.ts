// Word and character n-gram segmentation. Japanese has no spaces, so words come from Intl.Segmenter
// (built into Node's ICU) and similarity uses character bigrams.

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The word-like segments of a normalised text. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * The grams similarity is counted in: stemmed English words (which bigrams describe poorly), then the
 * character bigrams of each Japanese run (a one-character run is its character), each Japanese gram as a
 * number: no string per bigram on the hot path of every question. `code` numbers a character; a gram with a character it does not know (-1)
 * is left out, and so is counted by nobody.
 */
export function gramKeys(text: string, code: (unit: number) => number = (u) => u): (string | number)[] {
  const out: (string | number)[] = [];
  for (const w of text.match(/[a-z][a-z0-9.]*/g) ?? []) out.push(stem(w));
  // Japanese runs: what lies between printable ASCII characters.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isPrintableAscii(text.charCodeAt(i))) continue;
    // A run is text[start, i).
    if (i - start === 1) {
      const c = code(text.charCodeAt(start));
      if (c >= 0) out.push(c);
    }
    for (let j = start; j + 2 <= i; j++) {
      const c0 = code(text.charCodeAt(j));
      const c1 = code(text.charCodeAt(j + 1));
      // Above every single character, so a bigram never equals a one-character run.
      if (c0 >= 0 && c1 >= 0) out.push(PAIR + c0 * PAIR + c1);
    }
    start = i + 1;
  }
  return out;
}

const isPrintableAscii = (unit: number) => unit >= 0x20 && unit <= 0x7e;

/** More than the characters of any text numbered (a UTF-16 code unit, or a document character's number). */
const PAIR = 65536;

/** The grams of a text as text (gramKeys with characters unnumbered): what similarity compares, readable. */
export function grams(text: string): string[] {
  return gramKeys(text).map((k) =>
    typeof k === 'string' ? k : k < PAIR ? String.fromCharCode(k) : String.fromCharCode(Math.floor(k / PAIR) - 1, k % PAIR),
  );
}

/**
 * A light English stemmer: plurals, -ed/-ing, -ation, final -e. Not Porter, but applied alike to questions
 * and aliases, so "notifying customers" meets "notify customers" and "data centres located" meets
 * "data centre location". Words of three letters or fewer (acronyms: tls, sla, rpo) are kept as they are.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  // British spellings fold into American ones: authorised → authorized, centre → center.
  let s = word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/tre(s?)$/, 'ter$1');
  if (s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ches') || s.endsWith('shes') || s.endsWith('xes')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !'sui'.includes(s[s.length - 2])) s = s.slice(0, -1);
  if (s.endsWith('ied')) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  if (s.endsWith('ation') && s.length > 7) s = s.slice(0, -5) + 'ate';
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

// "scanned" → "scann" → "scan"; "controlled" → "control"; but "access" keeps its ss.
const undouble = (s: string) => (/([b-df-hj-np-rtv-z])\1$/.test(s) && !/(ss|ll)$/.test(s) ? s.slice(0, -1) : s);

/** Every English word of a normalised text stemmed; Japanese left as it is. */
export function stemText(text: string): string {
  return text.replace(/[a-z]+/g, stem);
}

/**
 * The pattern of words long enough to carry a recognisable typo: English words and katakana loanwords
 * (「バックアプ」). A regular expression is enough for these and much faster than the segmenter on every
 * question; made once by its user, not per text.
 */
export function typoProneWords(minLength: number): RegExp {
  return new RegExp(`[a-z][a-z0-9-]{${minLength - 1},}|[\\u30a1-\\u30fa\\u30fc]{${minLength},}`, 'g');
}
