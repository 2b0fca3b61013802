// The alias lexicon: per METI item, the words customers use for it, and the topics no item answers.
// It is data (fixtures/lexicon.json), reviewed by people and grown over time; this file only reads it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';
import { isAscii, matchText } from './text.js';

export interface LexiconEntry {
  titleEn: string;
  /** The checklist's description of the item in English: vocabulary that explains English questions. */
  descriptionEn?: string;
  /** Japanese and English aliases: strong evidence. "A+B" means both A and B appear. */
  ja: string[];
  en: string[];
  /** Generic words: weak evidence. */
  keywords: string[];
  /** Words that mean the question is about a neighbouring item instead. */
  not?: string[];
  /** The aspects (aspects.ts) the item's answer settles besides whether it exists; "*" for all (an answer of "no"). */
  settles?: string[];
  /** How many times a year the answer says the thing is done (daily backups: 365), where it says. */
  rate?: number;
}

export interface NegativeTopic {
  topic: string;
  ja: string[];
  en: string[];
}

/** The words that show a question asks about one aspect of its topic (how often, a report, who …). */
export interface AspectCues {
  ja: string[];
  en: string[];
}

export interface Lexicon {
  items: Record<string, LexiconEntry>;
  negative: NegativeTopic[];
  aspects: Record<string, AspectCues>;
  /** Frequency words and how many times a year each means (quarterly: 4). */
  rates: Record<string, number>;
}

// Found the same way from src/ (tsx) and dist/src/ (built).
export const defaultLexiconPath = join(fixturesDir, 'lexicon.json');

export function loadLexicon(path = defaultLexiconPath): Lexicon {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Lexicon;
  return { items: raw.items, negative: raw.negative, aspects: raw.aspects ?? {}, rates: raw.rates ?? {} };
}

/**
 * The words customers use for an item, as a person would type them into a search: its English title and
 * its aliases ("A+B" written "A B"). Empty for an item the lexicon does not know.
 */
export function itemWords(lexicon: Lexicon, no: number): { titleEn: string; aliases: string[] } {
  const entry = lexicon.items[String(no)];
  if (!entry) return { titleEn: '', aliases: [] };
  return { titleEn: entry.titleEn, aliases: [...entry.ja, ...entry.en].map((a) => a.replace(/\+/g, ' ')) };
}

export type TermKind = 'alias' | 'keyword' | 'title' | 'negative' | 'not' | 'learned' | 'aspect';

/** One lexicon term ready for matching. itemNo is 0 for negative topics. */
export interface Term {
  itemNo: number;
  kind: TermKind;
  /** As written in the lexicon, shown to reviewers. */
  label: string;
  /** Normalised parts, all of which must occur. */
  parts: string[];
  /** Per part: ASCII only, matched on word boundaries. */
  ascii: boolean[];
  /** Matched characters: longer terms are more specific. */
  length: number;
  /** For negative terms: the topic's name; for aspect cues, the aspect's. */
  topic?: string;
}

export function compileTerm(label: string, itemNo: number, kind: TermKind, topic?: string): Term | null {
  const parts = label
    .split('+')
    .map((p) => matchText(p))
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  // ASCII letters are half as informative per character as kanji/kana.
  const length = parts.reduce((n, p) => n + (isAscii(p) ? Math.max(3, p.length * 0.6) : p.length), 0);
  return { itemNo, kind, label, parts, ascii: parts.map(isAscii), length, topic };
}
