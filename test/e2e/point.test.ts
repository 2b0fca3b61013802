// Pointing at the table (issue 16, part 3) in a real browser: a checklist qmap cannot read on its own is shown as a
// grid; the user clicks the header row, the question column and the answer column and the job is made; the same
// template uploaded again is read without pointing, and the page says so; the remembered layout is deleted on #/layouts.
import t from 'tap';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture.js';
import { needsChromium, servePage } from './page.js';

/** A terse checklist with neutral headers (列1, 列2, 列3), a merged title and a hidden notes column: no questions qmap sees. */
async function checklist(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('点検表');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = '委託先 点検表';
  ws.addRow(['列1', '列2', '列3', '社内メモ']);
  for (const [code, topic] of [['A', '暗号'], ['B', 'BCP'], ['C', 'SLA'], ['D', 'ログ']]) ws.addRow([code, topic, null, '確認中']);
  ws.getColumn(4).hidden = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

t.test('a checklist qmap cannot read: the user points at it in a grid, qmap remembers the template, the layout is deleted on #/layouts', needsChromium, async (t) => {
  const { app, as, reviewer, base, page, problems } = await servePage(t);
  const bytes = [...(await checklist())];
  const drop = async () => {
    const file = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], '点検表.xlsx'));
      return dt;
    }, bytes);
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: file });
  };
  await page.goto(`${base}/#token=${reviewer}`);
  await page.locator('.page-jobs').waitFor();

  await drop();
  const panel = page.getByRole('region', { name: /表の位置を指定/ });
  await panel.waitFor();
  t.match(await page.getByRole('alert').first().textContent(), /質問が見つかりませんでした/, 'qmap says it found no questions');
  t.match(await panel.textContent(), /「点検表\.xlsx」の質問を見つけられませんでした/, 'and offers to point at them');
  const grid = panel.getByRole('table', { name: '点検表 の先頭部分' });
  t.equal(await grid.locator('td[colspan="3"]').textContent(), '委託先 点検表', 'the merged title spans its three columns');
  t.match(await grid.locator('th').filter({ has: page.locator('[data-column="D"]') }).textContent(), /非表示/, 'the hidden column is marked');
  t.match(await page.locator('#point-status').textContent(), /次にクリック: 見出しの行/, 'the page says what to click first');

  // The header row with the keyboard, the columns with the mouse (a column letter, then a cell of the next column).
  await panel.locator('[data-row="2"]').focus();
  await page.keyboard.press('Enter');
  t.equal(await panel.locator('[data-row="2"]').getAttribute('aria-pressed'), 'true', 'row 2 is the header row');
  t.match(await page.locator('#point-status').textContent(), /質問の列/, 'next, the question column');
  await panel.locator('[data-column="B"]').click();
  await grid.locator('tbody tr').nth(3).locator('td').nth(2).click();
  t.match(await panel.locator('.point-targets').textContent(), /見出しの行2行目.*質問の列B列.*回答の列C列.*選択肢の列（任意）—/, 'header row 2, questions in B, answers in C, no choice column');
  t.match(await page.locator('#point-status').textContent(), /すべて指定しました/);

  await panel.getByRole('button', { name: 'この位置で読み取る' }).click();
  await page.locator('.review-title').filter({ hasText: '点検表.xlsx' }).waitFor();
  t.equal(await page.locator('#reviewed').textContent(), '0 / 4 件 確認済み', 'the job is made with the four items as questions');
  const jobs = () => app.inject({ url: '/v1/questionnaires', headers: as(reviewer) }).then((r) => r.json() as { id: string }[]);
  const first = (await app.inject({ url: `/v1/questionnaires/${(await jobs())[0].id}`, headers: as(reviewer) })).json();
  t.match(first.sheets[0], { name: '点検表', headerRow: 2, questionColumn: 'B', answerColumn: 'C' }, 'read where the user pointed');

  // The same template again: read without pointing, and the page says why.
  await page.getByRole('link', { name: /質問票一覧/ }).click();
  await page.locator('.jobs-table').waitFor();
  await drop();
  await page.waitForURL((url) => /#\/q\//.test(url.hash) && !url.hash.includes(first.id));
  const notes = page.locator('.notes');
  await notes.waitFor();
  t.match(await notes.textContent(), /以前に読み取り位置を指定されたテンプレートです/, 'the next job’s notes say the remembered layout was used');
  t.equal(await page.locator('#point-status').count(), 0, 'nobody had to point');

  await notes.getByRole('link', { name: '記憶した読み取り位置を見る' }).click();
  const layout = page.locator('.page-layouts tbody tr');
  await layout.waitFor();
  t.match(await layout.textContent(), /点検表.*見出し 2 行目 · 質問 B列 · 回答 C列/, '#/layouts lists the layout');
  t.match(await layout.textContent(), /使用 1 回/, 'used once');
  page.once('dialog', (d) => void d.accept());
  await layout.getByRole('button', { name: '削除: 点検表' }).click();
  await page.locator('.page-layouts .empty').waitFor();
  t.same((await app.inject({ url: '/v1/layouts', headers: as(reviewer) })).json(), [], 'it is deleted');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 422/.test(p)));
  t.same(problems, [], 'no errors besides the refused upload');
});

t.test('a user may point at the table before qmap even tries; what qmap would read is selected first', needsChromium, async (t) => {
  const { base, reviewer, page, problems } = await servePage(t, { width: 390, height: 844 });
  await page.goto(`${base}/#token=${reviewer}`);
  await page.locator('.page-jobs').waitFor();
  await page.locator('#point-file').setInputFiles({ name: 'security-checksheet.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(fixturePath) });
  const panel = page.getByRole('region', { name: /表の位置を指定/ });
  await panel.waitFor();
  t.match(await panel.textContent(), /自動で見つけた位置を選んであります/, 'the panel says the detected place is selected');
  t.equal(await panel.locator('[data-row="4"]').getAttribute('aria-pressed'), 'true', 'the detected header row (4) is selected');
  t.equal(await panel.locator('[data-column="C"]').getAttribute('aria-pressed'), 'true', 'and the question column (C)');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  t.ok(widths.page <= widths.screen, `on a phone the grid scrolls in its own box (${widths.page} ≤ ${widths.screen} px)`);
  await panel.getByRole('button', { name: 'この位置で読み取る' }).click();
  await page.locator('.review-title').filter({ hasText: 'security-checksheet.xlsx' }).waitFor();
  t.pass('reading there makes the job');
  t.same(problems, [], 'the page logged no errors');
});
