// What a cell's text is, read from the text alone: a question, a statement of practice to confirm, a terse item,
// an answer already written, a number, a mark, a picked value, a date, a heading, a note. Detection weighs these
// with the shape of the table (shape.ts) instead of relying on the words of a header.

/** Text that reads as a question or a request to write something. */
export const questionLike =
  /[?？]\s*$|[?？]|か[。．.]?\s*$|ますか|ですか|でしょうか|ください|下さい|願います|教えて|ご記入|ご提示|ご提出|^(please|describe|explain|provide|list|state|indicate|specify|confirm)\b|\b(do|does|did|is|are|was|were|has|have|can|will|how|what|which|who|when|where|why)\s/i;

/**
 * A statement of practice that a checklist asks the vendor to confirm (「…を定めている。」「…すること」, "The vendor
 * shall …"): plain-form Japanese endings, or an English requirement. Polite ます/です sentences are answers, not items.
 */
export const statementLike =
  /(こと|ている|ていない|てある|である|であること|できる|できること|されている|れている|する|ある|ない|有する|講じる|定める|設ける|行う)[。．.]?\s*$|\b(shall|must|should)\b|^(ensure|verify|maintain|establish|define|document|review|implement|restrict|protect|encrypt|monitor)\b/i;

/** A sentence that reports what is done (〜しています。, はい、…, Yes, we …): an answer already written. */
export const answerLike = /(ます|です|ました|でした|ません|ございます)[。．.]?\s*$|^(はい|いいえ)[、,。]|^(yes|no)\b[,.]?\s|^we\s/i;

/** A question's own numbering: 1, 1-1, 1.2.3, Q1, Q1.2, OP-01, A.5.1, (1), ①. */
export const numbering = /^(?:[A-Za-z]{1,4}[-_.]?)?\d{1,4}(?:[-.‐－―_]\d{1,4}){0,4}[.)．）]?$|^[(（]\d{1,3}[)）]$|^[①-⑳]$/;

/** Text that starts with such a number: 2. …, Q2 …, 1-3 …, (2) …, ①…. */
export const leadingNumber = /^(?:[A-Za-z]{1,4}[-_.]?)?\d{1,4}(?:[-.‐－―_]\d{1,4}){0,4}[.)．）:：\s]|^[(（]\d{1,3}[)）]|^[①-⑳]/;

/** Text that asks outright (a question mark, 〜か。, 〜ください), not merely with a word such as "does". */
export const asksOutright = /[?？]|か[。．]?\s*$|ください|下さい/;

/** The marker of a sub-item under a numbered item: (a), b), ①, ア, (イ), (i), ㋐ — a bare letter or kana needs a separator after it. */
export const subItemMark =
  /^(?:[(（]\s*(?:[a-zａ-ｚ]|[ivx]{1,4}|[ア-ンｱ-ﾝ]|\d{1,2})\s*[)）]|[a-zａ-ｚ](?:[)）.．]|$)|[ア-ンｱ-ﾝ](?:[)）.．、]|[\s\u3000](?=\S)|$)|[①-⑳]|[㋐-㋾])/;

/** A heading row inside a table: 「２．データ管理」, 「第3章」, 【アクセス管理】, ■ 運用. */
export const sectionLike =
  /^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[A-ZＡ-Ｚ]|[IVXⅠ-Ⅻ]{1,4})[\.．、)）:：]\s*\S|^第[0-9０-９一二三四五六七八九十]+[章節部編]|^【[^】]{1,30}】$|^[■□◆◇●○▼▶▪◼]\s*\S/;

/** An example row (記入例) that shows how to answer. */
export const exampleMark = /^[\s(（【\[]*(記入例|回答例|入力例|記載例|例|example|sample|e\.g\.)[\s)）】\]:：]*$/i;
export const examplePrefix = /^[\s(（【\[]*(記入例|回答例|入力例|記載例|example|sample)[\s)）】\]:：]/i;

/** A row the customer struck out: （削除）, 欠番, [deleted]. */
export const deletedMark = /^[\s(（【\[]*(削除|欠番|廃止|deleted|removed|withdrawn|intentionally left blank)[\s)）】\]]*/i;

/** A note under or inside the table rather than a question. */
export const noteMark = /^[※＊*]|^注[:：\d０-９)）]|^note[s]?[:：]|^以上$|^end$/i;

/** One word of a yes/no-style header (compared by compareKey): a column to mark (Yes | No | N/A, はい | いいえ). */
export const choiceWord = /^(はい|いいえ|該当なし|対象外|○|◯|△|×|✕|yes|no|n\/?a|na|partial|partially)$/i;

/** A value picked from a short set, as a status column holds it: はい, ○, 実施済, 未対応, Yes, N/A, Implemented. */
export const choiceValue =
  /^(はい|いいえ|該当なし|対象外|非該当|不明|一部|○|◯|◎|△|×|✕|－|有|無|可|否|該当|適|不適|適合|不適合|一部適合|済|済み|未|実施|未実施|実施済|実施済み|実施中|一部実施|対応|未対応|対応済|対応済み|一部対応|対応中|対応可|対応不可|予定|計画中|検討中|yes|no|n\/?a|na|partial|partially|implemented|not implemented|planned|in progress|compliant|non-compliant|partially compliant|done|not applicable|対応している|対応していない|実施している|実施していない|している|していない|あり|なし|可能|不可|不可能)$/i;

/** A mark put in a cell to tick it: ✓, レ, ○, ●, ■, ☑, x. */
export const markValue = /^[✓✔☑☒✗✘レﾚ○◯●◎■□☐×✕xXvV√]$/;

/** A date or a month (2024/4/1, 2024-04, 令和6年4月, R6.4, 4月末). */
export const dateLike =
  /^(?:\d{4}[/\-.年]\d{1,2}(?:[/\-.月]\d{1,2}日?)?|\d{1,2}[/月]\d{1,2}日?(?:[/]\d{2,4})?|(?:令和|平成|[RH])\s?\d{1,2}[.年]\s?\d{1,2}(?:[.月]\s?\d{1,2}日?)?|\d{1,2}月(?:末|中|上旬|中旬|下旬)?)$/;

/** A field of a cover form (会社名, 担当者, 連絡先（メール）, 回答日, Vendor name): who answers, not a question. */
const formFieldPart =
  /^(?:(?:貴社|御社|会社|企業|法人|団体|組織|事業者|委託先|受託者|サービス|製品|システム|対象サービス|回答者?|記入者?|担当者?|責任者|代表者|回答責任者|部署)(?:名|名称|名前)?|氏名|部署|所属|役職|連絡先|電話(?:番号)?|fax|メール(?:アドレス)?|e?-?mail(?:address)?|住所|所在地|url|(?:回答|記入|作成|提出|評価)(?:日|年月日)|日付|(?:vendor|company|supplier|product|service|contact|respondent)?(?:name|date|title|email|phone|address)|completedby|datecompleted|preparedby|signature|署名|印)$/;
export function formField(text: string): boolean {
  const parts = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]|[:：\s]/g, '')
    .split(/[・/、,]/)
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => formFieldPart.test(p));
}

const letters = /\p{L}/gu;

/** A table's totals row: a sum, never a question. */
const totalsMark = /^(?:(?:sub|grand)\s?-?\s?total|total|合計|小計|総計)[:：]?$/i;

/**
 * How much a cell reads like an item of a questionnaire, from 0 (a number, a mark, a picked value, a date, a note,
 * an answer already written) through 1 (a terse item such as 「バックアップの取得頻度」) to about 3 (a long question or
 * statement of practice).
 */
export function itemWeight(text: string): number {
  const t = text.trim();
  if (!t || noteMark.test(t) || totalsMark.test(t) || numbering.test(t) || choiceValue.test(t) || markValue.test(t) || dateLike.test(t)) return 0;
  const n = t.match(letters)?.length ?? 0;
  if (n < 3 || (n <= 25 && formField(t))) return 0;
  const length = Math.min(n, 60) / 60;
  if (questionLike.test(t)) return 2 + length;
  if (answerLike.test(t)) return 0.3;
  if (statementLike.test(t)) return 1.8 + length;
  return 1 + length;
}

/** Whether the text asks or states what the vendor is to confirm (not a terse item or a label). */
export const readsAsItem = (text: string): boolean => questionLike.test(text) || (statementLike.test(text) && !answerLike.test(text));
