// The vendor's side of the page (issue 20) in a real browser: an admin edits an item's answer and finds it in the
// item's history and in the next download; creates a token, copies its secret once and revokes it; writes a library
// answer for an unanswered question and sees it proposed on the next upload; reads a questionnaire's audit trail.
// Reviewers read what they may, with nothing to edit; every page is at its own address and fits a phone.
import t from 'tap';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { needsChromium, servePage, type Row } from './page.js';

const phone = { width: 390, height: 844 };

t.test('an admin edits item 28’s answer: the history shows what changed and the next download carries it', needsChromium, async (t) => {
  const { page, admin, problems, open, upload, rows } = await servePage(t);
  await open('#/items', admin);
  await page.locator('.page-items tbody tr').first().waitFor();
  t.equal(await page.locator('.page-items tbody tr').count(), 49, 'the 49 items are listed');
  t.equal(await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '49項目の回答' }).getAttribute('aria-current'), 'page', 'the navigation marks where the admin is');
  const header = await page.locator('.page-items thead th').allTextContents();
  t.same(header, ['No.', '項目', '回答（日本語）', '回答（英語）', '既定の選択肢', '直近90日'], 'number, item, both answers, default choice and use in the last 90 days');

  await page.getByLabel('語句または番号で探す').fill('28');
  t.equal(await page.locator('.page-items tbody tr').first().locator('td a').first().textContent(), '28', 'searching “28” finds item 28 first');
  await page.getByLabel('語句または番号で探す').fill('バックアップ');
  const found = await page.locator('.page-items tbody tr td:first-child a').allTextContents();
  t.ok(found.includes('28') && found.length < 49, `searching a word narrows the list (${found.join(', ')})`);
  await page.getByLabel('語句または番号で探す').fill('');
  const category = (await page.locator('.page-items tbody tr').first().locator('.item-category').textContent())!;
  await page.getByLabel('区分').selectOption(category);
  const categories = await page.locator('.page-items tbody .item-category').allTextContents();
  t.ok(categories.length < 49 && categories.every((c) => c === category), `the category filter keeps 「${category}」 only (${categories.length})`);
  await page.reload();
  await page.locator('.page-items tbody tr').first().waitFor();
  t.equal(await page.getByLabel('区分').inputValue(), category, 'a reload keeps the filter (it is in the address)');

  await page.goto(page.url().replace(/#.*/, '#/items/28'));
  const ja = page.getByLabel('回答（日本語）');
  await ja.waitFor();
  const before = await ja.inputValue();
  const after = before.replace(/$/, '\n差分バックアップを毎時取得しています。');
  await ja.fill(after);
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('#toast').filter({ hasText: '項目 No.28 を保存しました' }).waitFor();
  await page.locator('.version').nth(1).waitFor();
  t.equal(await page.locator('.version').count(), 2, 'the history holds both versions');
  t.match(await page.locator('.version').first().locator('ins').allTextContents().then((s) => s.join('')), /差分バックアップを毎時取得しています/, 'the newest version marks the added words as added');
  t.equal(await page.locator('.version').first().locator('del').count(), 0, 'and nothing as removed');
  t.match(await page.locator('.version').first().textContent(), /test admin/, 'with who saved it');

  await page.reload();
  await page.getByLabel('回答（日本語）').waitFor();
  t.equal(await page.getByLabel('回答（日本語）').inputValue(), after.trim(), 'a reload lands on the same item with the saved answer');

  // The next questionnaire: the backup row gets the new answer, in the downloaded workbook too.
  const id = await upload();
  await page.goto(page.url().replace(/#.*/, `#/q/${id}`));
  await page.locator('#reviewed').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const book = XLSX.read(readFileSync((await download.path())!));
  const backup = (await rows(id)).find((r: Row) => r.question.includes('バックアップ頻度'))!;
  t.match(String(book.Sheets[backup.sheet][backup.answerCell!].v), /差分バックアップを毎時取得しています/, 'the next download carries the edited answer');

  // The questions item 28 answered are listed on its page.
  await page.goto(page.url().replace(/#.*/, '#/items/28'));
  await page.locator('.answered li').first().waitFor();
  t.match(await page.locator('.answered').textContent(), /バックアップ頻度/, 'the item page lists the question it answered');

  await page.getByLabel('言語').selectOption('en');
  await page.getByLabel('Answer (Japanese)').waitFor();
  t.match(await page.locator('#page-title').textContent(), /^Item 28 /, 'the page switches to English where it is');
  t.same(problems, [], 'the page logged no errors');
});

t.test('a reviewer reads the items, the library and the gaps with nothing to edit, and has no token page', needsChromium, async (t) => {
  const { page, problems, open, upload } = await servePage(t);
  await upload();
  await open('#/items/28');
  await page.locator('.history').waitFor();
  t.equal(await page.locator('textarea, select#default-choice').count(), 0, 'no field to edit an item');
  t.match(await page.locator('main').textContent(), /閲覧のみ/, 'the page says it is read-only');
  t.equal(await page.getByRole('link', { name: 'トークン' }).count(), 0, 'the navigation has no token page');
  await page.goto(page.url().replace(/#.*/, '#/gaps'));
  await page.locator('.gap').first().waitFor();
  t.equal(await page.getByRole('button', { name: '回答を書く' }).count(), 0, 'gaps can be read, not answered');
  await page.goto(page.url().replace(/#.*/, '#/tokens'));
  await page.locator('.page-jobs').waitFor();
  t.pass('the token page sends a reviewer back to the questionnaires');
  t.same(problems, [], 'the page logged no errors');
});

t.test('an admin creates a token, copies its secret once, and revokes it', needsChromium, async (t) => {
  const { app, page, context, admin, base, problems, open } = await servePage(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await open('#/tokens', admin);
  await page.getByLabel('名前').fill('営業部 佐藤');
  await page.getByLabel('役割').selectOption('reviewer');
  await page.getByRole('button', { name: 'トークンを作成' }).click();
  const secretField = page.getByRole('textbox', { name: 'トークン' });
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  t.match(secret, /^qmap_/, 'the secret is shown');
  t.match(await page.locator('.secret').textContent(), /二度と表示されません/, 'with a word that it is shown only now');
  await page.getByRole('button', { name: 'コピー' }).click();
  await page.locator('#toast').filter({ hasText: 'コピーしました' }).waitFor();
  t.equal(await page.evaluate(() => navigator.clipboard.readText()), secret, 'the copy button puts it on the clipboard');
  const row = page.locator('tbody tr', { hasText: '営業部 佐藤' });
  t.match(await row.textContent(), /確認者.*有効/, 'the token is listed by name, with its role, as active');
  const use = () => app.inject({ url: '/v1/questionnaires', headers: { authorization: `Bearer ${secret}` } });
  t.equal((await use()).statusCode, 200, 'the secret works');

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: '無効化: 営業部 佐藤' }).click();
  await page.locator('#toast').filter({ hasText: '無効化しました' }).waitFor();
  await page.locator('tbody tr', { hasText: '営業部 佐藤' }).filter({ hasText: 'に無効化' }).waitFor();
  t.equal((await use()).statusCode, 401, 'once revoked, the secret is refused');
  t.equal(await page.locator('tbody tr', { hasText: 'test admin' }).getByRole('button').count(), 0, 'the admin cannot revoke their own token from here');
  t.same(problems, [], 'the page logged no errors');
});

t.test('an admin writes a library answer for an unanswered question; the next upload proposes it; the library edits, and deletes it', needsChromium, async (t) => {
  const { page, admin, problems, open, upload, rows } = await servePage(t);
  await upload();
  await open('#/gaps', admin);
  const gap = page.locator('.gap', { hasText: '多要素認証' });
  await gap.waitFor();
  t.match(await gap.locator('.gap-count').textContent(), /1 回 · 1 件の質問票/, 'how often, in how many questionnaires');
  await gap.getByRole('button', { name: '回答を書く' }).click();
  const mfaAnswer = '管理画面へのログインはTOTPによる多要素認証に対応しています。';
  await gap.getByLabel('回答', { exact: true }).fill(mfaAnswer);
  await gap.getByRole('button', { name: 'ライブラリーに保存' }).click();
  await gap.locator('.gap-done').waitFor();
  t.pass('the answer is saved from the gap, in place');

  const id = await upload('next.xlsx');
  const mfa = (await rows(id)).find((r) => r.question.includes('多要素認証'))!;
  t.equal(mfa.answer, mfaAnswer, 'the next upload proposes the library answer for the same question');

  await page.goto(page.url().replace(/#.*/, '#/library'));
  await page.locator('.entry', { hasText: mfaAnswer }).waitFor();
  const entry = page.locator('.entry').first();
  await entry.locator('.forms summary').click();
  t.match(await entry.locator('.forms').textContent(), /多要素認証.*自社の回答/, 'its question form is the vendor’s own');
  t.match(await entry.locator('.entry-meta').textContent(), /最終使用: \d/, 'it was last used by the upload just made');
  await entry.getByRole('button', { name: /^編集/ }).click();
  t.match(await entry.locator('.alert-info').textContent(), /自社の回答/, 'editing says it makes the answer the vendor’s own');
  await entry.getByLabel('回答', { exact: true }).fill(`${mfaAnswer}（SMSは不可）`);
  await entry.getByRole('button', { name: '保存' }).click();
  await page.locator('.entry', { hasText: 'SMSは不可' }).waitFor();
  t.pass('the edit is saved');

  page.once('dialog', (d) => void d.accept());
  await page.locator('.entry', { hasText: 'SMSは不可' }).getByRole('button', { name: /^削除/ }).click();
  await page.locator('.page-library .empty').waitFor();
  t.pass('after a confirmation, it is deleted');
  t.same(problems, [], 'the page logged no errors');
});

t.test('a questionnaire’s audit trail reads as sentences, newest events included', needsChromium, async (t) => {
  const { page, problems, review, upload } = await servePage(t);
  const id = await upload();
  await review(page, id);
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  await page.keyboard.press('a');
  await page.locator('#toast').filter({ hasText: '承認しました' }).waitFor();
  page.once('dialog', (d) => void d.accept());
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '提出用をダウンロード' }).click()]);
  await page.getByRole('link', { name: '操作履歴' }).click();
  await page.locator('.timeline li').nth(2).waitFor();
  const events = await page.locator('.timeline li p').allTextContents();
  t.match(events[0], /^test reviewer が \.xlsx ファイル（\d+ KB、質問 11 件）をアップロードしました。$/, `the upload: ${events[0]}`);
  t.match(events[1], /^test reviewer が セキュリティ 7行目 を 項目 No\.28 で回答すると決めました（前: 項目 No\.28）。$/, `the decision: ${events[1]}`);
  t.match(events[2], /^test reviewer が提出用コピーをダウンロードしました。未確認の \d+ 行は空欄でした。$/, `the final copy: ${events[2]}`);
  await page.getByLabel('言語').selectOption('en');
  await page.locator('.timeline li').first().filter({ hasText: 'uploaded' }).waitFor();
  t.match(await page.locator('.timeline li p').nth(2).textContent(), /^test reviewer downloaded the final copy\. \d+ unreviewed rows were blank\.$/, 'and in English');
  t.same(problems, [], 'the page logged no errors');
});

t.test('on a phone every vendor page fits the screen', needsChromium, async (t) => {
  const { page, admin, problems, open, upload } = await servePage(t, phone);
  const id = await upload();
  await open('#/items', admin);
  for (const [hash, ready] of [
    ['#/items', '.page-items tbody tr'],
    ['#/items/28', '.history'],
    ['#/gaps', '.gap'],
    ['#/library', '.page-library .vendor-body > *'],
    ['#/tokens', '.page-tokens tbody tr'],
    ['#/layouts', '.page-layouts .vendor-body > *'],
    [`#/q/${id}/audit`, '.timeline li'],
  ]) {
    await page.goto(page.url().replace(/#.*/, hash));
    await page.locator(ready).first().waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    t.ok(widths.page <= widths.screen, `${hash} fits a 390 px screen (${widths.page} ≤ ${widths.screen} px)`);
  }
  t.same(problems, [], 'the page logged no errors');
});

t.test('from a 375 px phone to a laptop, every place of the navigation is on the screen, with nothing to scroll sideways', needsChromium, async (t) => {
  const { page, admin, problems, open } = await servePage(t, { width: 375, height: 700 });
  await open('#/', admin);
  for (const width of [375, 760, 1024, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    for (const language of ['日本語', 'English']) {
      await page.locator('#lang').selectOption({ label: language });
      const links = page.locator('.nav a');
      await links.first().waitFor();
      t.equal(await links.count(), 6, `${width} px, ${language}: an admin has six places`);
      const outside = [];
      for (const link of await links.all()) {
        const box = (await link.boundingBox())!;
        if (box.x < 0 || box.x + box.width > width) outside.push(`${await link.textContent()} (${Math.round(box.x)}–${Math.round(box.x + box.width)} px)`);
      }
      t.same(outside, [], `${width} px, ${language}: every place is on the screen`);
      const widths = await page.evaluate(() => ({ nav: document.querySelector('.nav')!.scrollWidth - document.querySelector('.nav')!.clientWidth, page: document.documentElement.scrollWidth }));
      t.equal(widths.nav, 0, `${width} px, ${language}: the navigation has nothing to scroll to`);
      t.ok(widths.page <= width, `${width} px, ${language}: nor has the page (${widths.page} px)`);
    }
  }
  t.same(problems, [], 'the page logged no errors');
});
