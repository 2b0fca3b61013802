// Explanation signal: how much of what a question asks is explained by an item's own vocabulary, and how
// specific the wording that decided it is. A question that merely mentions an item's word in a side clause
// (「他の利用者と共用しない」 in a key-management question) leaves most of its content unexplained.
//
// Units of content: English content words (stemmed) and, in Japanese, character bigrams of kanji/katakana
// runs (hiragana is grammar: 〜していますか). Question boilerplate is removed first. Each unit weighs by how
// rare it is among the items' vocabularies, so generic words (管理, data) explain little and leave little
// unexplained.

import { memo } from '../memo.js';
import { stem } from '../segment.js';

/**
 * Asking phrases, the customer's names for itself and the vendor, and framing words every questionnaire uses
 * whatever the topic (仕組み, 運用, 把握, システム): removed before counting units (normalised form: NFKC, lower case).
 */
const BOILERPLATE_JA = new RegExp(
  [
    '貴社|御社|弊社|当社|当金庫|当院|本市|本学|当行|当機構|当組合|当法人|弊行|弊院|貴行|貴院|御行|当方|本件|当該',
    'ご?記入|ご?回答|ご?説明|ご?教示|ご?提示|有無|可否|具体的|具体|該当|記載|明記|明示|内容|状況|場合|必要|可能|対応|実施|提供|予定',
    '仕組み|仕組|状態|目安|程度|方法|用意|想定|十分|万一|整備|運用|把握|確保|業務上|業務|措置|講じ|確認|事項|項目|要件|観点|目的|理由',
    '通常|原則|基本|適切|システム|サービス|顧客|お客様',
    '下さい|ください|お願い|いますか|ますか|ですか|について|における|に関する|等',
  ].join('|'),
  'g',
);

const STOPWORDS = new Set(
  (
    'a an and any are as at be been by can could do doe does for from has have how if in is it its of on or our ' +
    'please provide describe detail explain list state specify so that the their there these this those to us we ' +
    'what when where which who will with would you your yes no not other than such also all each been being ' +
    'company vendor organization service solution applicable ensure mean procedure process within include ' +
    'customer client bank institution university hospital organisation application app system platform product ' +
    'perform use used using many much before after over most current currently define take taken hold held design ' +
    'apply commit arrangement typical typically offer basis via through both able maintain establish place'
  )
    .split(' ')
    .map(stem),
);

const JA_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[\u30a1-\u30fa\u30fc]+/g;
const EN_WORD = /[a-z][a-z0-9]*/g;
const EN_START = /^[a-z]/;

/**
 * The content words of a normalised (matchText) text, each as its units: an English content word is one unit;
 * a kanji or katakana run (kanji and katakana apart: 「サポート」「窓口」) is its character bigrams.
 */
export function contentWords(text: string): string[][] {
  return contentTokens(text).map(unitsOf);
}

/** The content words of a normalised text as written: English words first, then kanji and katakana runs. */
function contentTokens(text: string): string[] {
  const out: string[] = [];
  const ja = text.replace(BOILERPLATE_JA, ' ');
  for (const w of ja.match(EN_WORD) ?? []) if (w.length >= 3 && !STOPWORDS.has(w)) out.push(w);
  for (const run of ja.match(JA_RUN) ?? []) if (run.length > 1) out.push(run);
  return out;
}

/** A content word's units: an English word is one, a kanji or katakana run its character bigrams. */
function unitsOf(token: string): string[] {
  if (EN_START.test(token)) return [token];
  const grams: string[] = [];
  for (let i = 0; i + 2 <= token.length; i++) grams.push(token.slice(i, i + 2));
  return grams;
}

/** All units of a normalised text, flat. */
export const contentUnits = (text: string): string[] => contentWords(text).flat();

/** A question's content words, weighed and ready to be explained by any items (ExplainIndex.content). */
export interface Content {
  words: {
    /** Per unit, the items whose vocabulary has it, as a bit set (32 items a number). */
    owners: Uint32Array[];
    /** The word's rarest unit's weight. */
    weight: number;
  }[];
}

export interface ExplainIndex {
  /** The content of a normalised question, worked out once for the several ways it is explained. */
  content(text: string): Content;
  /**
   * Share in [0, 1] of the question's content (weighted by rarity) that the given items' vocabularies contain.
   * 1 when the question has no content units at all.
   */
  explained(question: string | Content, itemIndexes: number[]): number;
  /** Number of item vocabularies in which every part of a term occurs (at least 1 for the item's own term). */
  spread(parts: string[]): number;
}

/** Whether two bit sets of items have one in common. */
function sharesAny(a: Uint32Array, b: Uint32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] & b[k]) return true;
  return false;
}

/** docs: per item, its normalised vocabulary (title, description, answer, aliases, keywords). */
export function explainIndex(docs: string[]): ExplainIndex {
  const vocab = docs.map((d) => new Set(contentUnits(d)));
  const df = new Map<string, number>();
  for (const v of vocab) for (const u of v) df.set(u, (df.get(u) ?? 0) + 1);
  // A unit no item knows weighs like the rarest known one: it is content the matcher cannot account for.
  const weight = (u: string) => Math.log(1 + docs.length / Math.max(1, df.get(u) ?? 0));
  const size = Math.ceil(docs.length / 32);
  // Per unit: the items that know it, and its weight.
  const units = new Map<string, { owners: Uint32Array; weight: number }>();
  const unknown = { owners: new Uint32Array(size), weight: Math.log(1 + docs.length) };
  vocab.forEach((v, i) => {
    for (const u of v) {
      let unit = units.get(u);
      if (!unit) units.set(u, (unit = { owners: new Uint32Array(size), weight: weight(u) }));
      unit.owners[i >>> 5] |= 1 << (i & 31);
    }
  });

  /** A word's units looked up once: the same words (「バックアップ」, "backup") come back in question after question. */
  const wordOf = memo((token: string): Content['words'][number] => {
    const known = unitsOf(token).map((u) => units.get(u) ?? unknown);
    return { owners: known.map((u) => u.owners), weight: Math.max(...known.map((u) => u.weight)) };
  }, 16384);
  const content = (text: string): Content => {
    // Each word counts once, by its rarest part.
    const seen = new Set<string>();
    const words: Content['words'] = [];
    for (const token of contentTokens(text)) {
      if (seen.has(token)) continue;
      seen.add(token);
      words.push(wordOf(token));
    }
    return { words };
  };
  const spreadOf = memo((key: string) => {
    const parts = key.split('\u0000');
    return Math.max(1, docs.filter((d) => parts.every((p) => d.includes(p))).length);
  });
  // The chosen items as a bit set, one for every call (explained is called several times a question).
  const chosen = new Uint32Array(size);
  return {
    content,
    explained(question, itemIndexes) {
      chosen.fill(0);
      for (const i of itemIndexes) if (i >= 0 && i < docs.length) chosen[i >>> 5] |= 1 << (i & 31);
      // A word is explained in the share of its parts an item knows.
      let total = 0;
      let known = 0;
      // Index loops: this runs for every ranked item of every question, and iterators there cost garbage.
      const words = (typeof question === 'string' ? content(question) : question).words;
      for (let i = 0; i < words.length; i++) {
        const { owners, weight: w } = words[i];
        let inVocab = 0;
        for (let o = 0; o < owners.length; o++) if (sharesAny(owners[o], chosen)) inVocab++;
        total += w;
        known += w * (inVocab / owners.length);
      }
      return total > 0 ? known / total : 1;
    },
    spread: (parts) => spreadOf(parts.join('\u0000')),
  };
}
