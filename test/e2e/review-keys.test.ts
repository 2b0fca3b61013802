// The review screen by keyboard alone: j/k walk the rows, a accepts, 1–3 take an alternative, / searches,
// e edits; the focus follows the selection after each decision, and keys typed into a field stay there.
import t from 'tap';
import { needsChromium, selection, servePage, type Row } from './page.js';

t.test('a reviewer works through the rows without the mouse', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);

  const first = await selection(page);
  t.same({ question: first.question, focused: first.focused }, { question: '定期メンテナンスはどのくらいの頻度で実施されますか。', focused: true }, 'the screen opens on the first row needing review, with the focus on it');
  await page.keyboard.press('k');
  t.equal((await selection(page)).question, first.question, 'k on the first row stays there');
  await page.keyboard.press('j');
  t.same(await selection(page), { question: '管理画面へのログインに多要素認証を利用できますか。', focused: true, status: 'unmatched' }, 'j moves to the next row and takes the focus along');
  await page.keyboard.press('k');

  // 1 takes the first alternative shown.
  const alternatives = await page.locator('.alternatives-card .option-title').allTextContents();
  await page.keyboard.press('1');
  await page.locator('.row-item', { hasText: 'メンテナンスはどのくらいの頻度' }).locator('.badge', { hasText: '確認済み' }).waitFor();
  const maintenance = (await rows(id)).find((r) => r.question.startsWith('定期メンテナンス'))!;
  t.match(alternatives[0], new RegExp(`No\\.${maintenance.itemNos[0]} `), '1 chose the first alternative shown');
  t.equal(maintenance.status, 'confirmed');
  const after = await selection(page);
  t.same({ question: after.question, focused: after.focused }, { question: '管理画面へのログインに多要素認証を利用できますか。', focused: true }, 'the focus moves on to the next open row');

  // Keys typed into the search are text, not shortcuts; Escape gives the focus back to the row.
  await page.keyboard.press('/');
  t.equal(await page.evaluate(() => document.activeElement?.id), 'item-search', '/ puts the focus in the item search');
  await page.keyboard.type('ja');
  t.equal(await page.locator('#item-search').inputValue(), 'ja', 'j and a typed in the search are letters');
  t.equal((await selection(page)).question, after.question, 'and move nothing');
  t.equal((await rows(id)).filter((r) => r.status === 'confirmed').length, 1, 'and accept nothing');
  await page.keyboard.press('Escape');
  t.ok((await selection(page)).focused, 'Escape leaves the search for the selected row');

  // ArrowDown walks into the results, ArrowUp back to the field; Enter in the field takes the first result.
  await page.keyboard.press('/');
  await page.locator('#item-search').fill('バックアップ');
  await page.keyboard.press('ArrowDown');
  const firstResult = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.no);
  t.ok(firstResult, 'ArrowDown reaches the first result');
  await page.keyboard.press('ArrowUp');
  t.equal(await page.evaluate(() => document.activeElement?.id), 'item-search', 'ArrowUp from the first result returns to the field');
  await page.keyboard.press('Enter');
  await page.locator('.row-item', { hasText: '多要素認証' }).locator('.badge', { hasText: '確認済み' }).waitFor();
  t.same((await rows(id)).find((r) => r.question.includes('多要素認証'))!.itemNos, [Number(firstResult)], 'Enter chose the first result');

  // A modified key is the browser's, not a shortcut.
  const before = await selection(page);
  await page.keyboard.press('Control+j');
  t.equal((await selection(page)).question, before.question, 'Ctrl+j moves nothing');
  t.same(problems, [], 'the page logged no errors');
});

t.test('the custom-answer editor by keyboard: e opens it, Escape closes it, Ctrl+Enter saves what the server accepts', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);

  await page.keyboard.press('e');
  t.same(
    await page.evaluate(() => ({ focus: document.activeElement?.id, expanded: document.getElementById('edit')?.getAttribute('aria-expanded') })),
    { focus: 'custom-answer', expanded: 'true' },
    'e opens the editor with the focus in it',
  );
  await page.keyboard.press('Escape');
  t.same(
    await page.evaluate(() => ({ focus: document.activeElement?.id, expanded: document.getElementById('edit')?.getAttribute('aria-expanded'), hidden: document.getElementById('editor')?.hidden })),
    { focus: 'edit', expanded: 'false', hidden: true },
    'Escape closes it and returns the focus to the edit button',
  );

  // A paste longer than the server's limit (20,000 characters) is cut in the editor, so saving is not refused.
  await page.keyboard.press('e');
  await page.locator('#custom-answer').fill('');
  await page.keyboard.insertText('年'.repeat(20_050));
  t.equal((await page.locator('#custom-answer').inputValue()).length, 20_000, 'the editor keeps the first 20,000 characters');
  await page.keyboard.press('Control+Enter');
  await page.locator('#toast').filter({ hasText: '独自の回答を保存しました' }).waitFor();
  const saved = (await rows(id)).find((r) => r.question.startsWith('定期メンテナンス'))!;
  t.same({ status: saved.status, length: saved.answer?.length }, { status: 'confirmed', length: 20_000 }, 'the server keeps the whole answer and the row is confirmed');
  const next = await selection(page);
  t.same({ question: next.question, focused: next.focused }, { question: '管理画面へのログインに多要素認証を利用できますか。', focused: true }, 'after saving, the focus is on the next open row');

  // "No item answers this" is a decision too: confirmed, blank, and the focus moves on.
  await page.getByRole('button', { name: '対象項目なしにする' }).click();
  await page.locator('.row-item', { hasText: '多要素認証' }).locator('.badge', { hasText: '確認済み' }).waitFor();
  const mfa = (await rows(id)).find((r) => r.question.includes('多要素認証'))!;
  t.same({ status: mfa.status, itemNos: mfa.itemNos, answer: mfa.answer }, { status: 'confirmed', itemNos: [], answer: null }, 'the row is confirmed with no item and no answer');
  t.ok((await selection(page)).focused, 'the focus is on the next open row');
  t.same(problems, [], 'the page logged no errors');
});

t.test('the sheet filter and confirming every automatic match at once', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);

  await page.getByLabel('シート').focus();
  await page.getByLabel('シート').selectOption('運用');
  t.same(new Set(await page.locator('.row-ref').allTextContents().then((refs) => refs.map((r) => r.split(' · ')[0]))), new Set(['運用']), 'only the 運用 sheet’s rows are listed');
  t.match(page.url(), /[?&]sheet=%E9%81%8B%E7%94%A8/, 'the address keeps the sheet');
  t.equal(await page.evaluate(() => document.activeElement?.id), 'sheet-filter', 'the focus stays on the sheet filter');
  await page.getByLabel('シート').selectOption('');

  const auto = (await rows(id)).filter((r) => r.status === 'auto').length;
  page.once('dialog', (dialog) => {
    t.match(dialog.message(), new RegExp(`${auto} 件`), 'the page asks before confirming, naming how many');
    void dialog.accept();
  });
  await page.getByRole('button', { name: `自動一致 ${auto} 件をまとめて確定` }).click();
  await page.locator('#toast').filter({ hasText: `${auto} 件を確定しました` }).waitFor();
  t.equal((await rows(id)).filter((r) => r.status === 'confirmed').length, auto, 'every automatic match is confirmed');
  t.equal(await page.locator('#reviewed').textContent(), `${auto} / 11 件 確認済み`, 'the progress counts them');
  t.equal(await page.getByRole('button', { name: /自動一致/ }).count(), 0, 'the button is gone with nothing left to confirm');
  t.same(problems, [], 'the page logged no errors');
});

t.test('an answer typed and not saved is not thrown away unasked: Escape or another row asks first', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);
  const asked: string[] = [];
  let answer = false;
  page.on('dialog', (d) => {
    asked.push(d.message());
    void (answer ? d.accept() : d.dismiss());
  });

  // Opened and closed without a change: nothing to ask.
  await page.keyboard.press('e');
  await page.keyboard.press('Escape');
  t.same({ asked: asked.length, hidden: await page.locator('#editor').evaluate((e) => (e as HTMLElement).hidden) }, { asked: 0, hidden: true }, 'Escape with the text as it opened just closes');

  const typed = 'メンテナンスは月に一度、日曜日の深夜に実施します。';
  await page.keyboard.press('e');
  await page.locator('#custom-answer').fill(typed);
  await page.keyboard.press('Escape');
  t.match(asked[0], /入力した回答はまだ保存されていません/, 'Escape with typed words asks before discarding them');
  t.same({ hidden: await page.locator('#editor').evaluate((e) => (e as HTMLElement).hidden), text: await page.locator('#custom-answer').inputValue() }, { hidden: false, text: typed }, 'kept: the editor stays open with the words');

  await page.locator('.row-item', { hasText: '多要素認証' }).click();
  t.equal(asked.length, 2, 'clicking another row asks too');
  t.match(await page.locator('.row-item[aria-current="true"] .row-q').textContent(), /定期メンテナンス/, 'kept: the reviewer stays on the row being edited');
  t.equal(await page.locator('#custom-answer').inputValue(), typed, 'with the words still there');

  answer = true;
  await page.locator('.row-item', { hasText: '多要素認証' }).click();
  t.match(await page.locator('.row-item[aria-current="true"] .row-q').textContent(), /多要素認証/, 'let go: the other row opens');
  t.notOk((await rows(id)).some((r) => r.answer === typed), 'and the typed words were saved nowhere');

  await page.getByLabel('言語').selectOption('en');
  await page.locator('#reviewed').filter({ hasText: 'reviewed' }).waitFor();
  await page.keyboard.press('e');
  await page.locator('#custom-answer').fill('typed');
  await page.keyboard.press('Escape');
  t.match(asked.at(-1), /^The answer you typed is not saved\. Discard it\?$/, 'in English the question reads the same');
  t.same(problems, [], 'the page logged no errors');
});

t.test('an alternative scored 0 is not offered as a one-key answer; the item search still reaches every item', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);
  const mfa = (await rows(id)).find((r) => r.question.includes('多要素認証'))! as Row & { alternatives: { score: number }[] };
  t.equal(mfa.status, 'unmatched', 'no item answers the multi-factor question');
  const percents = mfa.alternatives.map((a) => String(Math.round(a.score * 100))).filter((p) => p !== '0');
  const shown = percents.length;
  t.ok(shown < mfa.alternatives.length, `the server lists alternatives that share next to nothing with it (scores ${mfa.alternatives.map((a) => a.score).join(', ')})`);

  await page.locator('.row-item', { hasText: '多要素認証' }).click();
  t.same(await page.locator('.alternatives-card .score-num').evaluateAll((els) => els.map((e) => e.lastChild?.textContent)), percents, 'only the alternatives whose score shows above 0 are offered');
  await page.keyboard.press(String(shown + 1));
  await page.waitForTimeout(300);
  t.equal((await rows(id)).find((r) => r.question.includes('多要素認証'))!.status, 'unmatched', `${shown + 1}, the key of the alternative scored 0, wrote no unrelated answer`);

  await page.keyboard.press('/');
  await page.keyboard.type('46');
  t.ok(await page.locator('#search-results button[data-no="46"]').isVisible(), 'the item search still finds any item');
  t.same(problems, [], 'the page logged no errors');
});
