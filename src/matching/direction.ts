// Questions that ask about the adverse side of what an item answers: whether data is ever kept abroad (the item
// says where it is kept), whether maintenance stops the service (the item says how stops are announced), whether
// data goes to third parties or subcontractors. The item's yes answers its own question, whose sense is the
// opposite, and a plain inversion is not safe either (「国内保存」 does not say "never abroad, backups included"),
// so the yes/no of such a row is a reviewer's.

import { splitQuestion } from './text.js';

const ABROAD_JA = /(?:国外|海外|外国|日本国外|日本以外|国内以外)[^。？?\n]{0,15}(?:保存|保管|移転|転送|処理|設置|所在|置|送信|複製|バックアップ)/;
const STOPPAGE_JA = /(?:停止|中断|ダウンタイム|休止)を伴う|(?:停止|中断|休止|ダウンタイム|障害|事故|漏えい|漏洩|インシデント)(?:する(?:こと|場合)|が発生すること|の発生)?(?:は|が)(?:あります|ありました|ございます|ございました|発生しています|発生しました|起きて|生じ)/;
const THIRD_PARTY_JA = /再委託|第三者(?:に|へ)(?:提供|開示|共有|販売|移転)/;

const ABROAD_EN = /\b(?:outside (?:of )?(?:japan|the country|your country|the region|the eu)|abroad|overseas|offshore|cross-border|foreign (?:countr|jurisdiction|server|data ?cent|location|region))/i;
const STOPPAGE_EN = /\b(?:involves?|requires?|causes?|entails?|result in) (?:any )?(?:planned |scheduled )?(?:downtime|outages?|service (?:interruptions?|stops?))|\b(?:is|are|will) there (?:any )?(?:planned |scheduled )?(?:downtime|outages?|service interruptions?)\b/i;
const THIRD_PARTY_EN = /\bsub-?contract|\bsub-?processors?\b|\b(?:share|disclose|sell|transfer|provide)[sd]? [\w ,]{0,30}(?:to|with) (?:any )?third[- ]part/i;
// "Is customer data ever …", "Have you ever …": asks whether the unwanted thing happens at all.
const EVER_EN = /\bever\b/i;

/** The words of a question that ask about the adverse side of a topic, or null when it asks the usual way round. */
export function reverseSenseTerm(question: string): string | null {
  // What is asked, not a ※ note (「※海外に所在する場合は、その国名を」 asks the usual way round).
  const text = splitQuestion(question).main.normalize('NFKC');
  for (const re of [ABROAD_JA, STOPPAGE_JA, THIRD_PARTY_JA, ABROAD_EN, STOPPAGE_EN, THIRD_PARTY_EN, EVER_EN]) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}
