// The app listening on a free port with a fresh browser page, for the page's end-to-end tests.
import type { Test } from 'tap';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { build } from '../helpers/app.js';
import { form } from '../helpers/workbooks.js';
import { fixturePath } from './fixture.js';
import { CHROMIUM, hasChromium, openBrowser } from './browser.js';

/** Pass as a test's options: without Debian's Chromium the browser tests are skipped, saying why. */
export const needsChromium = { skip: hasChromium() ? false : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)` };

/** The app (configured by env) and a fresh page; what the page logs as an error (a CSP refusal, an exception) is collected in problems. */
export async function servePage(t: Test, viewport = { width: 1366, height: 768 }, env: Record<string, string> = {}) {
  const { app, db, admin, reviewer, as } = await build(t, env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const { context, close } = await openBrowser({ viewport });
  t.teardown(close);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  /** Uploads a workbook (the e2e fixture by default) through the API and returns the job's id. */
  const upload = async (name = 'security-checksheet.xlsx', file = readFileSync(fixturePath)) => {
    const body = form(file, name);
    const res = await app.inject({ method: 'POST', url: '/v1/questionnaires', payload: body.payload, headers: { ...body.headers, ...as(reviewer) } });
    return (res.json() as { id: string }).id;
  };
  /** Signs in with the login URL, then opens a job's review screen and waits for it. */
  const review = async (page: Page, id: string) => {
    await page.goto(`${base}/#token=${reviewer}`);
    await page.locator('.page-jobs').waitFor();
    await page.goto(`${base}/#/q/${id}`);
    await page.locator('#reviewed').waitFor();
  };
  const rows = async (id: string) => (await app.inject({ url: `/v1/questionnaires/${id}/rows`, headers: as(reviewer) })).json() as Row[];
  /** Signs in with a token (the reviewer's unless told) and opens a page of the app by its hash. */
  const open = async (hash: string, secret = reviewer) => {
    await page.goto(`${base}/#token=${secret}`);
    await page.locator('.page-jobs').waitFor();
    await page.goto(`${base}/${hash}`);
  };
  return { app, db, admin, reviewer, as, base, page, context, problems, upload, review, rows, open };
}

export interface Row {
  id: string;
  sheet: string;
  answerCell: string | null;
  question: string;
  status: string;
  answer: string | null;
  itemNos: number[];
}

/** The row list's selected row and whether it has the focus. */
export const selection = (page: Page) =>
  page.evaluate(() => {
    const current = document.querySelector('.row-item[aria-current="true"]');
    return { question: current?.querySelector('.row-q')?.textContent ?? null, focused: current !== null && current === document.activeElement, status: current?.className.replace(/.*status-/, '') ?? null };
  });
