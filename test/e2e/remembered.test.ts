// A question a reviewer decided before comes back answered from that decision; its matched-terms chip says so in
// the page's language.
import t from 'tap';
import { needsChromium, servePage } from './page.js';

t.test('a remembered decision’s chip reads in Japanese on the Japanese page, in English on the English one', needsChromium, async (t) => {
  const { app, as, reviewer, page, problems, upload, review, rows } = await servePage(t);
  const first = await upload();
  const backup = (await rows(first)).find((r) => r.question.includes('バックアップ頻度'))!;
  const decided = await app.inject({ method: 'PATCH', url: `/v1/questionnaires/${first}/rows/${backup.id}`, payload: { itemNo: 29 }, headers: as(reviewer) });
  t.equal(decided.statusCode, 200, 'a reviewer chose item 29 for the backup question');

  await review(page, await upload());
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  const chip = page.locator('.proposal-card .term').first();
  t.match(await chip.textContent(), /^確認者の過去の判断: 「.*バックアップ頻度.*」$/, 'the next questionnaire says, in Japanese, it follows that decision');
  await page.getByLabel('言語').selectOption('en');
  t.match(await page.locator('.proposal-card .term').first().textContent(), /^reviewer decision: 「/, 'and in English on the English page');
  t.same(problems, [], 'the page logged no errors');
});
