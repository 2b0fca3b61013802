// The review page in a real browser: a reviewer signs in, drops the customer's workbook, accepts one
// proposal with the keyboard, corrects another with the item search, and downloads a workbook holding both.
import t from 'tap';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fixturePath, sheets } from './fixture.js';
import { needsChromium, servePage, type Row } from './page.js';

const questions = sheets.flatMap((s) => s.questions).length;

t.test('a reviewer signs in, uploads, accepts a row, corrects another and downloads both decisions', needsChromium, async (t) => {
  const { app, reviewer, as, base, page, problems } = await servePage(t);

  await page.goto(`${base}/`);
  await page.getByLabel('トークン').fill('not-a-token');
  await page.getByRole('button', { name: 'サインイン' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'unknown or has been revoked' });
  await refusal.waitFor();
  t.match(await refusal.textContent(), /^トークンが無効です。 This token is unknown/, 'a wrong token is refused: what kind of problem in Japanese, then the server’s details');
  problems.length = 0; // the refused request itself is logged by the browser

  await page.getByLabel('トークン').fill(reviewer);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByRole('heading', { name: '質問票' }).waitFor();
  t.pass('the right token opens the questionnaires');

  // Drop the workbook on the drop zone as a browser would deliver it.
  const bytes = [...readFileSync(fixturePath)];
  const dropped = await page.evaluateHandle((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'security-checksheet.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: dropped });
  await page.locator('.review-title').filter({ hasText: 'security-checksheet.xlsx' }).waitFor();
  t.equal(await page.locator('#reviewed').textContent(), `0 / ${questions} 件 確認済み`, `the review screen counts ${questions} questions, none reviewed`);

  // Only the list and the detail scroll: the page itself fits the window, so it never scrolls off into blank space.
  const sizes = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, window: window.innerHeight, list: document.querySelector('.rowlist-pane')!.scrollHeight - document.querySelector('.rowlist-pane')!.clientHeight }));
  t.ok(sizes.list > 0, 'the row list is longer than its pane (the case that matters)');
  t.ok(sizes.height <= sizes.window, `the page is no taller than the window (${sizes.height} ≤ ${sizes.window} px)`);

  // Rows needing review come first.
  const statuses = await page.locator('.row-item .badge').allTextContents();
  const rank = (s: string) => ['要確認', '対象項目なし', '自動', '確認済み'].indexOf(s);
  t.same(statuses.map(rank), [...statuses.map(rank)].sort((a, b) => a - b), 'the list starts with the rows that need a person');

  // The status filter narrows the list; j and k walk it.
  const statusFilter = page.getByRole('group', { name: '状態' });
  await statusFilter.getByRole('button', { name: /^対象項目なし/ }).click();
  t.same(new Set(await page.locator('.row-item .badge').allTextContents()), new Set(['対象項目なし']), 'the 対象項目なし filter shows only unmatched rows');
  const focused = () => page.evaluate(() => ({ status: (document.activeElement as HTMLElement | null)?.dataset.status, current: document.activeElement?.getAttribute('aria-current') }));
  t.equal((await focused()).status, 'unmatched', 'the chip just used keeps the focus, so Tab goes on from it');
  await statusFilter.getByRole('button', { name: /^すべて/ }).click();
  const current = () => page.locator('.row-item[aria-current="true"] .row-q').textContent();
  const first = await current();
  await page.keyboard.press('j');
  t.not(await current(), first, 'j moves to the next row');
  await page.keyboard.press('k');
  t.equal(await current(), first, 'k moves back');

  // Accept the backup question's proposal with the keyboard.
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  t.match(await page.locator('#item-title').textContent(), /バックアップ/, 'the backup question is matched to a backup item');
  const accepted = (await page.locator('#answer-text').textContent())!;
  await page.keyboard.press('a');
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).locator('.badge', { hasText: '確認済み' }).waitFor();
  t.equal((await focused()).current, 'true', 'the focus moves with the selection to the next open row, not to the page');

  // Correct the multi-factor question: no item is about it, the reviewer picks No.46 from the search.
  await page.locator('.row-item', { hasText: '多要素認証' }).click();
  await page.keyboard.press('/');
  // The search knows the items' English words, and numbers typed full-width with the Japanese input method on.
  const results = () => page.locator('#search-results button[data-no]').evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-no'))));
  await page.keyboard.type('backup');
  t.ok((await results()).includes(28), 'searching "backup" finds No.28 バックアップの方法');
  await page.locator('#item-search').fill('２８');
  t.equal((await results())[0], 28, 'searching 「２８」 finds No.28 first');
  await page.locator('#item-search').fill('');
  await page.keyboard.type('トレーサビリティ');
  await page.locator('#search-results button[data-no="46"]').click();
  const corrected = page.locator('.row-item', { hasText: '多要素認証' });
  await corrected.locator('.badge', { hasText: '確認済み' }).waitFor();
  t.match(await corrected.locator('.row-match-title').textContent(), /^項目 No\.46 /, 'the corrected row now shows 項目 No.46');
  t.equal(await page.locator('#reviewed').textContent(), `2 / ${questions} 件 確認済み`, 'two rows reviewed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  t.equal(download.suggestedFilename(), 'security-checksheet.qmap-review.xlsx', 'the review copy keeps the customer’s file name, marked as qmap’s review copy');
  const book = XLSX.read(readFileSync((await download.path())!));

  const jobs = (await app.inject({ url: '/v1/questionnaires', headers: as(reviewer) })).json() as { id: string }[];
  const rows = (await app.inject({ url: `/v1/questionnaires/${jobs[0].id}/rows`, headers: as(reviewer) })).json() as Row[];
  const item46 = (await app.inject({ url: '/v1/items/46', headers: as(reviewer) })).json() as { answer: string };
  const cell = (row: Row) => String(book.Sheets[row.sheet]?.[row.answerCell ?? '']?.v ?? '');
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

  const backup = rows.find((r) => r.question.includes('バックアップ頻度'))!;
  t.equal(backup.status, 'confirmed', 'the accepted row is confirmed');
  t.ok(accepted.length > 10, 'the accepted answer is a real answer');
  t.equal(flat(cell(backup)), flat(accepted), 'the downloaded workbook holds the accepted answer in the backup row');

  const mfa = rows.find((r) => r.question.includes('多要素認証'))!;
  t.same({ status: mfa.status, itemNos: mfa.itemNos }, { status: 'confirmed', itemNos: [46] }, 'the corrected row is confirmed with item 46');
  t.equal(flat(cell(mfa)), flat(item46.answer), 'the downloaded workbook holds item 46’s answer in the multi-factor row');

  // English is one switch away, and the page says the same thing, on the same row.
  const before = await current();
  await page.getByLabel('言語').selectOption('en');
  t.equal(await page.locator('#reviewed').textContent(), `2 of ${questions} reviewed`, 'the page switches to English');
  t.equal(await current(), before, 'the reviewer stays on the row they were on');

  // A reload keeps the reviewer's place: the filter and the row are in the address.
  await page.getByRole('group', { name: 'Status' }).locator('[data-status="auto"]').click();
  await page.keyboard.press('j');
  const kept = await current();
  await page.reload();
  await page.locator('#reviewed').waitFor();
  t.equal(await page.locator('[data-status="auto"]').getAttribute('aria-pressed'), 'true', 'the filter survives a reload');
  t.equal(await current(), kept, 'so does the selected row');

  // The token is gone mid-review (expired, revoked): signing in again returns to the same row.
  await page.evaluate(() => sessionStorage.clear());
  await page.keyboard.press('a');
  await page.getByLabel('Token').fill(reviewer);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#reviewed').waitFor();
  t.equal(await current(), kept, 'signed in again, the reviewer is back on the row they were on');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));

  t.same(problems, [], 'the page logged no errors (no CSP refusals, no exceptions)');
});

t.test('the login URL signs in and leaves the address bar; customer text is shown as text; a bad file gets the server’s message', needsChromium, async (t) => {
  const { app, reviewer, base, page, problems } = await servePage(t);

  await page.goto(`${base}/#token=${reviewer}`);
  await page.getByRole('heading', { name: '質問票' }).waitFor();
  t.notMatch(page.url(), /token/, 'the token is wiped from the address bar');

  const drop = async (name: string, text: string) => {
    const file = await page.evaluateHandle(({ n, body }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], n, { type: 'text/csv' }));
      return dt;
    }, { n: name, body: text });
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: file });
  };

  // A question that is markup: it must read as the customer typed it, and nothing in it may run.
  const hostile = '<img src=x onerror="window.pwned=1">データのバックアップ頻度を教えてください。';
  await drop('hostile.csv', `No,質問,回答\r\n1,"${hostile.replaceAll('"', '""')}",\r\n2,通信はTLSで暗号化されていますか。,\r\n`);
  await page.locator('.review-title').filter({ hasText: 'hostile.csv' }).waitFor();
  const shown = page.locator('.row-q', { hasText: 'バックアップ頻度' });
  t.equal(await shown.textContent(), hostile, 'the question is shown character for character');
  t.equal(await page.locator('main img').count(), 0, 'no element was made from it');
  t.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, 'no script ran');

  // A question with two topics gets a second item with "+".
  await page.locator('.row-item', { hasText: '通信はTLS' }).click();
  await page.keyboard.press('/');
  await page.keyboard.type('暗号化要件');
  await page.locator('#search-results button[data-add="33"]').click();
  await page.locator('.row-item', { hasText: '通信はTLS' }).locator('.badge', { hasText: '確認済み' }).waitFor();
  const jobs = (await app.inject({ url: '/v1/questionnaires', headers: { authorization: `Bearer ${reviewer}` } })).json() as { id: string }[];
  const rows = (await app.inject({ url: `/v1/questionnaires/${jobs[0].id}/rows`, headers: { authorization: `Bearer ${reviewer}` } })).json() as Row[];
  const tls = rows.find((r) => r.question.includes('TLS'))!;
  t.equal(tls.itemNos.length, 2, 'the TLS row now answers with two items');
  t.equal(tls.itemNos[1], 33, 'the second is the one added');

  // Saving an empty custom answer confirms the row with its cell left blank, and says exactly that.
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  t.equal(await page.locator('#edit').getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('e');
  t.equal(await page.locator('#edit').getAttribute('aria-expanded'), 'true', 'the edit button tells screen readers the editor is open');
  t.equal(await page.locator('#custom-answer').getAttribute('maxlength'), '20000', 'the editor holds what the server accepts');
  await page.locator('#custom-answer').fill('');
  await page.keyboard.press('Control+Enter');
  await page.locator('#toast').filter({ hasText: '空欄のまま確認済み' }).waitFor();
  t.pass('an empty answer is reported as a blank, confirmed row, not as a saved answer');

  await page.getByRole('link', { name: /質問票一覧/ }).click();
  await page.locator('.jobs-table').waitFor();
  // On a phone the job list scrolls in its own box: the page never becomes wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  t.ok(widths.page <= widths.screen, `the job list fits a 390 px screen (${widths.page} ≤ ${widths.screen} px)`);
  await page.setViewportSize({ width: 1366, height: 768 });
  // A spreadsheet without questions (an expense list): the server says so, and the page says where to help it.
  await drop('expenses.csv', '日付,摘要,金額\r\n2024-04-01,交通費,1200\r\n2024-04-02,会議費,3400\r\n');
  const alert = page.getByRole('alert').filter({ hasText: 'expenses.csv' });
  await alert.waitFor();
  t.ok(((await alert.textContent()) ?? '').length > 'expenses.csv — '.length + 10, 'the upload error carries the server’s explanation');
  t.match(await alert.textContent(), /^expenses\.csv — 質問が見つかりませんでした。 /, 'the Japanese page says what kind of problem it is before the server’s details');
  t.match(await alert.textContent(), /読み取り位置を指定/, 'the message points to where the page lets the user say where the questions are');

  // The user says where the table is; the upload carries it, and detection follows it.
  await page.locator('.upload-options summary').click();
  await page.getByLabel('見出しの行番号').fill('1');
  await page.getByLabel('質問の列').fill('B');
  await page.getByLabel('回答の列').fill('C'); // detection alone picks 記入欄 (D)
  await drop('told.csv', `区分,内容,メモ,記入欄\r\nA,バックアップの頻度を教えてください。,,\r\nB,通信はTLSで暗号化されていますか。,,\r\n`);
  await page.locator('.review-title').filter({ hasText: 'told.csv' }).waitFor();
  const told = ((await app.inject({ url: '/v1/questionnaires', headers: { authorization: `Bearer ${reviewer}` } })).json() as { id: string; filename: string }[]).find((j) => j.filename === 'told.csv')!;
  const job = (await app.inject({ url: `/v1/questionnaires/${told.id}`, headers: { authorization: `Bearer ${reviewer}` } })).json() as { sheets: { headerRow: number; questionColumn: string; answerColumn: string }[] };
  t.same(
    { headerRow: job.sheets[0].headerRow, questionColumn: job.sheets[0].questionColumn, answerColumn: job.sheets[0].answerColumn },
    { headerRow: 1, questionColumn: 'B', answerColumn: 'C' },
    'the questions are read where the user said',
  );
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 4\d\d/.test(p)));
  t.same(problems, [], 'no errors besides the refused upload');
});

t.test('a score of 100 in the row list reads as one number on one line', needsChromium, async (t) => {
  const { page, problems, upload, review } = await servePage(t);
  await review(page, await upload());
  // Automatic matches the matcher is sure of score 100, beside the item's title in the list.
  const lines = await page.locator('.row-item .score-num').evaluateAll((nums) =>
    nums
      .filter((num) => num.lastChild?.textContent === '100')
      .map((num) => {
        const range = document.createRange();
        range.selectNodeContents(num.lastChild!);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
  );
  t.ok(lines.length > 0, `the list shows scores of 100 (${lines.length})`);
  t.same(new Set(lines), new Set([1]), 'each “100” stays on one line');
  t.same(problems, [], 'the page logged no errors');
});
