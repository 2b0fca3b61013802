// The review screen and the workbook to send (issue 17) and two reviewers on one row (issue 18, point 12): both
// copies one click away, the final one saying first how many rows are still unreviewed; a choice set on a row keeps
// its item; qmap's own "no matching item" named apart from the customer's 該当なし; a decision someone else made
// first is not overwritten, and the reviewer is told and kept on the row.
import t from 'tap';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { form, xlsx } from '../helpers/workbooks.js';
import { needsChromium, servePage, type Row } from './page.js';

// A bank-style sheet: a はい/いいえ/該当なし drop-down in C (the customer's 該当なし is an answer), free text in D.
const bankSheet = () =>
  xlsx([
    {
      name: '確認事項',
      preamble: ['委託先チェックシート'],
      header: ['No.', '確認項目', '回答（はい／いいえ）', '備考'],
      rows: ['データベース等に保存されるデータを暗号化していますか。', '貴社の経営状況について教えてください。', 'データのバックアップ頻度を教えてください。'].map((q, i) => [i + 1, q, null, null]),
      validation: { column: 3, values: ['はい', 'いいえ', '該当なし'] },
    },
  ]);

t.test('the review screen offers the review copy and the final copy; the final one first says how many rows are unreviewed', needsChromium, async (t) => {
  const { page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);
  const open = (await rows(id)).filter((r) => r.status === 'review' || r.status === 'unmatched').length;
  const auto = (await rows(id)).filter((r) => r.status === 'auto').length;
  t.ok(open > 0, `the questionnaire has rows nobody has reviewed (${open})`);
  t.ok(auto > 0, `and rows answered automatically that nobody has confirmed (${auto})`);

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('button', { name: '提出用をダウンロード' }).click();
  await page.waitForTimeout(200);
  t.match(asked[0], new RegExp(`まだ確認していない行が ${open} 件`), 'before a final copy the page says how many rows are still unreviewed');
  t.match(asked[0], /空欄/, 'and that they are left blank');
  t.match(asked[0], new RegExp(`自動で回答した ${auto} 件は誰も確認していませんが、提出用コピーにはその回答のまま記入されます`), 'and how many automatic answers nobody confirmed go out as written');

  page.once('dialog', (d) => void d.accept());
  const [final] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '提出用をダウンロード' }).click()]);
  t.equal(final.suggestedFilename(), 'security-checksheet.xlsx', 'the final copy carries the customer’s own file name');
  const finalBook = XLSX.read(readFileSync((await final.path())!));
  t.notOk(finalBook.SheetNames.includes('qmap確認'), `the final copy has the customer’s sheets only (${finalBook.SheetNames.join(', ')})`);
  await page.locator('#toast').filter({ hasText: `未確認の ${open} 件は空欄` }).waitFor();
  t.pass('after it, the page repeats the count the server sent with the file (x-qmap-unreviewed)');

  const [reviewCopy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '確認用をダウンロード' }).click()]);
  t.equal(reviewCopy.suggestedFilename(), 'security-checksheet.qmap-review.xlsx');
  t.ok(XLSX.read(readFileSync((await reviewCopy.path())!)).SheetNames.includes('qmap確認'), 'the review copy carries the 「qmap確認」 sheet');

  await page.getByLabel('言語').selectOption('en');
  const englishFinal = page.getByRole('button', { name: 'Download final copy' });
  t.ok(await englishFinal.waitFor().then(() => englishFinal.isVisible()), 'in English: “Download final copy”');
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await englishFinal.click();
  await page.waitForTimeout(200);
  t.equal(asked.at(-1), `${open} rows are not reviewed yet (to review, no matching item). The final copy leaves them blank.\n${auto} automatic answers nobody has confirmed go into the final copy as written.\nDownload it?`, 'in English the question says both');
  t.ok(await page.getByRole('button', { name: 'Download review copy' }).isVisible(), 'and “Download review copy”');
  t.same(problems, [], 'the page logged no errors');
});

t.test('a choice set on a row keeps its item and answer; qmap’s own status reads 「対象項目なし」, the customer’s 該当なし stays a value', needsChromium, async (t) => {
  const { app, as, reviewer, page, problems, review, rows } = await servePage(t);
  const body = form(await bankSheet(), 'bank.xlsx');
  const id = (await app.inject({ method: 'POST', url: '/v1/questionnaires', payload: body.payload, headers: { ...body.headers, ...as(reviewer) } })).json().id as string;
  await review(page, id);

  const before = (await rows(id)).find((r) => r.question.includes('暗号化'))!;
  t.ok(before.itemNos.length > 0, `the encryption row answers with item ${before.itemNos.join(', ')}`);
  await page.locator('.row-item', { hasText: '暗号化していますか' }).click();
  const picker = page.getByLabel(/^選択肢/).first();
  await picker.selectOption('いいえ');
  await page.locator('#toast').filter({ hasText: '回答はそのまま' }).waitFor();
  const after = (await rows(id)).find((r) => r.id === before.id)! as Row & { choice: string };
  t.same({ itemNos: after.itemNos, answer: after.answer, choice: after.choice }, { itemNos: before.itemNos, answer: before.answer, choice: 'いいえ' }, 'the choice changed, the item and its answer stayed');

  // The editor with only the choice changed does the same: not a custom answer.
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  const backup = (await rows(id)).find((r) => r.question.includes('バックアップ'))!;
  await page.keyboard.press('e');
  await page.locator('#custom-choice').selectOption('はい');
  await page.getByRole('button', { name: 'この回答で確定' }).click();
  await page.locator('#toast').filter({ hasText: '回答はそのまま' }).waitFor();
  const edited = (await rows(id)).find((r) => r.id === backup.id)!;
  t.same({ itemNos: edited.itemNos, answer: edited.answer }, { itemNos: backup.itemNos, answer: backup.answer }, 'saving the editor with the answer untouched keeps the item too');

  // qmap's status for a question no item answers, in the list, the filter and the button; 該当なし only as the customer's value.
  const chips = await page.getByRole('group', { name: '状態' }).locator('button').allTextContents();
  t.ok(chips.some((c) => c.startsWith('対象項目なし')), `the filter says 「対象項目なし」 (${chips.join(' / ')})`);
  t.notOk(chips.some((c) => c.includes('該当なし')), 'never 「該当なし」');
  await page.locator('.row-item', { hasText: '経営状況' }).click();
  t.ok(await page.getByRole('button', { name: '対象項目なしにする' }).isVisible(), 'the decision button says 「対象項目なしにする」');
  const badges = await page.locator('.badge').allTextContents();
  t.notOk(badges.includes('該当なし'), 'no status badge says 「該当なし」');
  t.ok((await page.locator('#row-choice option').allTextContents()).includes('該当なし'), 'the customer’s 該当なし is still one of the values to choose');
  await page.getByLabel('言語').selectOption('en');
  const englishNone = page.getByRole('button', { name: 'Mark as no matching item' });
  t.ok(await englishNone.waitFor().then(() => englishNone.isVisible()), 'in English: “Mark as no matching item”');
  t.ok(await page.locator('[data-status="unmatched"]').filter({ hasText: 'No matching item' }).isVisible(), 'and the filter “No matching item”');

  // Alternatives show their score as the proposal does: a bar and a number named “Score”.
  await page.locator('.row-item', { hasText: '暗号化していますか' }).click();
  const altScores = await page.locator('.alternatives-card .score').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  t.ok(altScores.length > 0 && altScores.every((s) => s === 'Score'), 'each alternative’s score is shown and named like the proposal’s');
  t.same(problems, [], 'the page logged no errors');
});

t.test('setting a row’s choice stays on that row and says it is confirmed; in the editor, the editor’s choice goes with the typed answer', needsChromium, async (t) => {
  const { app, as, reviewer, page, problems, review, rows } = await servePage(t);
  const body = form(await bankSheet(), 'bank.xlsx');
  const id = (await app.inject({ method: 'POST', url: '/v1/questionnaires', payload: body.payload, headers: { ...body.headers, ...as(reviewer) } })).json().id as string;
  await review(page, id);

  // The choice picker: the decision is sent, and the reviewer is still on the row they were looking at.
  await page.locator('.row-item', { hasText: '暗号化していますか' }).click();
  const others = (await rows(id)).filter((r) => !r.question.includes('暗号化'));
  await page.locator('#row-choice').selectOption('いいえ');
  const said = await page.locator('#toast').filter({ hasText: 'いいえ' }).textContent();
  t.match(said, /確認済みにしました/, `the toast says the row is now confirmed, as the server says (${said})`);
  t.match(await page.locator('.row-item[aria-current="true"] .row-q').textContent(), /暗号化/, 'the selection stays on the row whose choice was set');
  t.match(await page.locator('#question-text').textContent(), /暗号化/, 'and so does the detail');
  t.equal(await page.evaluate(() => document.activeElement?.id), 'row-choice', 'the focus stays on the choice picker');
  const encryption = (await rows(id)).find((r) => r.question.includes('暗号化'))!;
  t.equal(encryption.status, 'confirmed', 'the server confirmed the row with its choice');
  t.same((await rows(id)).filter((r) => !r.question.includes('暗号化')), others, 'no other row was touched');

  // The editor open: one choice on screen, the editor's, and saving writes the typed answer with it.
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  await page.keyboard.press('e');
  t.equal(await page.getByLabel(/^選択肢/).and(page.locator(':visible')).count(), 1, 'while editing, one 選択肢 is shown');
  t.ok(await page.locator('#custom-choice').isVisible(), 'and it is the editor’s');
  await page.locator('#custom-answer').fill('毎日深夜に全データを別リージョンへバックアップしています。');
  await page.locator('#custom-choice').selectOption('はい');
  await page.getByRole('button', { name: 'この回答で確定' }).click();
  await page.locator('#toast').filter({ hasText: '独自の回答を保存しました' }).waitFor();
  const backup = (await rows(id)).find((r) => r.question.includes('バックアップ'))! as Row & { choice: string };
  t.same({ answer: backup.answer, choice: backup.choice, status: backup.status }, { answer: '毎日深夜に全データを別リージョンへバックアップしています。', choice: 'はい', status: 'confirmed' }, 'the typed answer and the picked choice are both written');
  t.same(problems, [], 'the page logged no errors');
});

t.test('two reviewers decide the same row: the later one is told, sees the row as it is now and stays on it', needsChromium, async (t) => {
  const { app, as, reviewer, page, problems, upload, review, rows } = await servePage(t);
  const id = await upload();
  await review(page, id);
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  const row = (await rows(id)).find((r) => r.question.includes('バックアップ頻度'))! as Row & { version: number };

  // Meanwhile, someone else says no item answers it (the API, with the version they saw).
  const other = await app.inject({
    method: 'PATCH',
    url: `/v1/questionnaires/${id}/rows/${encodeURIComponent(row.id)}`,
    payload: { itemNo: null },
    headers: { ...as(reviewer), 'if-match': `"${row.version}"` },
  });
  t.equal(other.statusCode, 200, 'the other reviewer’s decision is saved');

  await page.keyboard.press('a');
  await page.locator('#toast').filter({ hasText: '他の人が先に変更しました' }).waitFor();
  t.pass('the page says someone else changed the row');
  t.match(await page.locator('.row-item[aria-current="true"] .row-q').textContent(), /バックアップ頻度/, 'the reviewer stays on that row');
  await page.locator('.row-item[aria-current="true"] .badge', { hasText: '確認済み' }).waitFor();
  t.match(await page.locator('#answer-text').textContent(), /空欄/, 'which now shows the other decision (left blank)');
  const now = (await rows(id)).find((r) => r.id === row.id)!;
  t.same({ status: now.status, itemNos: now.itemNos }, { status: 'confirmed', itemNos: [] }, 'the other decision was not overwritten');

  // Deciding again, on the row as it is now, works.
  await page.locator('#accept').click();
  await page.locator('#toast').filter({ hasText: '承認しました' }).waitFor();
  t.pass('a decision on the reloaded row goes through');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 412/.test(p)));
  t.same(problems, [], 'no errors besides the refused decision');
});
