// Given questionnaires whose headers use words qmap does not know, or no header at all, qmap still finds the
// questions and where their answers go, from what the cells hold and how the table is drawn.
import t from 'tap';
import ExcelJS from 'exceljs';
import { detect } from '../../src/workbook/detect.js';
import { contentExtras } from '../../src/workbook/ods-hints.js';
import { readBook } from '../../src/workbook/read.js';
import type { Limits, SheetDetection } from '../../src/workbook/types.js';

const limits: Limits = { uploadBytes: 20 << 20, uncompressedBytes: 200 << 20, sheets: 50, rows: 100_000, columns: 200 };
type Row = (string | number | null)[];

interface Sheet {
  name?: string;
  rows: Row[];
  widths?: number[];
  merges?: string[];
  /** A list validation on one column over rows (1-based, inclusive). */
  list?: { column: number; rows: [number, number] | number[]; values: string[] };
  /** Cells (A1) filled with an ARGB colour. */
  fills?: Record<string, string>;
}

async function read(...sheets: Sheet[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name ?? 'Sheet1');
    for (const r of s.rows) ws.addRow(r);
    s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.list) {
      const rows = s.list.rows.length === 2 && s.list.rows[1] > s.list.rows[0] + 1 ? Array.from({ length: s.list.rows[1] - s.list.rows[0] + 1 }, (_, i) => s.list!.rows[0] + i) : s.list.rows;
      for (const r of rows) ws.getCell(r, s.list.column).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${s.list.values.join(',')}"`] };
    }
    for (const [a1, argb] of Object.entries(s.fills ?? {})) ws.getCell(a1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  return detect(readBook(new Uint8Array(await wb.xlsx.writeBuffer()), 'q.xlsx', limits));
}
const first = async (...sheets: Sheet[]): Promise<SheetDetection> => (await read(...sheets)).sheets.find((s) => s.questions.length)!;
const columns = (s: SheetDetection) => [s.headerRow, s.questionColumn, s.answerColumn, s.choiceColumn];

const statements = ['情報セキュリティ基本方針を策定し、全従業員に周知している。', 'アクセス権限を定期的に見直している。', 'バックアップを毎日取得し、遠隔地に保管している。', '通信経路を暗号化している。'];
const questions = statements.map((s) => s.replace('ている。', 'ていますか。'));

t.test('a checklist of statements under unknown header words: the narrow status column is the choice, the wide one takes the free text', async (t) => {
  const s = await first({ rows: [['点検表'], [], ['項番', '確認すべき事項', '状況', '特記事項'], ...statements.map((q, i) => [i + 1, q, null, null])], widths: [6, 60, 10, 40] });
  t.same(columns(s), [3, 'B', 'D', 'C']);
  t.same(s.questions.map((q) => q.row), [4, 5, 6, 7]);
  t.match(s.reason, /column B reads as questions/);
});

t.test('with neutral words in the header, the questions and the answer column are found from the cells: the empty column shaded for input, not the greyed-out one', async (t) => {
  const fills = Object.fromEntries([2, 3, 4, 5].flatMap((r) => [[`C${r}`, 'FFFFF2CC'], [`D${r}`, 'FFD9D9D9']]));
  const s = await first({ rows: [['列1', '項目B', 'Field 3', '列4'], ...questions.map((q, i) => [i + 1, q, null, null])], widths: [6, 60, 30, 30], fills });
  t.same(columns(s), [1, 'B', 'C', null]);
  t.match(s.reason, /shaded for input/);
});

t.test('a narrow empty column before a wide one is left for a mark: the free text goes to the wide one', async (t) => {
  const s = await first({ rows: [['Field 1', 'Field 2', 'Field 3', 'Field 4'], ...questions.map((q, i) => [i + 1, q, null, null])], widths: [6, 60, 8, 40] });
  t.same(columns(s), [1, 'B', 'D', null]);
});

t.test('a sheet without a header: numbered questions after a title, answered in the column beside them', async (t) => {
  const rows: Row[] = [['Vendor questions'], ['Please answer each question in column C.'], [], ...['Do you encrypt customer data at rest?', 'Do you perform annual penetration tests?', 'Describe your backup strategy.'].map((q, i) => [i + 1, q])];
  const s = await first({ rows });
  t.same(columns(s), [null, 'B', 'C', null]);
  t.same(s.questions.map((q) => q.row), [4, 5, 6]);
});

t.test('a cover sheet of form fields (会社名, 担当者, Company Name) holds no questions', async (t) => {
  const d = await read(
    { name: 'Business Information', rows: [['Business Information'], [], ['Company Name', null], ['Registered Address', null], ['Primary Contact', null], ['Contact E-mail', null]], widths: [24, 30] },
    { name: '回答者情報', rows: [['回答者情報'], ['会社名', null], ['担当者（部署・氏名）', null], ['連絡先（メール）', null], ['回答日', null]], widths: [24, 30] },
    { name: 'Questions', rows: [['No', '質問', '回答'], ...questions.map((q, i) => [i + 1, q, null])] },
  );
  t.same(d.sheets.map((s) => s.questions.length), [0, 0, 4]);
});

t.test('はい | いいえ columns to mark one of: each question gets both cells and the value a mark there means', async (t) => {
  const s = await first({ rows: [['No', '確認事項', 'はい', 'いいえ', '備考'], ...questions.map((q, i) => [i + 1, q, null, null, null])], widths: [5, 60, 6, 6, 40] });
  t.same(columns(s), [1, 'B', 'E', null]);
  t.same(s.marks, [{ value: 'はい', column: 'C' }, { value: 'いいえ', column: 'D' }]);
  t.same(s.questions[0].marks, { symbol: '○', cells: [{ value: 'はい', cell: 'C2', existing: '' }, { value: 'いいえ', cell: 'D2', existing: '' }] });
  t.same(s.questions[0].choices, ['はい', 'いいえ'], 'the values to mark are the question\'s choices');
  const boxes = await first({ rows: [['No', '取組内容', '対応している', '対応していない', '備考'], ...statements.map((q, i) => [i + 1, q, '□', '□', null])] });
  t.same(boxes.marks?.map((m) => m.value), ['対応している', '対応していない'], 'columns pre-filled with □ to turn into ■');
  t.same([boxes.choiceColumn, boxes.markSymbol], [null, '■']);
  t.same(boxes.questions[0].marks?.cells.map((c) => c.existing), ['□', '□'], 'each mark cell says what it holds');
  t.equal(s.markSymbol, '○', 'a Japanese sheet that does not say how to mark is marked with ○');
  const told = await first({ rows: [['該当する欄に「✓」を記入してください。'], ['No', '確認事項', 'はい', 'いいえ', '備考'], ...questions.map((q, i) => [i + 1, q, null, null, null])] });
  t.equal(told.markSymbol, '✓', 'the mark the instructions quote');
});

t.test('the mark follows the marks already made in those columns, else the sheet\'s language: ○ in Japanese, X in English', async (t) => {
  const english = ['Do you back up customer data daily?', 'Is data in transit encrypted with TLS 1.2 or higher?', 'Do you hold ISO 27001 certification?', 'Do you support SAML SSO?'];
  const tick = (marked: Record<number, [number, string]>, preamble: Row[] = []) =>
    first({ rows: [...preamble, ['Ref', 'Requirement', 'Yes', 'No', 'N/A', 'Comments'], ...english.map((q, i) => [i + 1, q, ...[0, 1, 2].map((c) => (marked[i]?.[0] === c ? marked[i][1] : null)), null])], widths: [5, 60, 6, 6, 6, 40] });
  const marked = await tick({ 1: [0, 'X'] });
  t.same(marked.marks?.map((m) => m.value), ['Yes', 'No', 'N/A']);
  t.equal(marked.markSymbol, 'X', 'a row already marked with X: the others are marked with X too');
  t.equal((await tick({ 0: [0, '✓'], 2: [1, '✓'] })).markSymbol, '✓', 'marked with ✓: ✓');
  t.equal((await tick({ 0: [0, 'x'] }, [['Mark the column that applies with "✓".']])).markSymbol, 'x', 'what the customer did outweighs what the instructions quote');
  t.equal((await tick({})).markSymbol, 'X', 'an English sheet that does not say: X, the mark English forms ask for');
  const japanese = await first({ rows: [['No', '確認事項', 'はい', 'いいえ', '備考'], ...questions.map((q, i) => [i + 1, q, i === 2 ? '●' : null, null, null])] });
  t.equal(japanese.markSymbol, '●', 'a Japanese sheet marked with ● keeps ●');
  t.equal(japanese.questions[0].marks?.symbol, '●', 'and each question marks with it');
});

t.test('a check column whose drop-down holds one tick (レ) is the choice column', async (t) => {
  const s = await first({ rows: [['項番', '要求事項', 'チェック', '備考'], ...statements.map((q, i) => [i + 1, q, null, null])], widths: [6, 60, 8, 40], list: { column: 3, rows: [2, 5], values: ['レ'] } });
  t.same(columns(s), [1, 'B', 'D', 'C']);
  t.same(s.choices, ['レ']);
});

t.test('sub-items: an item that introduces them is a heading; a full question with sub-items is answered too', async (t) => {
  const s = await first({
    rows: [
      ['Item', 'Requirement / Question', 'Vendor Response'],
      [1, 'Availability. Please describe:', null],
      [null, '(a) Hours during which the service is available', null],
      [null, '(b) Committed uptime percentage', null],
      [2, 'How will you notify us of unplanned outages?', null],
      [null, '(a) Maximum time from detection to first notification', null],
      [3, 'Do you support MFA for administrators?', null],
    ],
  });
  t.same(s.questions.map((q) => q.row), [3, 4, 5, 6, 7]);
  const kana = await first({ rows: [['No', '', '確認事項', '回答'], [1, '', '次の事項を満たしていること。', null], [null, 'ア', statements[0], null], [null, 'イ', statements[1], null], [2, '', statements[2], null]], widths: [5, 4, 60, 40] });
  t.same(kana.questions.map((q) => q.row), [3, 4, 5], 'ア, イ in a column of their own');
  const inText = await first({ rows: [['質問', '回答'], ['1. 次の事項についてご記入ください。', null], ['(1) サービス提供時間', null], ['(2) 計画停止の頻度', null], ['2. データを暗号化していますか。', null], ['3. バックアップを取得していますか。', null]] });
  t.same(inText.questions.map((q) => q.row), [3, 4, 5, 6], 'numbers written in the text');
});

t.test('an item wrapped by hand over two rows of a legacy sheet is one question', async (t) => {
  const s = await first({
    rows: [['項番', '確認項目', '回答'], [1, 'サービス提供時間帯', null], [2, '利用者（教職員・学生）の個人情報の取扱い', null], [null, 'に関する規程の有無', null], [3, '同時接続可能な利用者数の上限（履修登録期間等の', null], [null, 'アクセス集中時を想定）', null], [4, 'データセンターの所在国', null]],
    widths: [6, 40, 30],
  });
  t.same(s.questions.map((q) => q.row), [2, 3, 5, 7]);
  t.equal(s.questions[1].text, '利用者（教職員・学生）の個人情報の取扱い\nに関する規程の有無');
  t.equal(s.questions[2].text, '同時接続可能な利用者数の上限（履修登録期間等の\nアクセス集中時を想定）');
  const plain = await first({ rows: [['確認項目', '回答'], ['サービス提供時間帯', null], ['計画停止の有無と事前告知の方法（学期中の停止回避', null], ['への配慮可否も併せて記入のこと）', null], ['データセンターの所在国', null]] });
  t.same(plain.questions.map((q) => q.row), [2, 3, 5], 'without numbers, a line left open (a bracket, a particle) goes on below');
});

t.test('a closing line after a blank row below a numbered table is not a question; an unnumbered last question under a section row is', async (t) => {
  const rows: Row[] = [['No.', '確認事項', '回答'], ...questions.slice(0, 3).map((q, i) => [i + 1, q, null])];
  const closing = await first({ rows: [...rows, [], [null, '回答は本ファイルに直接入力し、メールでご返送ください。', null]] });
  t.same(closing.questions.map((q) => q.row), [2, 3, 4]);
  const last = await first({ rows: [...rows, ['運用'], [null, questions[3], null]] });
  t.same(last.questions.map((q) => q.row), [2, 3, 4, 6]);
});

t.test('a header repeated for each block of a sheet, and the blocks\' section rows, are not questions', async (t) => {
  const header = ['No', '評価項目', '回答', '補足'];
  const s = await first({ rows: [['評価表'], ['1. 管理'], header, [1, questions[0], null, null], [2, questions[1], null, null], [], ['2. 技術'], header, [3, questions[2], null, null], [4, questions[3], null, null]] });
  t.same(s.questions.map((q) => [q.row, q.section]), [[4, null], [5, null], [9, '2. 技術'], [10, '2. 技術']]);
});

t.test('a form: each question with its answer box merged under it, and a yes/no drop-down beside the questions', async (t) => {
  const rows: Row[] = [['調査票'], []];
  ['ISMS認証を取得していますか。', 'データを暗号化していますか。', '脆弱性診断を受けていますか。'].forEach((q, i) => rows.push([`Q${i + 1}.`, q, null, null, null], ['回答', null, null, null, null], []));
  const merges = [3, 6, 9].flatMap((r) => [`B${r}:D${r}`, `B${r + 1}:E${r + 1}`]);
  const s = await first({ rows, merges, list: { column: 5, rows: [3, 6, 9], values: ['はい', 'いいえ'] }, widths: [6, 30, 30, 30, 10] });
  t.same(s.questions.map((q) => [q.row, q.answerCell, q.choiceCell]), [[3, 'B4', 'E3'], [6, 'B7', 'E6'], [9, 'B10', 'E9']]);
  t.match(s.reason, /the answer box is the cell under each question/);
});

t.test('an OpenDocument sheet\'s drop-downs and shading are read from its content', async (t) => {
  const xml = `<office:document-content><office:automatic-styles><style:style style:name="ce5" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffffcc" fo:border="0.74pt solid #808080"/></style:style></office:automatic-styles>
    <table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-in-list(&quot;該当&quot;;&quot;非該当&quot;)"/></table:content-validations>
    <table:table table:name="確認票"><table:table-column table:number-columns-repeated="3"/><table:table-row><table:table-cell><text:p>確認内容</text:p></table:table-cell><table:table-cell><text:p>回答</text:p></table:table-cell></table:table-row>
    <table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>x</text:p></table:table-cell><table:table-cell table:style-name="ce5" table:content-validation-name="val1"/></table:table-row></table:table></office:document-content>`;
  const [sheet] = contentExtras(xml);
  t.same(sheet.validations, [{ range: { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }, formula: '"該当,非該当"' }]);
  t.same(sheet.looks.get(1 * 16384 + 1), { fill: 'rgb:FFFFCC', border: true });
});
