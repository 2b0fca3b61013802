// The words customers use in questionnaire headers and rows, in Japanese and English.
// Header words are compared by their compareKey(): NFKC (full-width → half-width, ／ → /), lower case, no spaces.

/**
 * internal: the customer's own column; verdict: an assessment (評価, 判定) that is the customer's unless placed as the
 * vendor's pick; options: the possible answers described; other: about the item or the reply, not an answer
 * (重要度, 参照規程, 回答日).
 */
export type Role = 'number' | 'question' | 'answer' | 'choice' | 'notes' | 'category' | 'internal' | 'verdict' | 'options' | 'other';

/** The form header texts are compared in: NFKC, lower case, without spaces (matching has its own normalize, which also drops punctuation). */
export const compareKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** JavaScript's \s, one UTF-16 unit at a time. */
export const isSpace = (u: number) =>
  (u >= 9 && u <= 13) || u === 32 || u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;

/**
 * compareKey(s) === key, without normalising text that is too long to match. NFKC composes at most
 * 4 code points into one (the longest canonical decomposition), never turns a visible character into
 * only spaces, and lower-casing never shortens: so compareKey(s) has at least a quarter as many code
 * points as s has outside spaces (test/workbook/vocabulary.test.ts checks this against the runtime's Unicode).
 */
export function hasCompareKey(s: string, key: string): boolean {
  let visible = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (!isSpace(u) && (u < 0xdc00 || u > 0xdfff) && ++visible > 4 * key.length) return false;
  }
  return compareKey(s) === key;
}

const question =
  /質問|確認事項|確認項目|確認内容|確認ポイント|設問|チェック項目|チェック内容|要求事項|要求内容|調査項目|評価項目|点検項目|監査項目|対策項目|実施事項|項目名|管理策|要件|照会事項|お伺い事項|ヒアリング項目|question|requirement|criteria|query|inquiry|checkitem|checkpoint|securitycontrol|controldescription|itemdescription/;
/** Words that name the question column only when they are the whole header (項目 alone, not 大項目). */
const questionWhole = /^(項目|内容|項目内容|確認|item|items|description|control|controlstatement|topic)$/;
const answer = /回答|返答|記入欄|入力欄|^(ご)?記入$|対応内容|実施内容|対策内容|自己評価|answer|response|reply|self-?assessment/;
const choice =
  /はい.{0,3}いいえ|いいえ.{0,3}はい|yes.{0,3}no|○.{0,3}[×△]|◯|有.?[\/・]?.?無|可.?[\/・]?.?否|(回答|評価|対応|実施|適合|準拠|遵守)区分|チェック欄|選択欄|プルダウン|選択|対応状況|実施状況|対応有無|遵守状況|準拠状況|適合|適否|^(状況|状態|結果|実施|対応|チェック|check|result|done|implemented\??|inplace\??|compliant\??)$|status|compliance|y\/n|comply|applicable/;
const notes =
  /備考|補足|特記|具体的|詳細|説明|コメント|追加情報|対応方法|対策方法|記述|記載|^内容$|comment|note|remark|detail|explanation|explain|根拠|evidence|justification|参考資料|資料名|elaborat|additional|implementation|rationale|clarification|supporting|freetext|narrative/;
const category = /分類|区分|カテゴリ|category|section|domain|領域|分野|^area$|大項目|中項目|観点|テーマ|^topic$|^group$/;
/** Columns the customer keeps for itself (当社記入欄, 当金庫確認欄, ハコベ側メモ, Reviewer use only): never the vendor's. */
const customerSide =
  /(当|弊)(社|行|金庫|庫|院|市|町|村|県|学|方|機構|組合|団体|法人|局|グループ|部|校|会)[^貴御]{0,4}(記入|使用|確認|評価|判定|審査|用|欄|チェック|メモ|記載|コメント|備考)|側(記入|使用|確認|評価|判定|メモ|備考|コメント|チェック)|本(市|学|行|院)(記入|使用|確認|評価|判定|用|欄)|^(市|区|町|村|県|都|府|庁|局|院|行|校|庫)(側)?(記入|確認|使用|評価|判定|チェック|メモ)|担当者確認|reviewer|assessor|internaluse|officeuse|useonly|採点/;
/** Headers that say the vendor fills the column in, whatever else they say (評価（貴社記入）). */
const vendorSide = /貴社|御社|ベンダー|vendor|supplier|受託者|委託先記入|事業者記入|回答者記入|self/;
/** The header says the vendor fills its columns in (委託先記入欄 over 評価 | コメント). */
export const vendorSideHeader = (text: string): boolean => vendorSide.test(compareKey(text));
/** A date column (対応予定日, 実施日, Target date): the vendor may fill it, but it holds no answer. */
export const dateHeader = (text: string): boolean => /(予定|実施|完了|対応|期限|目標)日$|年月日$|期日$|date$/.test(compareKey(text));

/** Assessment words: the customer's own verdict, unless the header asks the vendor to pick one (評価区分, 自己評価). */
const assessment = /(?<!自己)評価|判定|審査|score|rating|evaluation/;
const pickCue = /区分|選択|自己|プルダウン/;
/** Form fields about the reply (回答日, 回答者), not the answer to a question. */
const replyField = /回答(日|者(?!記入)|期限|会社|企業|部署|担当|年月日)|記入(日|者)|answer(ed)?(by|date)|responsedate|respondent/;
/** Columns about the item or the reply that hold no answer: its weight, its reference, the reply's date. */
const aboutItem =
  /重要度|優先度|必須|配点|点数|重み|importance|priority|mandatory|required|weight|参照(規程|規格|先|基準)?$|出典|準拠(基準|規格)|関連(規程|規格|条項)|^reference|mapping|^source$/;
/** Columns that describe the possible answers rather than hold one. */
const options = /選択肢|answeroptions?|^options$|回答例|記入例|回答方法|記入方法|guidance|ヒント|hint|example/;
const number = /^(no\.?|no|#|番号|項番|管理番号|通番|連番|項目番号|質問番号|設問番号|ref\.?|refno\.?|id|qid|q\.?no\.?|itemno\.?|number|nr\.?|controlid|質問id|項目id)$/;

/** Longest text still taken for a header cell; longer cells are titles or instructions. */
export const MAX_HEADER_LENGTH = 40;

/** The roles a header cell's wording suggests (a bilingual header such as 確認事項 / Question counts once). */
export function headerRoles(text: string): Set<Role> {
  const roles = new Set<Role>();
  const n = compareKey(text);
  if (!n || n.length > MAX_HEADER_LENGTH) return roles;
  const parts = headerParts(n);
  const isOptions = options.test(n);
  // "No" in Yes/No is a choice, not a number column.
  if (parts.some((p) => number.test(p)) && !choice.test(n)) roles.add('number');
  if (questionWords(n, parts)) roles.add('question');
  if (isOptions) roles.add('options');
  else {
    if (answer.test(n) && !replyField.test(n)) roles.add('answer');
    if (choice.test(n)) roles.add('choice');
  }
  if (notes.test(n)) roles.add('notes');
  // 区分 alone is a category; 回答区分 and 評価区分 are what the vendor picks.
  if (category.test(n) && !roles.has('question') && !roles.has('answer') && !roles.has('choice')) roles.add('category');
  const own = customerSide.test(n);
  const verdict = !own && assessment.test(n) && !pickCue.test(n) && !choicesInHeader(text);
  if ((own || verdict) && !vendorSide.test(n) && !roles.has('question')) {
    roles.delete('answer');
    roles.delete('choice');
    roles.delete('notes');
    roles.add(own ? 'internal' : 'verdict');
  }
  if ((replyField.test(n) || aboutItem.test(n)) && !['question', 'answer', 'choice', 'notes'].some((r) => roles.has(r as Role))) roles.add('other');
  return roles;
}

const headerParts = (n: string) => n.split(/[\/\n]|[()（）]/).filter(Boolean);
const questionWords = (n: string, parts: string[]) => question.test(n) || parts.some((p) => questionWhole.test(p));

/** headerRoles(text).has('question'), without working out the other roles. */
export function namesQuestion(text: string): boolean {
  // compareKey keeps at least a quarter of the characters besides spaces (see hasCompareKey): longer text is no header.
  if (text.length > 4 * MAX_HEADER_LENGTH && text.replace(/\s+/g, '').length > 4 * MAX_HEADER_LENGTH) return false;
  const n = compareKey(text);
  return n.length > 0 && n.length <= MAX_HEADER_LENGTH && questionWords(n, headerParts(n));
}

/** Choice values listed in a header such as 回答（はい／いいえ／該当なし）, Yes/No/NA, A/B/C, （◎○△×） or ◎：十分 ○：実施. */
export function choicesInHeader(text: string): string[] | null {
  const known = /^(はい|いいえ|該当なし|対象外|不明|一部|○|◯|△|×|✕|－|-|ー|有|無|可|否|yes|no|n\/?a|partial|partially|na)$/i;
  // N/A is one value: hide its slash (as ∕) while splitting.
  const kept = text.replace(/\bn\s*\/\s*a\b/gi, (na) => na.replace(/\s*\/\s*/, '∕'));
  for (const m of kept.matchAll(/[^\s／/・、,|（）()：:「」【】]{1,6}(?:\s*[／/・、,|]\s*[^\s／/・、,|（）()：:「」【】]{1,6})+/g)) {
    const values = m[0].split(/\s*[／/・、,|]\s*/).map((v) => v.replace('∕', '/'));
    if (values.filter((v) => known.test(v)).length >= 2) return values;
    // Grades: A/B/C, 1/2/3/4/5.
    if (values.length >= 3 && values.every((v) => /^[A-Za-z0-9Ａ-Ｚ０-９]$/.test(v))) return values;
  }
  // Marks written side by side (◎○△×) or each with its meaning (◎：十分　○：実施).
  const run = /(?:^|[（(「\s])([◎○◯△×✕▲])([◎○◯△×✕▲]{1,5})(?:$|[）)」\s])/.exec(text);
  if (run) {
    const marks = [...run[1] + run[2]];
    if (new Set(marks).size === marks.length) return marks;
  }
  const defined = [...text.matchAll(/([◎○◯△×✕▲])\s*[：:=＝]/g)].map((m) => m[1]);
  return defined.length >= 2 && new Set(defined).size === defined.length ? defined : null;
}

/** The sheet qmap adds to a review copy, named in the questionnaire's language; a second one in the same workbook gets " (2)". */
export const REVIEW_SHEET = { ja: 'qmap確認', en: 'qmap review' } as const;
/** qmap's own review sheet, in a download uploaded again (a partly answered questionnaire, say): not questions. */
const reviewSheetName = new RegExp(`^(?:${REVIEW_SHEET.ja}|${REVIEW_SHEET.en})(?: \\(\\d+\\))?$`, 'i');
export const isReviewSheet = (name: string): boolean => reviewSheetName.test(name);

/** Sheets that by their name hold no questions. */
export const auxiliarySheet =
  /表紙|記入要領|記入方法|記入例|注意事項|記入上|注意|はじめに|改訂履歴|変更履歴|更新履歴|履歴|集計|サマリ|^結果$|目次|凡例|選択肢|cover|instruction|readme|read me|about|history|revision|change ?log|summary|guide|legend|contents|^lists?$|lookup|dashboard/i;
