// What the Japanese page says when the server refuses something: what kind of problem it is and what to do, in
// Japanese; the server's English message only behind 「詳細（英語）」. The English page shows the server's message.
import t from 'tap';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { needsChromium, servePage } from './page.js';

const samplePath = new URL('../../fixtures/sample/security-checksheet-sample.xlsx', import.meta.url);

/** Chooses a file in the upload box and returns the alert it ends in. */
async function uploadRefused(page: Page, name: string, buffer: Buffer) {
  await page.locator('#file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  const alert = page.getByRole('alert').filter({ hasText: name }).first();
  await alert.waitFor();
  return alert;
}

/** What the alert shows before its disclosure is opened, and the disclosure's English once opened. */
async function shown(alert: Locator) {
  const visible = await alert.innerText();
  const details = alert.locator('details');
  const summary = (await details.count()) ? await details.locator('summary').innerText() : null;
  if (summary) await details.locator('summary').click();
  const english = summary ? await details.locator('[lang="en"]').innerText() : null;
  return { visible, summary, english };
}

t.test('in Japanese, a refused upload says what to do in Japanese, with the server’s English behind 「詳細（英語）」', needsChromium, async (t) => {
  const { base, reviewer, page, problems } = await servePage(t, undefined, { QMAP_MAX_UNCOMPRESSED_BYTES: '20480' });
  await page.goto(`${base}/#token=${reviewer}`);
  await page.locator('.page-jobs').waitFor();

  const none = await shown(await uploadRefused(page, 'expenses.csv', Buffer.from('日付,摘要,金額\r\n2024-04-01,交通費,1200\r\n2024-04-02,会議費,3400\r\n')));
  t.match(none.visible, /質問が見つかりませんでした。.*「読み取り位置を指定」で/, 'no questions: point at the table with 「読み取り位置を指定」');
  t.notMatch(none.visible, /sheet|form fields|API/i, 'no English, no API instructions, in sight');
  t.equal(none.summary, '詳細（英語）', 'the server’s words are behind a disclosure');
  t.match(none.english, /No sheet with questions was found/, 'which holds the server’s English message');

  const pdf = await shown(await uploadRefused(page, 'policy.pdf', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n')));
  t.match(pdf.visible, /対応していないファイル形式です。.*\.xlsx \.xlsm \.xls \.ods \.csv/, 'an unsupported kind: the kinds qmap reads');
  t.notMatch(pdf.visible.replace('policy.pdf', ''), /[A-Za-z]{5,}/, 'in Japanese only');

  const big = await shown(await uploadRefused(page, 'big.xlsx', readFileSync(samplePath)));
  t.match(big.visible, /上限を超えています。.*20 KiB.*分割/, 'too large: the limit, and to split the file');
  t.match(big.english, /unpacks to/, 'the server’s English is behind the disclosure');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 4\d\d/.test(p)));
  t.same(problems, [], 'no errors besides the refused uploads');
});

t.test('in Japanese, a refused token says to sign in with a valid token or ask an admin', needsChromium, async (t) => {
  const { base, page, problems } = await servePage(t);
  await page.goto(`${base}/`);
  await page.getByLabel('トークン').fill('qmap_not-a-token-at-all');
  await page.getByRole('button', { name: 'サインイン' }).click();
  const error = page.locator('#signin-error');
  await error.filter({ hasText: 'トークン' }).waitFor();
  const said = await shown(error);
  t.match(said.visible, /トークンが無効です。.*管理者/, 'what to do, in Japanese');
  t.notMatch(said.visible, /[A-Za-z]{5,}/, 'with no English in sight');
  t.match(said.english, /unknown or has been revoked/, 'the server’s words behind 「詳細（英語）」');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
  t.same(problems, [], 'no errors besides the refused token');
});

t.test('in English, the server’s message is shown as it is', needsChromium, async (t) => {
  const { base, reviewer, page, problems } = await servePage(t);
  await page.goto(`${base}/#token=${reviewer}`);
  await page.getByLabel('言語').selectOption('en');
  await page.locator('.page-jobs').waitFor();
  const none = await shown(await uploadRefused(page, 'expenses.csv', Buffer.from('日付,摘要,金額\r\n2024-04-01,交通費,1200\r\n')));
  t.match(none.visible, /^expenses\.csv — No sheet with questions was found/, 'the server’s own words');
  t.equal(none.summary, null, 'with no disclosure');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 4\d\d/.test(p)));
  t.same(problems, [], 'no errors besides the refused upload');
});
