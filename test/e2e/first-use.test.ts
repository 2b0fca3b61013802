// What a first-time user meets on the page (issue 21): the customer’s question numbers told apart from the METI items’ numbers, the 「読み取り位置を指定」 fields alike in size with examples that read as examples, a toast that covers nothing in use, the job list as cards on a phone and a sample to try on the empty job list.
import t from 'tap';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { needsChromium, servePage } from './page.js';

const samplePath = new URL('../../fixtures/sample/security-checksheet-sample.xlsx', import.meta.url);
const phone = { width: 390, height: 844 };
const laptop = { width: 1366, height: 768 };

t.test('the customer’s question number and the METI item number are labelled apart, in both languages', needsChromium, async (t) => {
  const { page, problems, upload, review } = await servePage(t);
  await review(page, await upload());
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  const meta = () => page.locator('.question-card .meta').textContent();
  t.match(await meta(), /設問 3/, 'the customer’s numbering reads 「設問 3」');
  t.notMatch(await meta(), /No\./, 'with no bare 「No.」 beside it');
  t.equal(await page.locator('.proposal-card .item-no').textContent(), '項目 No.28', 'the proposed METI item reads 「項目 No.28」');
  t.match(await page.locator('.row-item[aria-current="true"] .row-match-title').textContent(), /^項目 No\.28 /, 'so does the row list');
  t.match((await page.locator('.alternatives-card .option-title').allTextContents()).join('\n'), /^項目 No\.\d+ /, 'and the alternatives');

  await page.keyboard.press('/');
  await page.keyboard.type('項目 No.28');
  t.equal(await page.locator('#search-results button[data-no]').first().getAttribute('data-no'), '28', 'the search takes 「項目 No.28」 as it is written');
  t.equal(await page.locator('#search-results .option-no').first().textContent(), '項目 No.28');
  await page.keyboard.press('Escape');

  await page.getByLabel('言語').selectOption('en');
  await page.locator('.question-card .meta').waitFor();
  t.match(await meta(), /Question 3/, 'in English: 「Question 3」');
  t.equal(await page.locator('.proposal-card .item-no').textContent(), 'Item 28', 'and 「Item 28」');
  await page.keyboard.press('/');
  await page.keyboard.type('item 28');
  t.equal(await page.locator('#search-results button[data-no]').first().getAttribute('data-no'), '28', 'the English search takes 「item 28」');
  t.same(problems, [], 'the page logged no errors');
});

for (const [name, viewport] of [['a laptop', laptop], ['a phone', phone]] as const) {
  t.test(`on ${name}, the 「読み取り位置を指定」 fields are alike and their examples read as examples`, needsChromium, async (t) => {
    const { base, reviewer, page, problems } = await servePage(t, viewport);
    await page.goto(`${base}/#token=${reviewer}`);
    await page.locator('.upload-options summary').click();
    const fields = page.locator('.where-grid input');
    t.equal(await fields.count(), 5);
    const boxes = await fields.evaluateAll((inputs) => inputs.map((i) => ({ id: i.id, height: Math.round(i.getBoundingClientRect().height), width: Math.round(i.getBoundingClientRect().width) })));
    t.same(new Set(boxes.map((b) => b.height)).size, 1, `every field is as tall as the others (${boxes.map((b) => `${b.id} ${b.height}`).join(', ')})`);
    t.same(new Set(boxes.map((b) => b.width)).size, 1, `and as wide (${boxes.map((b) => `${b.id} ${b.width}`).join(', ')})`);
    const placeholders = await fields.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).placeholder));
    t.ok(placeholders.every((p) => /^例: \S/.test(p)), `every placeholder is an example, not a value: ${placeholders.join(' / ')}`);
    await page.getByLabel('言語').selectOption('en');
    await page.locator('.upload-options summary').click();
    const english = await fields.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).placeholder));
    t.ok(english.every((p) => /^e\.g\. \S/.test(p)), `in English too: ${english.join(' / ')}`);
    t.same(problems, [], 'the page logged no errors');
  });
}
/**
 * What the reviewer would see beneath a rectangle: the page's content and controls found at points across it
 * (the toast lets the pointer through, so elementFromPoint looks under it; what the top bar hides does not count).
 */
function covered(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const over = document.querySelector(sel)!.getBoundingClientRect();
    const content = 'main :is(a, button, input, select, textarea, h1, .question, .answer, .option-row, .row-item, .empty)';
    const found = new Set<string>();
    for (let y = over.top + 1; y < over.bottom; y += 6) {
      for (let x = over.left + 1; x < over.right; x += 6) {
        const el = document.elementFromPoint(x, y)?.closest(content);
        if (el) found.add(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
      }
    }
    return [...found];
  }, selector);
}

for (const [name, viewport] of [['a laptop', laptop], ['a phone', phone]] as const) {
  t.test(`on ${name}, the toast after a decision covers nothing the reviewer is reading or using`, needsChromium, async (t) => {
    const { page, problems, upload, review } = await servePage(t, viewport);
    await review(page, await upload());
    // Choose an item for the multi-factor question from the search, then search again for the next row at once.
    await page.locator('.row-item', { hasText: '多要素認証' }).click();
    await page.keyboard.press('/');
    await page.keyboard.type('トレーサビリティ');
    await page.locator('#search-results button[data-no="46"]').click();
    const toast = page.locator('#toast .toast-body');
    await toast.waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('バックアップ');
    await page.locator('#search-results button[data-no]').first().waitFor();
    t.ok(await toast.isVisible(), 'the toast is still showing while the reviewer searches');
    t.same(await covered(page, '#toast .toast-body'), [], 'it covers none of the page’s content or controls');
    t.same(problems, [], 'the page logged no errors');
  });
}

t.test('on a phone each questionnaire is a card showing its status, its progress and its buttons', needsChromium, async (t) => {
  const { base, reviewer, page, problems, upload } = await servePage(t, phone);
  await upload('2024年度_委託先セキュリティチェックシート（情報システム部）.xlsx');
  await upload();
  await page.goto(`${base}/#token=${reviewer}`);
  await page.locator('.jobs-table').waitFor();

  const jobs = page.locator('.jobs-table tbody tr');
  t.equal(await jobs.count(), 2);
  for (const job of await jobs.all()) {
    const parts = { status: job.locator('.summary'), progress: job.locator('.progress-text'), open: job.getByRole('link', { name: '確認する' }), download: job.getByRole('button', { name: 'ダウンロード' }), remove: job.getByRole('button', { name: /^削除/ }) };
    for (const [part, locator] of Object.entries(parts)) {
      const box = (await locator.boundingBox())!;
      t.ok(box.x >= 0 && box.x + box.width <= phone.width, `${part} is on the screen (${Math.round(box.x)}–${Math.round(box.x + box.width)} px of ${phone.width})`);
    }
    t.match(await job.textContent(), /状況.*確認/, 'the card names what its status and progress are');
  }
  const scroll = await page.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }));
  t.ok(scroll.scroll <= scroll.width, 'nothing is left to scroll sideways to');
  t.equal(await page.getByRole('columnheader', { name: '状況' }).count(), 1, 'screen readers still hear the table and its column names');

  await page.setViewportSize(laptop);
  t.ok(await page.getByRole('columnheader', { name: '状況' }).isVisible(), 'on a laptop it is a table with visible column headers');
  t.same(problems, [], 'the page logged no errors');
});

t.test('the empty job list offers a sample questionnaire to download or to try at once', needsChromium, async (t) => {
  const { base, reviewer, page, problems } = await servePage(t);
  await page.goto(`${base}/#token=${reviewer}`);
  const empty = page.locator('.jobs .empty');
  await empty.waitFor();
  t.match(await empty.textContent(), /サンプル/, 'the empty list says how to try qmap');
  await page.getByLabel('言語').selectOption('en');
  const english = page.getByRole('link', { name: 'Download the sample questionnaire' });
  t.ok(await english.waitFor().then(() => english.isVisible()), 'so does the English page');
  t.ok(await page.getByRole('button', { name: 'Try the sample' }).isVisible());
  await page.getByLabel('Language').selectOption('ja');

  const link = page.getByRole('link', { name: 'サンプルの質問票をダウンロード' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  t.equal(download.suggestedFilename(), 'セキュリティチェックシート_サンプル.xlsx', 'the sample downloads under a name that says what it is');
  t.ok(readFileSync((await download.path())!).equals(readFileSync(samplePath)), 'it is fixtures/sample/security-checksheet-sample.xlsx, served by the app');

  await page.getByRole('button', { name: 'サンプルで試す' }).click();
  await page.locator('.review-title').filter({ hasText: 'セキュリティチェックシート_サンプル.xlsx' }).waitFor();
  t.equal(await page.locator('#reviewed').textContent(), '0 / 15 件 確認済み', 'one click uploads it: its 15 questions are ready to review');
  const answered = await page.locator('.row-item:not(.status-unmatched)').count();
  t.ok(answered >= 10, `most of them come answered (${answered} of 15)`);

  await page.getByRole('link', { name: /質問票一覧/ }).click();
  await page.locator('.jobs-table').waitFor();
  t.equal(await page.getByRole('link', { name: 'サンプルの質問票をダウンロード' }).count(), 0, 'with a questionnaire listed, the hint is gone');
  t.same(problems, [], 'the page logged no errors');
});
