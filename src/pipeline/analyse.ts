// Upload → Analysis: read the workbook, find its questions, match each one, and make the rows to store.
// Pure over plain data (no database, no HTTP), so it runs in a worker thread or in the CLI alike.
import { newId } from '../ids.js';
import type { Analysis, Item, Language, LibraryAnswer, Message, Proposal, Question, RememberedLayout, Row, SheetSummary } from '../domain.js';
import { composeAnswer, deniedTerm } from './answers.js';
import { answerDoubt, choiceFor } from '../matching/answer.js';
import { detect } from '../workbook/detect.js';
import { readBook } from '../workbook/read.js';
import { fingerprint, templateWords, type TemplatePlace } from '../workbook/template.js';
import type { Book, Detection, DetectOverrides, Limits } from '../workbook/types.js';
import { compiled, type Compiled, type Knowledge } from './knowledge.js';

export interface AnalyseInput {
  bytes: Uint8Array;
  filename: string;
  limits: Limits;
  overrides: DetectOverrides;
  knowledge: Knowledge;
  /** Layouts users gave for templates: one whose template this upload is says where its questions are. */
  layouts?: RememberedLayout[];
  /** The language to answer in; by default the questions' own. */
  answerLanguage?: Language;
  /** Told as questions are matched, for progress bars on long files. */
  onProgress?: (done: number, total: number) => void;
}

export function analyse(input: AnalyseInput): Analysis {
  const book = readBook(input.bytes, input.filename, input.limits);
  // Layouts remembered for this template say where its sheets' questions are; other sheets are detected as usual.
  const remembered = given(input.overrides) ? [] : (input.layouts ?? []).filter((l) => fingerprint(book, l) === l.fingerprint);
  const detection = detect(book, input.overrides, new Map(remembered.map((l) => [l.sheet, overridesOf(l)])));
  const questions = detection.sheets.flatMap((s) => s.questions);
  const language = input.answerLanguage ?? languageOf(questions);
  const knowledge = compiled(input.knowledge);
  const proposals = matchAll(knowledge, questions, input.onProgress);
  const rows = questions.map((q, ord) => rowOf(q, ord, proposals[ord], input.knowledge.items, language));
  const said = remembered.map((l) => ({ code: 'note.layoutRemembered', params: { sheet: l.sheet } }));
  return { kind: book.kind, language, sheets: summaries(book, detection), notes: [...said, ...notes(book, detection, language)], rows, layouts: remembered.map((l) => l.id) };
}

const given = (o: DetectOverrides) => Object.values(o).some((v) => v !== undefined);

function overridesOf(l: RememberedLayout): DetectOverrides {
  return { sheet: l.sheet, headerRow: l.headerRow ?? undefined, questionColumn: l.questionColumn, answerColumn: l.answerColumn ?? undefined, choiceColumn: l.choiceColumn ?? 'none' };
}

/** English when most questions have no Japanese in them. */
export function languageOf(questions: Question[]): Language {
  const japanese = questions.filter((q) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(q.text)).length;
  return questions.length > 0 && japanese < 0.2 * questions.length ? 'en' : 'ja';
}

/** A proposal, and the library answer it proposes (if it does). */
interface Proposed {
  proposal: Proposal;
  library: LibraryAnswer | null;
}

/** Every question's proposal, in slices of 100 when progress is to be told. */
function matchAll(knowledge: Compiled, questions: Question[], onProgress?: (done: number, total: number) => void): Proposed[] {
  const inputs = questions.map((q) => ({ text: q.text, section: q.section, number: q.number }));
  const slice = onProgress ? 100 : Math.max(1, inputs.length);
  const proposals: Proposed[] = [];
  for (let from = 0; from < inputs.length; from += slice) {
    // The context pass reads the neighbour on either side: each slice is matched with them, then they are dropped.
    const start = Math.max(0, from - 1);
    const to = Math.min(inputs.length, from + slice);
    const results = knowledge.matcher.matchAll(inputs.slice(start, Math.min(inputs.length, to + 1))).slice(from - start, to - start);
    for (let i = 0; i < results.length; i++) proposals.push(withLibrary(results[i], questions[from + i], knowledge));
    onProgress?.(proposals.length, inputs.length);
  }
  return proposals;
}

/** When no item answers the question, an answer the vendor wrote for it before is proposed for review. */
function withLibrary(p: Proposal, q: Question, knowledge: Compiled): Proposed {
  const hit = p.status === 'unmatched' ? knowledge.libraryAnswer(q.text) : null;
  if (!hit) return { proposal: p, library: null };
  // The matcher's verdict said the row is left blank; the library's answer is written instead.
  const reasons = [{ code: 'row.library', params: { question: hit.question } }, ...p.reasons.filter((m) => m.code !== 'verdict.unmatched')];
  return { proposal: { ...p, status: 'review', source: 'library', libraryId: hit.id, reasons }, library: hit };
}

/** The row as first stored: the proposal's answer and choice, held for review when either cannot be written with confidence. */
function rowOf(q: Question, ord: number, { proposal, library }: Proposed, items: Item[], language: Language): Row {
  const itemNos = proposal.status === 'unmatched' ? [] : proposal.itemNos;
  // Every field named, not spread from the question: spreading 10,000 questions cost 0.1 s of CPU alone.
  const row: Row = {
    id: newId(),
    ord,
    sheet: q.sheet,
    row: q.row,
    text: q.text,
    section: q.section,
    number: q.number,
    answerCell: q.answerCell,
    choiceCell: q.choiceCell,
    choices: q.choices,
    marks: q.marks,
    existingAnswer: q.existingAnswer,
    existingChoice: q.existingChoice,
    status: proposal.status,
    itemNos,
    answer: null,
    choice: null,
    proposal,
    decidedBy: null,
    decidedAt: null,
    version: 0,
  };
  if (library) {
    row.answer = library.answer;
    row.choice = library.choice && q.choices?.includes(library.choice) ? library.choice : null;
    return row;
  }
  if (row.status === 'unmatched') return row;
  const held: Message[] = [];
  const missing = language === 'en' ? itemNos.filter((n) => !items.find((i) => i.no === n)?.answerEn) : [];
  const outdated = language === 'en' ? itemNos.filter((n) => items.find((i) => i.no === n)?.answerEnOutdated) : [];
  if (missing.length) held.push({ code: 'row.noEnglishAnswer', params: { itemNo: missing.join(', ') } });
  else row.answer = composeAnswer(items, itemNos, language, q.text);
  const denied = row.answer ? deniedTerm(q.text, row.answer) : null;
  if (denied) held.push({ code: 'row.answerDenies', params: { term: denied } });
  if (outdated.length) held.push({ code: 'row.englishOutdated', params: { itemNo: outdated.join(', ') } });
  const learned = (q.choiceCell || q.marks) && q.choices?.length && proposal.choice && q.choices.includes(proposal.choice) ? proposal.choice : null;
  // The answer is the vendor's own and is still proposed, but a threshold it does not meet is a reviewer's
  // (unless a reviewer already chose the value for this question).
  const doubt = learned ? null : answerDoubt(q.text, items, itemNos);
  if (doubt) held.push(doubt);
  if (learned) {
    // A reviewer chose this value for the same question before.
    row.choice = learned;
  } else if ((q.choiceCell || q.marks) && q.choices?.length) {
    const { choice, reason } = choiceFor(q.text, items, itemNos, q.choices);
    row.choice = choice;
    if (choice === null && reason?.code !== doubt?.code) held.push(reason ?? { code: 'row.noChoice', params: { choices: q.choices.join('/') } });
  } else if (q.choiceCell) {
    // A choice column whose values the sheet does not say (no list, none typed yet): a reviewer picks one.
    held.push({ code: 'row.choiceUnknown', params: { cell: q.choiceCell } });
  }
  if (held.length && row.status === 'auto') {
    // The matcher's verdict said "filled automatically"; the row says why it is held instead.
    const score = proposal.score.toFixed(2);
    const verdict = { code: 'row.held', params: { score } };
    row.status = 'review';
    row.proposal = { ...proposal, status: 'review', reasons: [...held, ...proposal.reasons.filter((m) => m.code !== 'verdict.auto'), verdict] };
  }
  return row;
}

function summaries(book: Book, detection: Detection): SheetSummary[] {
  return detection.sheets.map(({ name, headerRow, questionColumn, answerColumn, choiceColumn, choices, reason, questions }) => ({
    name,
    headerRow,
    questionColumn,
    answerColumn,
    choiceColumn,
    choices,
    reason,
    questions: questions.length,
    template: questions.length && questionColumn ? templateOf(book, { sheet: name, headerRow, questionColumn }) : null,
  }));
}

function templateOf(book: Book, place: TemplatePlace): SheetSummary['template'] {
  const print = fingerprint(book, place);
  const grid = book.sheets.find((g) => g.name === place.sheet);
  return print && grid ? { fingerprint: print, words: templateWords(grid, place) } : null;
}

function notes(book: Book, detection: Detection, language: Language): Message[] {
  const out: Message[] = [];
  if (detection.reviewCopy) out.push({ code: 'note.reviewCopy', params: { sheet: detection.reviewCopy.sheet, count: detection.reviewCopy.guesses } });
  if (book.kind === 'xls' || book.kind === 'ods' || book.kind === 'csv') out.push({ code: 'note.converted', params: { kind: book.kind } });
  const questions = detection.sheets.flatMap((s) => s.questions);
  const filled = questions.filter((q) => q.existingAnswer.trim() || q.existingChoice.trim()).length;
  if (filled) out.push({ code: 'note.prefilled', params: { count: filled } });
  const hidden = detection.sheets.filter((s) => s.hiddenRows);
  if (hidden.length) out.push({ code: 'note.hiddenRows', params: { where: hidden.map((s) => `${s.hiddenRows} in 「${s.name}」`).join(', ') } });
  if (language === 'en') out.push({ code: 'note.answersInEnglish' });
  return out;
}
