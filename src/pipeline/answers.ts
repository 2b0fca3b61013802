// The text written for items: one item's answer, or each of two under its title, in the job's language.
import type { Item, Language } from '../domain.js';

/**
 * The items' answers for a question. An item's answer often opens with its 有/無 ("Yes." / 「有 」): said to a
 * question that asks how, what or which, that word answers nothing asked, so it is left out.
 */
export function composeAnswer(items: Item[], itemNos: number[], language: Language, question: string): string {
  const chosen = itemNos.map((n) => items.find((i) => i.no === n)).filter((i): i is Item => !!i);
  const open = asksOpen(question);
  const answer = (i: Item) => {
    const text = language === 'en' ? (i.answerEn ?? '') : i.answer;
    return open ? withoutYesNo(text) : text;
  };
  if (chosen.length === 1) return answer(chosen[0]);
  return chosen.map((i) => `【${language === 'en' ? i.titleEn : i.title}】\n${answer(i)}`).join('\n\n');
}

// Questions that ask how, what, which, where, when, who or how often, in either language; 「…を教えてください」
// asks for something to be told. Not "whether", 有無, かどうか or か否か: those ask yes or no.
const OPEN_EN = /(?:^|[.:;!?]\s+)(?:\d+[.)]\s*)?(?:how|what|which|where|when|who|whom|list|describe|explain|outline|specify|provide|please (?:describe|explain|list|provide|specify|outline))\b/i;
const OPEN_JA = /どのよう|どの(?:程度|くらい|位|頻度|範囲|方法)|どちら|いつ|どこ|誰|いくつ|何(?!ら|も|か(?![所月]))|(?:教えて|ご記入|記入して|ご記載|記載して|ご説明|説明して|お答え|ご回答)(?:ください|下さい)[。．]?\s*$/;
const ASKS_YES_NO = /\bwhether\b|有無|かどうか|か否か/i;

/** The question asks how, what or which, not whether: a yes or a no does not answer it. */
export function asksOpen(question: string): boolean {
  return (OPEN_EN.test(question) || OPEN_JA.test(question)) && !ASKS_YES_NO.test(question);
}

/** An answer without the 有/無 or yes/no it opens with: 「有 月1回実施」 → 「月1回実施」, "Yes. Daily." → "Daily.". */
function withoutYesNo(text: string): string {
  const rest = text.replace(/^\s*(?:(?:yes|no)\s*[.,:;]\s*|[有無](?:[\s　]+|[:：。、]\s*))/i, '');
  return rest.trim() ? rest : text;
}

// Words that deny what follows them, within a few words (English) or characters (Japanese, where they follow).
const DENIAL_EN = /\b(?:not|no|never|without|nor|avoid|avoids|prevent|prevents)\b|n't\b/gi;
const DENIAL_JA = /^[^。．\n]{0,8}?(?:(?<![少行])ない|なし|無し|ません|未対応|未実施|未導入)/;
const STOP_EN = new Set(['about', 'above', 'after', 'again', 'against', 'being', 'below', 'between', 'could', 'during', 'other', 'their', 'there', 'these', 'those', 'through', 'under', 'which', 'while', 'would', 'should', 'please', 'where', 'provide', 'describe', 'systems', 'system', 'company', 'service', 'services', 'customer', 'customers', 'kinds']);

/**
 * A word the question asks about that the answer denies ("…we make a practice of not storing them on removable
 * media" to "Do you store backups on removable media?"; 「ウイルス対策ソフト導入なし」 to 「ウイルス対策ソフトを導入して
 * いますか」), or null. The item's answer then says no to the question, whatever its 有/無 says of the item.
 */
export function deniedTerm(question: string, answer: string): string | null {
  // Only a yes that denies: "No. There are no plans for escrow" says no throughout, and that is the answer.
  if (!/^\s*(?:yes\b|有(?:[\s　:：。、]|$))/i.test(answer)) return null;
  const term = deniedEnglish(question, answer) ?? deniedJapanese(question, answer);
  // "…so that there is no single point of failure" is asked and answered alike.
  return term && !deniedEnglish(question, question) && !deniedJapanese(question, question) ? term : null;
}

function deniedEnglish(question: string, answer: string): string | null {
  const stem = (w: string) => w.toLowerCase().slice(0, 6);
  const asked = new Set((question.match(/[A-Za-z]{5,}/g) ?? []).filter((w) => !STOP_EN.has(w.toLowerCase())).map(stem));
  if (!asked.size) return null;
  for (const m of answer.matchAll(DENIAL_EN)) {
    const after = answer.slice(m.index! + m[0].length).split(/[.;\n]/)[0].match(/[A-Za-z]+/g)?.slice(0, 6) ?? [];
    const hit = after.find((w) => w.length >= 5 && asked.has(stem(w)));
    if (hit) return hit;
  }
  return null;
}

function deniedJapanese(question: string, answer: string): string | null {
  // Runs of kanji or katakana of two or more, the question's nouns and verb stems.
  const terms = [...new Set(question.match(/[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu) ?? [])].sort((a, b) => b.length - a.length);
  for (const term of terms) {
    for (let at = answer.indexOf(term); at >= 0; at = answer.indexOf(term, at + 1)) {
      if (DENIAL_JA.test(answer.slice(at + term.length))) return term;
    }
  }
  return null;
}
