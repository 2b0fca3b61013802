// What a matcher needs of the items and the lexicon, built once per matcher: the lexicon's terms in a trie,
// the n-gram and explanation documents, and the typo index.

import type { Item } from '../domain.js';
import { aspectIndex, type AspectIndex } from './aspects.js';
import { compileTerm, itemWords, type Lexicon, type Term } from './lexicon.js';
import { explainIndex, type ExplainIndex } from './signals/explain.js';
import { fuzzyIndex, type FuzzyIndex } from './signals/fuzzy.js';
import { ngramIndex, type NgramIndex } from './signals/ngram.js';
import { termIndex, type TermIndex } from './signals/terms.js';
import { foldText, matchText } from './text.js';

export interface Compiled {
  items: Item[];
  byNo: Map<number, Item>;
  /** An item's place in `items`, and in the n-gram and explanation documents. */
  slotOf: Map<number, number>;
  terms: TermIndex;
  notTerms: TermIndex;
  /** How many items share a term's normalised wording. */
  shared: Map<Term, number>;
  ngram: NgramIndex;
  fuzzy: FuzzyIndex;
  explain: ExplainIndex;
  aspects: AspectIndex;
}

export function compile(items: Item[], lexicon: Lexicon): Compiled {
  const { terms, notTerms } = lexiconTerms(items, lexicon);
  const unique = uniqueTerms(terms);
  const docs = items.map((item) => {
    const { titleEn, aliases } = itemWords(lexicon, item.no);
    const descriptionEn = lexicon.items[String(item.no)]?.descriptionEn ?? '';
    return matchText(`${item.title} ${item.title} ${item.description} ${descriptionEn} ${[titleEn, ...aliases].join(' ')}`);
  });
  return {
    items,
    byNo: new Map(items.map((i) => [i.no, i])),
    slotOf: new Map(items.map((item, i) => [item.no, i])),
    terms: termIndex(unique.terms),
    notTerms: termIndex(notTerms),
    shared: unique.shared,
    ngram: ngramIndex(docs),
    // Negative topics are not guessed from look-alike words: "authentication" is not "authenticator".
    fuzzy: fuzzyIndex(unique.terms.filter((t) => t.kind === 'alias')),
    explain: explainIndex(items.map((item) => vocabulary(item, lexicon.items[String(item.no)]))),
    aspects: aspectIndex(lexicon),
  };
}

/** Every term of the lexicon and the items' titles, and the words that point away from an item ('not'). */
function lexiconTerms(items: Item[], lexicon: Lexicon): { terms: Term[]; notTerms: Term[] } {
  const terms: Term[] = [];
  const notTerms: Term[] = [];
  const push = (list: Term[], t: Term | null) => t && list.push(t);
  // Titles without their bracketed part (「目標復旧時間」 from 「目標復旧時間(RTO)」), unless two items then read
  // the same (「サービス提供時間帯」 is 26 and 27).
  const plainTitle = (t: string) => foldText(t.replace(/\(.*?\)|（.*?）/g, ''));
  const titleCount = new Map<string, number>();
  for (const item of items) titleCount.set(plainTitle(item.title), (titleCount.get(plainTitle(item.title)) ?? 0) + 1);
  for (const item of items) {
    const entry = lexicon.items[String(item.no)];
    if (titleCount.get(plainTitle(item.title)) === 1) push(terms, compileTerm(plainTitle(item.title), item.no, 'title'));
    if (!entry) continue;
    for (const a of [...entry.ja, ...entry.en, entry.titleEn]) push(terms, compileTerm(a, item.no, 'alias'));
    for (const k of entry.keywords) push(terms, compileTerm(k, item.no, 'keyword'));
    for (const n of entry.not ?? []) push(notTerms, compileTerm(n, item.no, 'not'));
  }
  for (const topic of lexicon.negative) {
    for (const n of [...topic.ja, ...topic.en]) push(terms, compileTerm(n, 0, 'negative', topic.topic));
  }
  return { terms, notTerms };
}

/** The same wording listed for several items (or twice for one) counts once, split between the items. */
function uniqueTerms(terms: Term[]): { terms: Term[]; shared: Map<Term, number> } {
  const key = (t: Term) => `${t.kind === 'keyword' ? 'k' : 's'}:${t.parts.join('+')}`;
  const owners = new Map<string, Set<number>>();
  const unique = terms.filter((t) => {
    const set = owners.get(key(t)) ?? new Set<number>();
    owners.set(key(t), set);
    if (set.has(t.itemNo)) return false;
    set.add(t.itemNo);
    return true;
  });
  return { terms: unique, shared: new Map(unique.map((t) => [t, owners.get(key(t))!.size])) };
}

/** What an item's answer can be said to be about: its own text in both languages and every wording the lexicon gives it. */
function vocabulary(item: Item, entry: Lexicon['items'][string] | undefined): string {
  const words = entry ? [entry.titleEn, entry.descriptionEn ?? '', ...entry.ja, ...entry.en, ...entry.keywords] : [];
  const own = [item.title, item.description, item.answer, item.answerEn ?? ''];
  return matchText(`${own.join(' ')} ${words.join(' ').replace(/\+/g, ' ')}`);
}
