// The value written in a choice column for a match: the customer's own word for what the items' answers say
// (はい, ○, Yes, 対応済 …). The answer text itself is composed in pipeline/answers.ts.

import type { ChoiceValue, Item, Message } from '../domain.js';
import { choiceValueOf, wordFor } from './choices.js';
import { isNegatedQuestion, reverseSenseTerm } from './direction.js';
import { reason } from './reasons.js';
import { thresholdDoubt } from './thresholds.js';

export { isNegatedQuestion };

export interface ChoiceResult {
  /** One of the allowed values, or null when none can be said with confidence (the row is then a reviewer's). */
  choice: string | null;
  /** Why there is no choice, or what a reviewer should know about the one given (a negated question). */
  reason?: Message;
}

/**
 * The choice the items' answers imply, in the customer's own words: from each item's 有/無, or its default
 * choice where the answer has no 有/無 (service hours, RTO); inverted for a negated question
 * (「〜していませんか」, "Do you not …"). Open questions get it too: the column wants a value on every answered row.
 */
export function choiceFor(question: string, items: Item[], itemNos: number[], allowed: string[]): ChoiceResult {
  const values = itemNos.map((no) => ({ no, value: valueOfItem(items.find((i) => i.no === no)) }));
  const unknown = values.find((v) => v.value === null);
  if (values.length === 0) return { choice: null, reason: reason('choice.no-item') };
  if (unknown) return { choice: null, reason: reason('choice.no-default', { itemNo: unknown.no }) };
  if (new Set(values.map((v) => v.value)).size > 1) return { choice: null, reason: reason('choice.items-disagree', { itemNos: itemNos.join(', ') }) };
  if (!allowed.some((c) => choiceValueOf(c) !== null)) return { choice: null, reason: reason('choice.unknown-words', { choices: allowed.join(', ') }) };
  const reversed = reverseSenseTerm(question);
  if (reversed) return { choice: null, reason: reason('choice.reverse-sense', { term: reversed, itemNo: itemNos.join(', ') }) };
  const doubt = answerDoubt(question, items, itemNos);
  if (doubt) return { choice: null, reason: doubt };
  const negated = isNegatedQuestion(question);
  const value = negated ? invert(values[0].value!) : values[0].value!;
  const choice = wordFor(value, allowed);
  if (choice === null) return { choice: null, reason: reason('choice.not-offered', { value, valueJa: VALUE_JA[value], choices: allowed.join(', ') }) };
  return negated ? { choice, reason: reason('choice.inverted', { choice }) } : { choice };
}

/**
 * Why the items' answers may not meet a threshold or hours the question sets (「7世代以上」 against 「3世代」), or null.
 * Items whose answer is no are not asked: what the vendor does not do, it does not do to any level either.
 */
export function answerDoubt(question: string, items: Item[], itemNos: number[]): Message | null {
  const chosen = itemNos.map((no) => items.find((i) => i.no === no)).filter((i): i is Item => !!i);
  if (chosen.length === 0 || chosen.every((i) => valueOfItem(i) === 'no')) return null;
  return thresholdDoubt(question, chosen.map((i) => ({ no: i.no, answer: i.answer })));
}

/** 有 is yes, 無 is no; an answer without either says what its item's default choice says. */
function valueOfItem(item: Item | undefined): ChoiceValue | null {
  if (!item) return null;
  if (item.shortAnswer === '有') return 'yes';
  if (item.shortAnswer === '無') return 'no';
  return item.defaultChoice ?? null;
}

const VALUE_JA: Record<ChoiceValue, string> = { yes: 'はい', no: 'いいえ', partial: '一部', na: '該当なし' };
const invert = (v: ChoiceValue): ChoiceValue => (v === 'yes' ? 'no' : v === 'no' ? 'yes' : v);
