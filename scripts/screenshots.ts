// Takes the README's screenshots (docs/upload.png, docs/review.png, docs/review-search.png, and the vendor's pages
// docs/items.png, docs/item.png, docs/gaps.png) with Debian's Chromium: a real qmap on a temporary database, the e2e
// fixture dropped in, a few rows decided, one item's answer edited by an admin.
// Run: npx tsx scripts/screenshots.ts   (needs /usr/bin/chromium and a Japanese font such as fonts-noto-cjk)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { inProcess } from '../src/pipeline/pool.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/db.js';
import { createToken } from '../src/store/tokens.js';
import { openBrowser } from '../test/e2e/browser.js';
import { fixturePath } from '../test/e2e/fixture.js';

const docs = new URL('../docs/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'qmap-shots-'));
const config = loadConfig({ QMAP_DB: join(dir, 'qmap.db') });
const db = openStore(config.QMAP_DB);
const reviewer = createToken(db, 'reviewer', '佐藤 (営業部)').secret;
const admin = createToken(db, 'admin', '田中 (情報システム部)').secret;
const app = await buildApp({ config, db, runner: inProcess(db), logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const { context, close } = await openBrowser();

/** Drops the fixture on the drop zone under a given name, and waits for its review screen. */
async function drop(page: Page, name: string) {
  await page.goto(`${base}/#/`);
  const bytes = [...readFileSync(fixturePath)];
  const file = await page.evaluateHandle(
    ({ b, n }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], n));
      return dt;
    },
    { b: bytes, n: name },
  );
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: file });
  await page.locator('.review-title').filter({ hasText: name }).waitFor();
}

try {
  const page = await context.newPage();
  await page.goto(`${base}/#token=${reviewer}`);
  // An older questionnaire whose automatic matches were all confirmed, so the list shows progress.
  // (Rows confirmed here teach the matcher, so only the automatic ones: the next upload keeps its open questions.)
  page.on('dialog', (dialog) => void dialog.accept());
  await drop(page, '2024年度_委託先セキュリティチェックシート.xlsx');
  await page.getByRole('button', { name: /自動一致/ }).click();
  await page.locator('.chip-confirmed .chip-count').filter({ hasNotText: /^0$/ }).waitFor();
  await drop(page, 'さくら商事_クラウドサービス調査票.xlsx');

  const shoot = async (name: string) => {
    // The toast of the last action would hide part of the page.
    await page.evaluate(() => document.getElementById('toast')?.replaceChildren());
    await page.screenshot({ path: new URL(name, docs).pathname });
  };

  // The review screen: a proposal with its score, matched terms and alternatives.
  await page.locator('.row-item', { hasText: 'バックアップ頻度' }).click();
  await shoot('review.png');

  // The same screen searching the 49 items for a question none of them answers.
  await page.locator('.row-item', { hasText: '多要素認証' }).click();
  await page.keyboard.press('/');
  await page.keyboard.type('認証');
  await page.waitForTimeout(200);
  await shoot('review-search.png');

  // The upload screen: the list of questionnaires and the drop zone as a file is dragged over it.
  await page.goto(`${base}/#/`);
  await page.locator('.jobs-table').waitFor();
  await page.dispatchEvent('.dropzone', 'dragover');
  await shoot('upload.png');

  // The vendor's pages, as an admin: the items, one item after an edit (its history with the change marked), the gaps.
  await page.goto(`${base}/#token=${admin}`);
  await page.locator('.page-jobs').waitFor();
  await page.goto(`${base}/#/items/28`);
  const ja = page.getByLabel('回答（日本語）');
  await ja.waitFor();
  await ja.fill((await ja.inputValue()).replace(/$/, '\n差分バックアップを1時間ごとに取得しています。'));
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('.version').nth(1).waitFor();
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await shoot('item.png');
  await page.goto(`${base}/#/items`);
  await page.locator('.page-items tbody tr').first().waitFor();
  await shoot('items.png');
  await page.goto(`${base}/#/gaps`);
  await page.locator('.gap').first().waitFor();
  await page.getByRole('button', { name: '回答を書く' }).first().click();
  await page.keyboard.type('管理画面へのログインは、TOTP による多要素認証に対応しています。');
  await shoot('gaps.png');
  process.stdout.write('docs/upload.png, docs/review.png, docs/review-search.png, docs/items.png, docs/item.png, docs/gaps.png\n');
} finally {
  await close();
  await app.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
