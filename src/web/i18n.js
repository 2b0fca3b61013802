// The page's words in Japanese (the default) and English. t('key', {n: 3}) fills {n}.
import { vendorWords } from './vendor/words.js';

const reviewWords = {
  ja: {
    appTagline: 'セキュリティチェックシート自動記入',
    language: '言語',
    signOut: 'サインアウト',
    skipToMain: '本文へ移動',

    signInTitle: 'サインイン',
    signInLead: '管理者から受け取ったトークンを入力してください。初回起動時にサーバーが表示したログインURLを開いた場合は、自動でサインインします。',
    tokenLabel: 'トークン',
    rememberMe: 'このブラウザーに記憶する',
    signIn: 'サインイン',
    signingIn: '確認しています…',
    signedOutExpired: 'サインインし直してください。',

    jobsTitle: '質問票',
    dropTitle: '質問票のファイルをここにドロップ',
    dropOr: 'または',
    chooseFile: 'ファイルを選択',
    whereTitle: '読み取り位置を指定（質問が見つからないとき）',
    whereHelp: '自動で質問が見つからない場合に、表の位置を指定してからファイルを選択してください。空欄の項目は自動で検出します。',
    whereSheet: 'シート名',
    whereHeaderRow: '見出しの行番号',
    whereQuestion: '質問の列',
    whereAnswer: '回答の列',
    whereChoice: '選択肢の列（任意）',
    example: '例: {value}',
    whereSheetExample: 'チェックシート',
    dropHint: '.xlsx / .xlsm / .xls / .ods / .csv。お客様のファイルの書式はそのまま残ります。',
    uploading: '{name} をアップロード中… {pct}%',
    analysing: '{name} を解析しています。質問を探して回答と照合中…',
    uploaded: '{name}: {n} 件の質問が見つかりました。',
    noJobs: 'まだ質問票がありません。上の枠にファイルをドロップしてください。',
    sampleLead: 'はじめての方は、15問のサンプル（架空の会社のセキュリティチェックシート）で試せます。',
    sampleTry: 'サンプルで試す',
    sampleDownload: 'サンプルの質問票をダウンロード',
    sampleName: 'セキュリティチェックシート_サンプル.xlsx',
    colFile: 'ファイル',
    colUploaded: 'アップロード',
    colQuestions: '質問',
    colStatus: '状況',
    colProgress: '確認',
    open: '確認する',
    download: 'ダウンロード',
    downloading: 'ダウンロード中…',
    downloadReview: '確認用をダウンロード',
    downloadReviewHelp: 'qmapの印・コメントと「qmap確認」シート付きのコピー（社内の確認用）',
    downloadFinal: '提出用をダウンロード',
    downloadFinalHelp: 'お客様のシートだけのコピー。自動と確認済みの行の回答だけを記入します',
    finalAskBlank: 'まだ確認していない行が {n} 件あります（要確認・対象項目なし）。提出用コピーではこれらの行は空欄になります。',
    finalAskAuto: '自動で回答した {n} 件は誰も確認していませんが、提出用コピーにはその回答のまま記入されます。',
    finalAskGo: 'ダウンロードしますか？',
    finalDone: '提出用コピーをダウンロードしました。',
    finalDoneBlank: '提出用コピーをダウンロードしました。未確認の {n} 件は空欄です。',
    delete: '削除',
    confirmDelete: '「{name}」を削除しますか？ この操作は取り消せません。',
    deleted: '「{name}」を削除しました。',
    by: '{who}',

    statusAll: 'すべて',
    status_review: '要確認',
    status_unmatched: '対象項目なし',
    status_auto: '自動',
    status_confirmed: '確認済み',
    statusHelp_review: '一致の確度が低い行',
    statusHelp_unmatched: '49項目のどれも答えていない行（空欄のまま）',
    statusHelp_auto: '確度が高く自動で記入した行',
    statusHelp_confirmed: '人が確認した行',

    backToJobs: '質問票一覧',
    reviewedOf: '{done} / {total} 件 確認済み',
    reviewedOfLong: '{total} 件中 {done} 件を確認済み',
    confirmAuto: '自動一致 {n} 件をまとめて確定',
    confirmAutoAsk: '自動で一致した {n} 件を、提案どおり確定しますか？',
    confirmedN: '{n} 件を確定しました。',
    filterStatus: '状態',
    filterSheet: 'シート',
    allSheets: 'すべてのシート',
    rowsShown: '{n} 行',
    noRows: 'この条件に合う行はありません。',
    shortcuts: 'j/k 移動 · a 承認 · 1–3 候補 · / 検索 · e 編集',

    question: '質問',
    questionNo: '設問 {n}',
    itemNo: '項目 No.{no}',
    cell: 'セル',
    rowN: '{sheet} {row}行目',
    section: '区分',
    existing: 'お客様が記入済みの回答（上書きしません）',
    proposal: '提案された項目',
    chosenItem: '確定した項目',
    noItem: '提案なし',
    noProposal: '提案なし：49項目のどれもこの質問に答えていません。',
    score: '一致度',
    terms: '一致した語',
    reasons: '判定の理由',
    answerToWrite: '記入する回答',
    choiceToWrite: '選択肢',
    emptyAnswer: '（空欄のまま）',
    accept: '承認',
    acceptHint: 'a',
    leaveEmpty: '対象項目なしにする',
    edit: '回答を編集',
    alternatives: '他の候補',
    noAlternatives: '他の候補はありません。',
    search: '49項目から探す',
    searchPlaceholder: '例：バックアップ、暗号化、28',
    searchNone: '一致する項目がありません。',
    choose: '選ぶ',
    customAnswer: '独自の回答',
    customHelp: 'この回答は回答ライブラリーに保存され、次に同じ質問が来たときに提案されます。',
    choiceLabel: '選択肢（{cell}）',
    noChoice: '（選ばない）',
    saveAnswer: 'この回答で確定',
    cancel: 'キャンセル',
    decidedBy: '{who} が {when} に確認',
    sourceLibrary: '回答ライブラリー',
    acceptedToast: '行 {row} を承認しました。',
    chosenToast: '行 {row} を {item}「{title}」にしました。',
    emptiedToast: '行 {row} を対象項目なしにしました（空欄のまま）。',
    addItem: '{item}「{title}」も回答に加える',
    addedToast: '行 {row} を {nos} で回答します。',
    savedToast: '行 {row} に独自の回答を保存しました。',
    savedBlankToast: '行 {row} を空欄のまま確認済みにしました。',
    choiceToast: '行 {row} の選択肢を「{choice}」にしました（回答はそのまま）。',
    choiceClearedToast: '行 {row} の選択肢を空欄にしました（回答はそのまま）。',
    choiceConfirmedToast: '行 {row} の選択肢を「{choice}」にして、この行を確認済みにしました（回答はそのまま）。',
    choiceClearedConfirmedToast: '行 {row} の選択肢を空欄にして、この行を確認済みにしました（回答はそのまま）。',
    discardAsk: '入力した回答はまだ保存されていません。破棄しますか？',
    changedMeanwhile: '行 {row} は他の人が先に変更しました。最新の内容を表示しています。確認してからもう一度決めてください。',
    notes: 'お知らせ',

    loading: '読み込み中…',
    retry: '再試行',
    networkError: 'サーバーに接続できません。ネットワークを確認して再試行してください。',
    notFoundPage: 'このページはありません。',
  },
  en: {
    appTagline: 'Security questionnaire prefill',
    language: 'Language',
    signOut: 'Sign out',
    skipToMain: 'Skip to content',

    signInTitle: 'Sign in',
    signInLead: 'Paste the token an admin gave you. If you opened the login URL the server printed at first start, you are signed in automatically.',
    tokenLabel: 'Token',
    rememberMe: 'Remember me in this browser',
    signIn: 'Sign in',
    signingIn: 'Checking…',
    signedOutExpired: 'Please sign in again.',

    jobsTitle: 'Questionnaires',
    dropTitle: 'Drop a questionnaire file here',
    dropOr: 'or',
    chooseFile: 'Choose a file',
    whereTitle: 'Where the questions are (when qmap does not find them)',
    whereHelp: 'If qmap finds no questions, say where the table is, then choose the file again. Fields left blank are still detected.',
    whereSheet: 'Sheet name',
    whereHeaderRow: 'Header row number',
    whereQuestion: 'Question column',
    whereAnswer: 'Answer column',
    whereChoice: 'Choice column (optional)',
    example: 'e.g. {value}',
    whereSheetExample: 'Questionnaire',
    dropHint: '.xlsx / .xlsm / .xls / .ods / .csv. The customer’s formatting is kept as it is.',
    uploading: 'Uploading {name}… {pct}%',
    analysing: 'Analysing {name}: finding the questions and matching answers…',
    uploaded: '{name}: {n} questions found.',
    noJobs: 'No questionnaires yet. Drop a file in the box above.',
    sampleLead: 'Trying qmap for the first time? Use the 15-question sample (a made-up company’s security checksheet, in Japanese).',
    sampleTry: 'Try the sample',
    sampleDownload: 'Download the sample questionnaire',
    sampleName: 'security-checksheet-sample.xlsx',
    colFile: 'File',
    colUploaded: 'Uploaded',
    colQuestions: 'Questions',
    colStatus: 'Status',
    colProgress: 'Reviewed',
    open: 'Review',
    download: 'Download',
    downloading: 'Downloading…',
    downloadReview: 'Download review copy',
    downloadReviewHelp: 'With qmap’s highlights, comments and the “qmap review” sheet (for your own review)',
    downloadFinal: 'Download final copy',
    downloadFinalHelp: 'The customer’s sheets only, with the answers of auto and confirmed rows',
    finalAskBlank: '{n} rows are not reviewed yet (to review, no matching item). The final copy leaves them blank.',
    finalAskAuto: '{n} automatic answers nobody has confirmed go into the final copy as written.',
    finalAskGo: 'Download it?',
    finalDone: 'Downloaded the final copy.',
    finalDoneBlank: 'Downloaded the final copy; {n} unreviewed rows are blank.',
    delete: 'Delete',
    confirmDelete: 'Delete “{name}”? This cannot be undone.',
    deleted: 'Deleted “{name}”.',
    by: '{who}',

    statusAll: 'All',
    status_review: 'Review',
    status_unmatched: 'No matching item',
    status_auto: 'Auto',
    status_confirmed: 'Confirmed',
    statusHelp_review: 'Low-confidence match',
    statusHelp_unmatched: 'None of the 49 items answers it (left blank)',
    statusHelp_auto: 'Confident match, filled in automatically',
    statusHelp_confirmed: 'Checked by a person',

    backToJobs: 'Questionnaires',
    reviewedOf: '{done} of {total} reviewed',
    reviewedOfLong: '{done} of {total} reviewed',
    confirmAuto: 'Confirm {n} auto matches',
    confirmAutoAsk: 'Confirm the {n} automatic matches as proposed?',
    confirmedN: 'Confirmed {n} rows.',
    filterStatus: 'Status',
    filterSheet: 'Sheet',
    allSheets: 'All sheets',
    rowsShown: '{n} rows',
    noRows: 'No rows match these filters.',
    shortcuts: 'j/k move · a accept · 1–3 alternative · / search · e edit',

    question: 'Question',
    questionNo: 'Question {n}',
    itemNo: 'Item {no}',
    cell: 'Cell',
    rowN: '{sheet} row {row}',
    section: 'Section',
    existing: 'The customer already answered (left as it is)',
    proposal: 'Proposed item',
    chosenItem: 'Chosen item',
    noItem: 'No proposal',
    noProposal: 'No proposal: none of the 49 items answers this question.',
    score: 'Score',
    terms: 'Matched terms',
    reasons: 'Why',
    answerToWrite: 'Answer to write',
    choiceToWrite: 'Choice',
    emptyAnswer: '(left empty)',
    accept: 'Accept',
    acceptHint: 'a',
    leaveEmpty: 'Mark as no matching item',
    edit: 'Edit answer',
    alternatives: 'Alternatives',
    noAlternatives: 'No other candidates.',
    search: 'Search the 49 items',
    searchPlaceholder: 'e.g. backup, 暗号化, 28',
    searchNone: 'No item matches.',
    choose: 'Choose',
    customAnswer: 'Custom answer',
    customHelp: 'Kept in the answer library and proposed the next time this question comes.',
    choiceLabel: 'Choice ({cell})',
    noChoice: '(none)',
    saveAnswer: 'Confirm this answer',
    cancel: 'Cancel',
    decidedBy: 'Checked by {who}, {when}',
    sourceLibrary: 'answer library',
    acceptedToast: 'Accepted row {row}.',
    chosenToast: 'Row {row} now answers with {item} “{title}”.',
    emptiedToast: 'Row {row}: no matching item (left blank).',
    addItem: 'Also answer with {item} “{title}”',
    addedToast: 'Row {row} now answers with {nos}.',
    savedToast: 'Saved a custom answer for row {row}.',
    savedBlankToast: 'Confirmed row {row} with its answer left blank.',
    choiceToast: 'Row {row}: choice set to “{choice}” (answer kept).',
    choiceClearedToast: 'Row {row}: choice cleared (answer kept).',
    choiceConfirmedToast: 'Row {row}: choice set to “{choice}” and the row confirmed (answer kept).',
    choiceClearedConfirmedToast: 'Row {row}: choice cleared and the row confirmed (answer kept).',
    discardAsk: 'The answer you typed is not saved. Discard it?',
    changedMeanwhile: 'Someone else changed row {row} first. It now shows their decision: check it, then decide again.',
    notes: 'Notes',

    loading: 'Loading…',
    retry: 'Retry',
    networkError: 'Cannot reach the server. Check the network and retry.',
    notFoundPage: 'There is no such page.',
  },
};

const strings = { ja: { ...reviewWords.ja, ...vendorWords.ja }, en: { ...reviewWords.en, ...vendorWords.en } };

export const languages = [
  { code: 'ja', name: '日本語' },
  { code: 'en', name: 'English' },
];

let lang = (() => {
  const saved = localStorage.getItem('qmap.lang');
  return saved && saved in strings ? saved : 'ja';
})();

export const currentLanguage = () => lang;

/** A METI checklist item's number as the page shows it (「項目 No.28」, "Item 28"), apart from the customer's own numbering. */
export const itemLabel = (no) => t('itemNo', { no });

export function setLanguage(code) {
  if (!(code in strings)) return;
  lang = code;
  localStorage.setItem('qmap.lang', code);
  document.documentElement.lang = code;
}

// The server's message catalogue (src/messages.ts) in each language, fetched once when the page starts.
const messages = {};

export async function loadMessages() {
  await Promise.all(
    languages.map(async ({ code }) => {
      messages[code] = await fetch(`/messages/${code}.json`).then((r) => (r.ok ? r.json() : {}), () => ({}));
    }),
  );
}

/** A server message ({code, params, text}) in the page's language; its English text when the code is unknown. */
export function say(message) {
  const template = messages[lang]?.[message.code];
  if (template === undefined) return message.text ?? message.code;
  const params = message.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function t(key, vars = {}) {
  const text = strings[lang][key] ?? strings.ja[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** What kind of problem an error code is, in the page's language; '' where the server's message says it already (English). */
export const errorSummary = (code) => errors[lang]?.[code] ?? '';

// The server's error codes (src/errors.ts), summed up for a Japanese reader before the server's English details.
const errors = {
  ja: {
    bad_request: 'リクエストの内容に誤りがあります。',
    unauthorized: 'トークンが無効です。',
    forbidden: 'この操作を行う権限がありません。',
    not_found: '見つかりません。',
    conflict: '他の操作と重なりました。もう一度お試しください。',
    precondition_failed: '他の人が先に変更しました。',
    too_large: '上限を超えています。',
    unsupported_type: '対応していないファイル形式です。',
    password_protected: 'パスワードで保護されたファイルは読み取れません。',
    no_questions: '質問が見つかりませんでした。',
    unreadable: 'ファイルを読み取れませんでした。',
    invalid: '入力内容に誤りがあります。',
    rate_limited: '失敗が続いたため、しばらくお待ちください。',
    timeout: 'ファイルの読み取りに時間がかかりすぎました。',
    storage_full: 'サーバーの空き容量が不足しています。',
    read_only: 'サーバーは現在、読み取り専用です。',
    unavailable: 'サーバーが混み合っています。',
  },
};

export function formatDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
