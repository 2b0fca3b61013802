import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';
import { detect } from '../../src/workbook/detect.js';
import { readBook } from '../../src/workbook/read.js';
import { writeAnswers } from '../../src/workbook/write.js';
import { analyse } from '../../src/pipeline/analyse.js';
import { messageText } from '../../src/messages.js';
import { knowledge } from '../helpers/knowledge.js';
import type { DetectOverrides, Limits, SheetDetection } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
const book = (name: string) => readBook(new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', name))), name, limits);
const csv = (text: string) => readBook(new TextEncoder().encode(text), 'q.csv', limits);
const sheet = (name: string, overrides?: DetectOverrides, sheetName?: string): SheetDetection => {
  const d = detect(book(name), overrides);
  return sheetName ? d.sheets.find((s) => s.name === sheetName)! : d.sheets.find((s) => s.questions.length)!;
};
const columns = (s: SheetDetection) => [s.headerRow, s.questionColumn, s.answerColumn, s.choiceColumn];

t.test('a header under a title and instructions block is found, with its drop-down beside a notes column', async (t) => {
  for (const ext of ['xlsx', 'xlsm', 'xls', 'ods']) {
    const s = sheet(`layout-title-block.${ext}`);
    t.same([s.headerRow, s.questionColumn, s.answerColumn], [4, 'C', 'E'], ext);
    t.same(s.questions.map((q) => q.row), [5, 6, 7, 8, 9], `${ext}: the footer note is not a question`);
    t.same(s.questions.map((q) => q.section), ['データ管理', 'データ管理', 'データ管理', 'アクセス管理', 'アクセス管理'], `${ext}: the merged 大分類 is each row's section`);
  }
  const s = sheet('layout-title-block.xlsx');
  t.equal(s.choiceColumn, 'D');
  t.same(s.choices, ['はい', 'いいえ', '該当なし']);
  t.match(s.questions[0], { number: '1', answerCell: 'E5', choiceCell: 'D5', existingAnswer: '', existingChoice: '' });
  t.match(s.reason, /Header row 4/);
  t.match(s.reason, /「確認項目」 \(C\)/);
});

t.test('bilingual headers, 1-1 numbering and a ○△×－ drop-down; rich text reads as its runs', async (t) => {
  const s = sheet('layout-bilingual.xlsx');
  t.same(columns(s), [3, 'C', 'E', 'D']);
  t.same(s.choices, ['○', '△', '×', '－']);
  t.same(s.questions.map((q) => q.number), ['1-1', '1-2', '2-1']);
  t.equal(s.questions[1].text, '【必須】データセンターの所在国をご記入ください。');
  t.equal(s.questions[0].section, '組織 Organization');
  t.equal(s.questions[2].existingAnswer, '日次で取得しています。', 'what the customer already wrote is kept');
});

t.test('covers, instructions, histories and formula summaries hold no questions; split sheets each do', async (t) => {
  const d = detect(book('layout-multi-sheet.xlsx'));
  const count = Object.fromEntries(d.sheets.map((s) => [s.name, s.questions.length]));
  t.same(count, { 表紙: 0, 記入要領: 0, 運用: 2, セキュリティ: 3, lists: 0, 集計: 0, 改訂履歴: 0 });
  const ops = d.sheets.find((s) => s.name === '運用')!;
  const sec = d.sheets.find((s) => s.name === 'セキュリティ')!;
  t.same([columns(ops), columns(sec)], [[2, 'C', 'E', 'D'], [3, 'C', 'E', 'D']], 'the repeated header is found on each sheet');
  t.same(sec.choices, ['対応済', '一部対応', '未対応'], 'drop-down values from the hidden list sheet');
  t.same(sec.questions.map((q) => q.number), ['SC-01', 'SC-02', 'SC-03']);
  t.match(d.sheets.find((s) => s.name === 'lists')!.reason, /hidden/);
  t.match(d.sheets.find((s) => s.name === '集計')!.reason, /formulas/);
});

t.test('section rows, the 記入例 row and struck-out or deleted rows are not questions', async (t) => {
  const s = sheet('layout-sections.xlsx');
  t.same(columns(s), [3, 'B', 'F', null], 'the question merged B:E is in B; G is the customer\'s own column');
  t.same(s.questions.map((q) => q.row), [6, 7, 9, 11, 13]);
  t.same(s.questions.map((q) => q.section), ['１．サービス提供', '１．サービス提供', '２．データ管理', '２．データ管理', '２．データ管理']);
  t.equal(s.questions[1].text, 'RTO／RPO', 'a terse numbered question is still a question');
  t.match(s.reason, /1 example rows/);
  t.match(s.reason, /2 deleted rows/);
});

t.test('a numbered row that heads 1-1, 1-2 is a section, not a question', async (t) => {
  const s = sheet('layout-numbered-sections.xlsx');
  t.same(s.questions.map((q) => [q.row, q.number, q.section]), [[3, '1-1', '組織的対策'], [4, '1-2', '組織的対策'], [6, '2-1', '技術的対策']]);
});

t.test('Yes | No | N/A tick columns under one header are columns to mark one of; the free text goes to Notes', async (t) => {
  const s = sheet('layout-tick-columns.xlsx');
  t.same(columns(s), [2, 'C', 'G', null], 'the header row is the lower one, which names the columns');
  t.same(s.marks, [{ value: 'Yes', column: 'D' }, { value: 'No', column: 'E' }, { value: 'N/A', column: 'F' }]);
  t.same(s.questions.map((q) => q.row), [3, 4]);
  t.same(s.questions[0].marks?.cells.map(({ value, cell }) => ({ value, cell })), [{ value: 'Yes', cell: 'D3' }, { value: 'No', cell: 'E3' }, { value: 'N/A', cell: 'F3' }]);
});

t.test('a question continued on the next row is one question', async (t) => {
  const s = sheet('layout-continued.xlsx');
  t.same(s.questions.map((q) => [q.row, q.number]), [[2, 'Q1.1'], [3, 'Q1.2'], [5, 'Q1.3']]);
  t.equal(s.questions[1].text, 'Describe how backups are taken, where they are stored\nand how long each generation is kept.');
  t.equal(s.questions[1].answerCell, 'C3');
});

t.test('without an answer column, the box under each question is the answer cell', async (t) => {
  const s = sheet('layout-answer-below.xlsx');
  t.same(s.questions.map((q) => [q.row, q.answerCell]), [[3, 'A4'], [6, 'A7'], [9, 'A10']]);
  t.equal(s.questions[1].existingAnswer, '日次で取得し、7世代保管しています。', 'an answer already in a box is not a question');
  t.match(s.reason, /under each question/);
});

t.test('a two-row header: the choice and free-text columns under a merged 回答欄', async (t) => {
  const s = sheet('layout-two-row-header.xlsx');
  t.same(columns(s), [4, 'B', 'D', 'C'], 'the header row is the lower one, which names the columns');
  for (const headerRow of [3, 4]) t.same(columns(sheet('layout-two-row-header.xlsx', { headerRow })), [4, 'B', 'D', 'C'], `given either row (${headerRow}) back, the same`);
  t.same(s.choices, ['はい', 'いいえ']);
  t.same(s.questions.map((q) => q.row), [5, 6]);
});

t.test('a drop-down under a merged 回答 header, the free text beside it; numbers written as formulas read as their values', async (t) => {
  const s = sheet('layout-merged-answer-header.xlsx');
  t.same(columns(s), [1, 'B', 'D', 'C']);
  t.same(s.choices, ['対応可', '対応不可']);
  t.same(s.questions.map((q) => q.number), ['1', '2', '3']);
});

t.test('a hidden column is never the answer column', async (t) => {
  const s = sheet('layout-hidden-column.xlsx');
  t.same(columns(s), [1, 'B', 'D', null]);
});

t.test('English headers: Response beside an answer-options column, and a Yes/No/NA choice column', async (t) => {
  const s = sheet('layout-english.xlsx');
  t.same(columns(s), [3, 'B', 'E', 'D']);
  t.same(s.choices, ['Yes', 'No', 'NA']);
  t.same(s.questions.map((q) => [q.row, q.section]), [[5, 'Network'], [6, 'Network'], [8, 'Data']]);
  t.match(s.questions[2], { existingChoice: 'Yes', existingAnswer: 'AES-256' });
});

t.test('a 回答区分 drop-down of 適合/一部適合/不適合/該当なし is the choice, not the customer\'s 重要度 drop-down; 回答内容 takes the free text', async (t) => {
  const s = sheet('layout-choice-category.xlsx');
  t.same(columns(s), [3, 'C', 'E', 'D']);
  t.same(s.choices, ['適合', '一部適合', '不適合', '該当なし']);
  t.same(s.questions.map((q) => [q.row, q.answerCell, q.choiceCell]), [[5, 'E5', 'D5'], [6, 'E6', 'D6'], [8, 'E8', 'D8']]);
  t.same(s.questions.map((q) => q.section), ['１　管理体制', '１　管理体制', '２　データ保護']);
});

t.test('a 評価区分 (◎○△×) drop-down is the vendor\'s choice; the customer\'s own 当社評価欄 drop-down is left alone', async (t) => {
  const s = sheet('layout-rating-marks.xlsx');
  t.same(columns(s), [4, 'B', 'D', 'C']);
  t.same(s.choices, ['◎', '○', '△', '×']);
  t.notOk(s.questions.some((q) => /^E/.test(q.answerCell ?? '') || /^E/.test(q.choiceCell ?? '')), 'nothing is written into column E');
});

t.test('an assessment drop-down left of the free text is the vendor\'s pick; one after it is the customer\'s verdict', async (t) => {
  const s = sheet('layout-verdict-columns.xlsx');
  t.same(columns(s), [1, 'B', 'D', 'C']);
  t.same(s.choices, ['◎', '○', '△', '×']);
  t.match(s.reason, /「評価」 \(C\) is a drop-down left of the free text/);
});

t.test('with only a drop-down to answer, the choice goes in it and no free-text answer cell is given', async (t) => {
  const s = sheet('layout-choice-only.xlsx');
  t.same(columns(s), [1, 'B', null, 'C']);
  t.same(s.choices, ['はい', 'いいえ']);
  t.same(s.questions.map((q) => [q.answerCell, q.choiceCell]), [[null, 'C2'], [null, 'C3'], [null, 'C4']]);
  t.match(s.reason, /only the choice is written/);
  const given = sheet('layout-title-block.xlsx', { answerColumn: 'D', choiceColumn: 'D' });
  t.same([given.answerColumn, given.choiceColumn, given.questions[0].answerCell, given.questions[0].choiceCell], [null, 'D', null, 'D5'], 'the same when the overrides name one column for both');
});

t.test('a column listing each row\'s options (○ Yes / ○ No) is neither the answer nor the choice column', async (t) => {
  const s = sheet('layout-option-lists.xlsx');
  t.same(columns(s), [1, 'B', 'D', null]);
  t.same(s.questions.map((q) => q.answerCell), ['D2', 'D3', 'D4', 'D5']);
  const bulleted = detect(csv('No,質問,回答,備考\n1,暗号化方式を教えてください。,"・保存時：AES-256\n・通信時：TLS1.2以上",\n2,認証方式を教えてください。,"・パスワード\n・多要素認証",\n')).sheets[0];
  t.equal(bulleted.answerColumn, 'C', 'answers already written as ・ bullet lists stay in the answer column');
});

t.test('choice and free-text columns are told apart by their header words', async (t) => {
  const pairs: [string, string][] = [
    ['回答区分', '回答内容'],
    ['評価区分（◎○△×）', '回答内容'],
    ['選択', '記述欄'],
    ['適合状況', '具体的な対策内容'],
    ['対応状況', '詳細'],
    ['Compliance', 'Explanation'],
    ['Status', 'Details'],
    ['Yes/No', 'Rationale'],
    ['回答（はい／いいえ）', '内容'],
    ['選択', '記入'],
  ];
  for (const [choice, free] of pairs) {
    const s = detect(csv(`No,質問,${choice},${free}\n1,データを暗号化していますか。,,\n`)).sheets[0];
    t.same([s.choiceColumn, s.answerColumn], ['C', 'D'], `${choice} | ${free}`);
  }
  t.same(detect(csv('No,質問,評価区分（◎○△×）,回答内容\n1,暗号化していますか。,,\n')).sheets[0].choices, ['◎', '○', '△', '×'], 'marks written side by side are the choices');
});

t.test('a column already filled with はい/いいえ is the choice column when a free-text column sits beside it', async (t) => {
  const s = detect(csv('No,質問,回答,詳細\n1,暗号化していますか。,はい,\n2,ログを保管していますか。,いいえ,\n3,監査を受けていますか。,はい,\n')).sheets[0];
  t.same([s.choiceColumn, s.answerColumn, s.choices], ['C', 'D', ['はい', 'いいえ']]);
  t.match(s.questions[1], { choiceCell: 'C3', existingChoice: 'いいえ', answerCell: 'D3' });
  const prose = detect(csv('No,質問,回答,詳細\n1,暗号化していますか。,はい、AES-256で暗号化しています。,\n2,ログを保管していますか。,はい,\n3,監査を受けていますか。,いいえ,\n')).sheets[0];
  t.same([prose.choiceColumn, prose.answerColumn], [null, 'C'], 'a column with any sentence in it stays the free-text answer');
  const required = detect(csv('必須,質問,回答,備考\n○,暗号化していますか。,,\n×,ログを保管していますか。,,\n○,監査を受けていますか。,,\n')).sheets[0];
  t.same([required.choiceColumn, required.answerColumn], [null, 'C'], 'a 必須 column of ○/× is the customer\'s mark, not a choice');
});

t.test('columns the customer keeps for itself are never the answer or the choice', async (t) => {
  for (const own of ['評価', '判定（当社記入）', '当社確認欄', '当金庫\n確認欄', 'ハコベ側メモ', 'Reviewer use only']) {
    const s = detect(csv(`No,質問,回答,"${own}"\n1,データを暗号化していますか。,,\n`)).sheets[0];
    t.same([s.answerColumn, s.choiceColumn], ['C', null], own.replace('\n', ' '));
  }
  const s = detect(csv('No,質問,自己評価（A/B/C）,回答内容\n1,データを暗号化していますか。,,\n')).sheets[0];
  t.same([s.choiceColumn, s.answerColumn], ['C', 'D'], 'a self-assessment is the vendor\'s to pick');
});

t.test('every answer-column name customers use is recognised', async (t) => {
  for (const name of ['回答', 'ご回答', '回答欄', '貴社回答', '回答者記入欄', 'Answer', 'Response']) {
    const s = detect(csv(`No,質問,${name},備考\n1,データを暗号化していますか。,,\n`)).sheets[0];
    t.equal(s.answerColumn, 'C', name);
  }
  for (const [header, choices] of [['回答（はい／いいえ）', ['はい', 'いいえ']], ['○／×', ['○', '×']], ['Yes/No/NA', ['Yes', 'No', 'NA']], ['Answer (Yes/No/N/A)', ['Yes', 'No', 'N/A']]] as const) {
    const s = detect(csv(`No,Question,${header},Comments\n1,Do you encrypt data?,,\n`)).sheets[0];
    t.same([s.answerColumn, s.choiceColumn, s.choices], ['D', 'C', choices], header);
  }
  for (const notes of ['備考', '補足', '具体的な内容', 'Comments', 'Notes']) {
    const s = detect(csv(`No,質問,回答（はい／いいえ）,${notes}\n1,データを暗号化していますか。,,\n`)).sheets[0];
    t.equal(s.answerColumn, 'D', `free text goes to ${notes} beside the choice`);
  }
});

t.test('a 回答日 (reply date) column is not the answer column', async (t) => {
  const s = detect(csv('No,質問,回答日,回答\n1,暗号化していますか。,,\n')).sheets[0];
  t.same([s.headerRow, s.questionColumn, s.answerColumn], [1, 'B', 'D']);
});

t.test('a second header row in English under the Japanese one is not a question', async (t) => {
  const s = detect(csv('No.,確認事項,回答,備考\nNo.,Question,Answer,Remarks\n1,データを暗号化していますか。,,\n2,ログを保管していますか。,,\n')).sheets[0];
  t.same(s.questions.map((q) => q.row), [3, 4]);
  t.equal(s.answerColumn, 'C');
  const terse = detect(csv('確認項目,回答,備考\nパスワード要件,備考欄,\n暗号化要件,回答は別紙,\n')).sheets[0];
  t.same(terse.questions.map((q) => q.row), [2, 3], 'terse questions whose short answers are already filled in stay questions');
});

t.test('placeholder rows and a closing 以上 are not questions', async (t) => {
  const s = detect(csv('質問,回答（はい・いいえ）,備考\n暗号化していますか。,,\n－,,\n以上,,\n')).sheets[0];
  t.same(s.questions.map((q) => q.row), [2]);
  t.same([s.choiceColumn, s.choices, s.answerColumn], ['B', ['はい', 'いいえ'], 'C']);
});

t.test('a CSV export: the header is row 1 and rows count CSV records', async (t) => {
  const s = sheet('csv-utf8-bom.csv');
  t.same(columns(s), [1, 'B', 'C', null]);
  t.same(s.questions.map((q) => q.row), [2, 3, 4]);
  t.same(sheet('csv-shift-jis.csv').questions.map((q) => q.text), s.questions.map((q) => q.text));
});

t.test('overrides choose the sheet, header row and columns when the heuristics cannot', async (t) => {
  const s = sheet('layout-title-block.xlsx', { headerRow: 4, questionColumn: 'C', answerColumn: 'D', choiceColumn: '' });
  t.same([s.answerColumn, s.choiceColumn], ['D', null]);
  t.match(s.reason, /header row 4 was given/);
  const d = detect(book('layout-multi-sheet.xlsx'), { sheet: 'セキュリティ' });
  t.same(d.sheets.filter((x) => x.questions.length).map((x) => x.name), ['セキュリティ']);
  t.throws(() => detect(book('layout-multi-sheet.xlsx'), { sheet: 'Nope' }), { code: 'invalid', message: /"Nope".*"表紙"/ });
  t.throws(() => detect(book('layout-multi-sheet.xlsx'), { questionColumn: '12' }), { code: 'invalid' });
  const all = detect(book('layout-multi-sheet.xlsx'), { answerColumn: 'F' });
  t.same(
    all.sheets.filter((x) => x.questions.length).map((x) => [x.name, x.answerColumn]),
    [['運用', 'F'], ['セキュリティ', 'F']],
    'without a sheet name, overrides apply to the question sheets, not the cover or instructions',
  );
});

t.test('a workbook without questions says which sheets it saw, what columns, and how to override', async (t) => {
  t.throws(() => detect(book('bad-no-questions.xlsx')), {
    code: 'no_questions',
    message: /"表紙".*"改訂履歴".*A 「版数」.*questionColumn/s,
    details: { sheets: [{ name: '表紙' }, { name: '改訂履歴', candidates: [{ column: 'A', header: '版数' }, { column: 'B' }, { column: 'C' }] }] },
  });
});

t.test('a download uploaded again: qmap\'s own review sheet is not read as questions', async (t) => {
  const original = new Uint8Array(readFileSync(join(fixturesDir, 'workbooks', 'layout-title-block.xlsx')));
  const first = detect(readBook(original, 'q.xlsx', limits));
  const questions = first.sheets.flatMap((s) => s.questions);
  const review = questions.map((q) => ({ sheet: q.sheet, cell: q.answerCell!, question: q.text, itemNos: [28], itemTitles: ['バックアップの方法'], score: 0.9, status: 'auto' as const, alternatives: '', answer: '日次で取得しています。' }));
  const downloaded = writeAnswers(original, 'xlsx', review.map((r) => ({ sheet: r.sheet, cell: r.cell, text: r.answer })), review).bytes;
  const again = detect(readBook(downloaded, 'q.qmap.xlsx', limits));
  const sheetOfReview = again.sheets.find((s) => s.name === 'qmap確認')!;
  t.same(sheetOfReview.questions, [], 'the review sheet holds no questions');
  t.match(sheetOfReview.reason, /qmap's own review sheet/);
  t.same(again.sheets.flatMap((s) => s.questions).map((q) => q.text), questions.map((q) => q.text), 'the customer\'s questions, once each');
  const chosen = detect(readBook(downloaded, 'q.qmap.xlsx', limits), { sheet: 'qmap確認' });
  t.ok(chosen.sheets.find((s) => s.name === 'qmap確認')!.questions.length > 0, 'asked for by name, it is read like any sheet');
});

t.test('an override that puts two kinds of cell in one column is refused in plain words', async (t) => {
  t.throws(() => detect(book('layout-title-block.xlsx'), { questionColumn: 'C', answerColumn: 'c' }), {
    code: 'invalid',
    message: 'The question column and the answer column are both C; answers would be written over the questions. Name two different columns.',
  });
  t.throws(() => detect(book('layout-title-block.xlsx'), { questionColumn: 'C', choiceColumn: 'C' }), { code: 'invalid', message: /question column and the choice column are both C/ });
});

t.test('rows the customer hid are not read, and the upload says how many and where', async (t) => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('チェックシート');
  ws.addRow(['No.', '質問', '回答']);
  ['データを暗号化していますか。', '旧版の質問（非表示）', 'バックアップを取得していますか。', 'ログを保管していますか。'].forEach((q, i) => ws.addRow([i + 1, q, '']));
  ws.getRow(3).hidden = true;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const s = detect(readBook(bytes, 'q.xlsx', limits)).sheets[0];
  t.same(s.questions.map((q) => q.row), [2, 4, 5], 'the hidden row 3 is not a question');
  t.match(s.reason, /not questions: 1 hidden rows/);
  const detected = analyse({ bytes, filename: 'q.xlsx', limits, overrides: {}, knowledge: knowledge() });
  t.match(detected.notes.map((n) => messageText(n)).join('\n'), /Rows the customer hid were not read \(1 in 「チェックシート」\): if they hold questions to answer, unhide them/);
  t.notOk('hiddenRows' in detected.sheets[0], 'the count is said in the note, not stored with the sheet');
});

t.test('a legend of the answer values (Yes | what it means) beside the questions is no sheet of questions', async (t) => {
  const legend = csv('Status,Meaning\nYes,Fully implemented and documented\nPartially,Implemented for part of the scope or not documented\nNo,Not implemented\nNot applicable,Does not apply to the service (explain)\n');
  t.throws(() => detect(legend), { code: 'no_questions', message: /a legend of the answer values/ });
  const questions = csv('No,Question,Answer\n1,Is data encrypted at rest?,\n2,Do you keep backups off site?,\n');
  t.equal(detect(questions).sheets[0].questions.length, 2, 'a numbered list of questions is still one');
});
