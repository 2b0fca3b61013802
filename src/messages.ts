// What qmap says to people, by code, in Japanese and English: the job's notes, the rows' reasons (the matcher's
// own live beside it, in matching/reasons.ts) and the words qmap writes into workbooks. The server renders a Message for the review sheet, the CLI and the API (English
// text beside the code); the page renders the same codes in its own language from GET /messages/:lang.json.
import type { Language, Message } from './domain.js';
import { reasonTemplates } from './matching/reasons.js';

type Templates = Record<string, Record<Language, string>>;

const notes: Templates = {
  'note.converted': {
    en: 'The upload is .{kind}: the prefilled workbook comes back as .xlsx with the values kept, but its formatting could not be preserved.',
    ja: 'アップロードは .{kind} 形式です。回答済みのブックは値を保ったまま .xlsx で返しますが、書式は引き継げません。',
  },
  'note.prefilled': {
    en: "{count} answer cell(s) already held the customer's text; qmap left them as they were.",
    ja: '{count} 件の回答欄には既にお客様の記入があり、そのまま残しました。',
  },
  'note.hiddenRows': {
    en: 'Rows the customer hid were not read ({where}): if they hold questions to answer, unhide them in the workbook and upload it again.',
    ja: 'お客様が非表示にした行は読んでいません（{where}）。回答すべき設問があれば、表示してからもう一度アップロードしてください。',
  },
  'note.layoutRemembered': {
    en: 'This is a template qmap was shown before: the questions were read where a user said they are (sheet 「{sheet}」). Remembered layouts are on the Layouts page.',
    ja: '以前に読み取り位置を指定されたテンプレートです。指定どおりの位置（シート「{sheet}」）から設問を読みました。記憶した位置は「読み取り位置」ページで確認・削除できます。',
  },
  'note.reviewCopy': {
    en: "This is qmap's review copy uploaded again: its 「{sheet}」 sheet was not read for questions, and {count} cell(s) still holding qmap's unconfirmed guesses were read as empty and proposed again. The final copy leaves out qmap's old review sheet, notes and highlights.",
    ja: 'qmap の確認用ブックが再アップロードされました。「{sheet}」シートは設問として読まず、確認されないまま qmap の推測が残っていた {count} 件のセルは空欄として扱い、改めて提案しました。提出用ブックには以前の確認シート・コメント・強調表示を含めません。',
  },
  'note.layoutSaved': {
    en: 'qmap will read the next copy of this template where you said the questions are. Remembered layouts are on the Layouts page, where you can delete this one.',
    ja: '指定した読み取り位置をこのテンプレート用に記憶しました。次に同じテンプレートが届いたら、この位置から読みます。記憶した位置は「読み取り位置」ページで削除できます。',
  },
  'note.answersInEnglish': {
    en: "The answers are written in English (the questions' language, or as the upload asked).",
    ja: '回答を英語で記入しました（設問の言語、またはアップロード時の指定による）。',
  },
};

const reasons: Templates = {
  'row.noEnglishAnswer': {
    en: 'item {itemNo} has no English answer yet: an admin can write one on the item page; until then the row is left for a reviewer',
    ja: '項目 No.{itemNo} には英語の回答がまだありません。管理者が項目ページで書けます。それまでこの行は確認待ちです',
  },
  'row.englishOutdated': {
    en: "item {itemNo}'s English answer was written for an earlier Japanese answer, which has changed since: check it (an admin can update it on the item page)",
    ja: '項目 No.{itemNo} の英語の回答は、変更前の日本語の回答に対して書かれたものです。ご確認ください（管理者が項目ページで更新できます）',
  },
  'row.answerDenies': {
    en: "the item's answer opens with yes but denies 「{term}」, which the question asks about: the yes may not answer this question",
    ja: '項目の回答は「有」ですが、設問が尋ねている「{term}」を否定しています。この設問への答えとして正しいかご確認ください',
  },
  'row.noChoice': {
    en: 'no value of the choice column ({choices}) follows from the answer with confidence: choose one',
    ja: '回答から選択欄の値（{choices}）を確信をもって決められません。選んでください',
  },
  'row.held': {
    en: 'confidence {score}, but held for a reviewer for the reason above',
    ja: '確からしさ {score}。ただし、上の理由で確認待ちにしました',
  },
  'row.choiceUnknown': {
    en: 'the choice column ({cell}) does not say which values it takes: write one the customer expects',
    ja: '選択欄（{cell}）にどの値を記入するかがシートに書かれていません。お客様の想定する値をご記入ください',
  },
  'row.library': {
    en: 'the answer library holds an answer written for 「{question}」',
    ja: '回答ライブラリに「{question}」への回答があります',
  },
  // Reasons and notes stored before they were codes keep their English words.
  text: { en: '{text}', ja: '{text}' },
};

/**
 * Words qmap writes into the customer's workbook (review copy only). qmap's status for "no item answers this" is
 * 対象項目なし / no matching item: 該当なし is the customer's own "not applicable", an answer.
 */
const workbook: Templates = {
  'flag.unmatched': { en: 'qmap: no matching item — please write the answer.', ja: 'qmap: 対象項目なし — 回答をご記入ください。' },
  'flag.library': { en: 'qmap: to review — an answer from the answer library is proposed.', ja: 'qmap: 要確認 — 回答ライブラリの回答を提案しています。' },
  'flag.review': { en: 'qmap: to review — proposed: {items} (score {score})', ja: 'qmap: 要確認 — 提案: {items} (スコア {score})' },
  'flag.others': { en: 'Other candidates: {items}', ja: '他の候補: {items}' },
  'review.keptAnswer': { en: '(already filled in, left as it was) ', ja: '（記入済みのため変更なし）' },
  // The review sheet's column headers and status words.
  'review.column.sheet': { en: 'Sheet', ja: 'シート' },
  'review.column.cell': { en: 'Cell', ja: 'セル' },
  'review.column.question': { en: 'Question', ja: '質問' },
  'review.column.itemNo': { en: 'Item No.', ja: '項目No.' },
  'review.column.item': { en: 'Item', ja: '項目名' },
  'review.column.score': { en: 'Score', ja: 'スコア' },
  'review.column.status': { en: 'Status', ja: '状態' },
  'review.column.candidates': { en: 'Other candidates', ja: '候補' },
  'review.column.answer': { en: 'Answer written', ja: '記入した回答' },
  'review.column.picks': { en: 'Choice written', ja: '記入した選択' },
  'review.status.auto': { en: 'answered', ja: '自動' },
  'review.status.review': { en: 'to review', ja: '要確認' },
  'review.status.unmatched': { en: 'no matching item', ja: '対象項目なし' },
  'review.status.confirmed': { en: 'confirmed', ja: '確認済み' },
};

const catalogue: Templates = { ...reasonTemplates, ...notes, ...reasons, ...workbook };

/** A message in words, in the given language; an unknown code is shown as the code and its parameters. */
export function messageText(m: Message, language: Language = 'en'): string {
  const template = catalogue[m.code]?.[language];
  if (template === undefined) return [m.code, ...Object.values(m.params ?? {})].join(' ');
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (m.params && name in m.params ? String(m.params[name]) : whole));
}

/** The catalogue in one language, for the page. */
export function messagesIn(language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogue).map(([code, t]) => [code, t[language]]));
}
