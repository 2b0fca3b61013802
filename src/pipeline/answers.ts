// The text written for items: one item's answer, or each of two under its title, in the job's language.
import type { Item, Language } from '../domain.js';

export function composeAnswer(items: Item[], itemNos: number[], language: Language = 'ja'): string {
  const chosen = itemNos.map((n) => items.find((i) => i.no === n)).filter((i): i is Item => !!i);
  const answer = (i: Item) => (language === 'en' ? (i.answerEn ?? '') : i.answer);
  if (chosen.length === 1) return answer(chosen[0]);
  return chosen.map((i) => `【${language === 'en' ? i.titleEn : i.title}】\n${answer(i)}`).join('\n\n');
}
