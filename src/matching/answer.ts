// What is written for a match: the item's answer text, and (when the customer's sheet has a yes/no column)
// the choice that the item's 有/無 implies — only when the question's polarity leaves no doubt.

import { foldText, splitQuestion } from './text.js';
import type { Item } from '../domain.js';

/** One item: its answer. Two (a compound question): each answer under 【its title】, in the order given. */
export function composeAnswer(items: Item[], itemNos: number[]): string {
  const chosen = itemNos.map((n) => items.find((i) => i.no === n)).filter((i): i is Item => !!i);
  if (chosen.length === 1) return chosen[0].answer;
  return chosen.map((i) => `【${i.title}】\n${i.answer}`).join('\n\n');
}

// Question words: the question asks for a value or a description, not yes or no.
const OPEN_QUESTION =
  /何|どの|どう|どこ|いつ|いくつ|いくら|どれ|どのよう|具体的|ご記入|記載|教えて|\b(how|what|which|when|where|who|why|describe|list|explain|provide details)\b/i;
// Negated questions (「〜ありませんか」, "Do you not…") invert はい/いいえ in ways that differ by reader.
const NEGATED = /ません|ないか|ないです|無いか|なしか|\b(not|never|no longer)\b|n't/i;
// A yes/no question: 「〜していますか」「〜可能ですか」「〜の有無」, "Do you…?", "Is…?".
const YES_NO_JA = /(ますか|ですか|ましたか|でしょうか|有無|可否|可能か)\s*$/;
const YES_NO_EN = /^(do|does|did|is|are|was|were|have|has|can|could|will|would|should|may)\b/i;

const YES = ['はい', '有', 'あり', '有り', '○', '◯', '〇', 'yes', 'y', '対応', '対応済', '実施', '実施済', '可', '済'];
const NO = ['いいえ', '無', 'なし', '無し', '×', '✕', '✗', 'no', 'n', '未対応', '未実施', '不可', '非対応'];

/**
 * The choice (はい/いいえ, ○/×, Yes/No…) implied by the items' 有/無 for a yes/no question, from the
 * customer's own allowed values; null when the question is open, negated or mixed, the items have no
 * 有/無, two items disagree, or the choices have no plain yes/no value.
 */
export function choiceFor(question: string, items: Item[], itemNos: number[], choices: string[]): string | null {
  const shorts = itemNos.map((n) => items.find((i) => i.no === n)?.shortAnswer ?? null);
  if (shorts.length === 0 || shorts.some((s) => s === null) || new Set(shorts).size !== 1) return null;
  if (!isYesNoQuestion(question)) return null;
  const allowed = shorts[0] === '有' ? YES_KEYS : NO_KEYS;
  return choices.find((c) => allowed.has(choiceKey(c))) ?? null;
}

/** A choice compared whatever its width or case; a mark such as ○ or × has no letters and stays itself. */
const choiceKey = (s: string) => foldText(s) || s.normalize('NFKC').trim();
const YES_KEYS = new Set(YES.map(choiceKey));
const NO_KEYS = new Set(NO.map(choiceKey));

/** Whether the question (its main sentence, without ※ notes and 例 hints) asks for a plain yes or no. */
export function isYesNoQuestion(question: string): boolean {
  const main = splitQuestion(question).main.normalize('NFKC');
  if (OPEN_QUESTION.test(main) || NEGATED.test(main)) return false;
  // The asking sentence is the last one that ends in a question form; earlier ones are preamble.
  const sentences = main
    .split(/[。？?\n]/)
    .map((s) => s.replace(/[（(].*?[）)]/g, '').trim())
    .filter(Boolean);
  const last = sentences[sentences.length - 1] ?? '';
  return YES_NO_JA.test(last) || YES_NO_EN.test(main.trim()) || sentences.some((s) => YES_NO_EN.test(s));
}
