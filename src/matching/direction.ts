// Which way round a question asks. A question negated at its end (「〜していませんか」, "Do you not …") trades yes
// and no (answer.ts inverts it). A question about the adverse side of what an item answers is another matter:
// whether data is ever kept abroad (the item says where it is kept), whether maintenance stops the service (the
// item says how stops are announced), whether data goes to third parties, whether users are unlimited (the item
// answers 「上限はありますか」). The item's yes or no answers its own question, whose sense is the opposite, and a
// plain inversion is not safe either (「国内保存」 does not say "never abroad, backups included"), so the yes/no
// of such a row is a reviewer's.

import { splitQuestion } from './text.js';

const ABROAD_JA = /(?:国外|海外|外国|日本国外|日本以外|国内以外)[^。？?\n]{0,15}(?:保存|保管|移転|転送|処理|設置|所在|置|送信|複製|バックアップ)/;
const STOPPAGE_JA = /(?:停止|中断|ダウンタイム|休止)を伴う|(?:停止|中断|休止|ダウンタイム|障害|事故|漏えい|漏洩|インシデント)(?:する(?:こと|場合)|が発生すること|の発生)?(?:は|が)(?:あります|ありました|ございます|ございました|発生しています|発生しました|起きて|生じ)/;
const THIRD_PARTY_JA = /再委託|第三者(?:に|へ)(?:提供|開示|共有|販売|移転)/;

const ABROAD_EN = /\b(?:outside (?:of )?(?:japan|the country|your country|the region|the eu)|abroad|overseas|offshore|cross-border|foreign (?:countr|jurisdiction|server|data ?cent|location|region))/i;
const STOPPAGE_EN = /\b(?:involves?|requires?|causes?|entails?|result in) (?:any )?(?:planned |scheduled )?(?:downtime|outages?|service (?:interruptions?|stops?))|\b(?:is|are|will) there (?:any )?(?:planned |scheduled )?(?:downtime|outages?|service interruptions?)\b/i;
const THIRD_PARTY_EN = /\bsub-?contract|\bsub-?processors?\b|\b(?:share|disclose|sell|transfer|provide)[sd]? [\w ,]{0,30}(?:to|with) (?:any )?third[- ]part/i;
// "Is customer data ever …", "Have you ever …": asks whether the unwanted thing happens at all.
const EVER_EN = /\bever\b/i;
// A negation inside the question's words rather than at its end: 「無制限ですか」「暗号化されずに保存」「平文で」,
// "unlimited", "unencrypted", "without downtime", "free of outages". The item's 無 for 「上限はありますか」 would
// read as the opposite answer to 「無制限ですか」.
const WORD_NEGATION_JA = /無制限|(?:制限|上限|停止|中断|ダウンタイム)(?:な[くし]|無[くし])|(?:せ|され)ずに|(?:せ|され)ない(?:まま|で)|平文(?:で|のまま)|未暗号化/;
const WORD_NEGATION_EN = /\bun(?:limited|encrypted|restricted|authenticated|protected|monitored|patched)\b|\bwithout (?:any )?(?:encryption|limits?|authentication|notice|downtime|interruptions?|outages?)\b|\bfree of\b|\bin (?:plain ?text|clear ?text)\b/i;

/** The words of a question that ask about the adverse side of a topic, or null when it asks the usual way round. */
export function reverseSenseTerm(question: string): string | null {
  // What is asked, not a ※ note (「※海外に所在する場合は、その国名を」 asks the usual way round).
  const main = splitQuestion(question).main;
  const text = main.normalize('NFKC');
  // A question negated at its end is inverted as it is (answer.ts); its inner words are not read twice.
  const negations = endsNegated(main) ? [] : [WORD_NEGATION_JA, WORD_NEGATION_EN];
  for (const re of [ABROAD_JA, STOPPAGE_JA, THIRD_PARTY_JA, ABROAD_EN, STOPPAGE_EN, THIRD_PARTY_EN, EVER_EN, ...negations]) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}

// The asking sentence ends negated: 「〜していませんか」「〜はありませんか」「〜ないですか」; not a polite request
// (「ご提出いただけませんか」「教えてもらえませんか」「ご確認くださいませんか」).
const NEGATED_JA = /(?:ませんか|ないですか|ないでしょうか|無いですか)\s*$/;
const REQUEST_JA = /(?:いただけ|頂け|もらえ|下さい|ください|くれ|でき)(?:ませんか|ないでしょうか|ないですか)\s*$/;
// "Do you not …", "Does the vendor never …", "Don't you …", "Isn't …".
const NEGATED_EN = /^(?:(?:do|does|did|is|are|was|were|have|has|can|will|would|should)\s+(?:[\w-]+\s+){0,3}?(?:not|never)\b|(?:is|are) there no\b|(?:don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|can't|won't|wouldn't|shouldn't)\b)/i;

/** Whether the question's asking sentence is negated, so that yes and no trade places. */
export function isNegatedQuestion(question: string): boolean {
  return endsNegated(splitQuestion(question).main);
}

function endsNegated(asked: string): boolean {
  const main = asked.normalize('NFKC').replace(/[’]/g, "'");
  const sentences = main
    .split(/[。？?\n]/)
    .map((s) => s.replace(/[（(][^）)]*[）)]/g, '').trim())
    .filter(Boolean);
  const asking = [...sentences].reverse().find((s) => /[ぁ-んァ-ヶ一-龠]/.test(s) || /^[A-Za-z]/.test(s)) ?? '';
  if (/[ぁ-んァ-ヶ一-龠]/.test(asking)) return NEGATED_JA.test(asking) && !REQUEST_JA.test(asking);
  return sentences.some((s) => NEGATED_EN.test(s));
}
