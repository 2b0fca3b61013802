// Signing in with the first-start link: the link works once, so the page shows the admin token it was exchanged
// for, once, to keep; and opening the used link again says so in the page's language, with what to do instead.
import t from 'tap';
import { createToken } from '../../src/store/tokens.js';
import { needsChromium, servePage } from './page.js';

const inADay = () => ({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() });

t.test('the first-start link shows the new admin token once, to keep, and can remember it on this browser', needsChromium, async (t) => {
  const { app, db, base, page, context, problems } = await servePage(t);
  const link = createToken(db, 'admin', 'admin (first start sign-in link)', undefined, inADay()).secret;
  await page.goto(`${base}/#token=${link}`);

  const kept = page.locator('.page-keep-token');
  await kept.waitFor();
  const secret = await kept.locator('#token-secret').inputValue();
  t.match(secret, /^qmap_/, 'the new token’s secret is shown');
  t.not(secret, link, 'it is the new token, not the link');
  const signIn = await app.inject({ method: 'POST', url: '/v1/sign-in', headers: { authorization: `Bearer ${secret}` } });
  t.match(signIn.json(), { token: { role: 'admin' }, secret: null }, 'it is an admin token that works');
  const text = (await kept.textContent()) ?? '';
  t.match(text, /一度しか使えません/, 'the page says the link works only once');
  t.match(text, /パスワードマネージャー/, 'and to keep the token, in a password manager');
  t.ok(await kept.getByRole('button', { name: 'コピー' }).isVisible(), 'with a button to copy it');

  await kept.getByLabel('このブラウザーに記憶する').check();
  await kept.getByRole('button', { name: /続ける/ }).click();
  await page.locator('.page-jobs').waitFor();
  t.equal(await page.evaluate(() => localStorage.getItem('qmap.token')), secret, 'remembered on this browser');
  await page.goto(`${base}/#token=${link}`);
  await page.locator('#toast').filter({ hasText: 'このサインインリンクは使用済みか、期限切れです。このブラウザーではサインインしたままです。' }).waitFor();
  t.ok(await page.locator('.page-jobs').isVisible(), 'opening the link again while signed in says it is used, and stays signed in');

  const tab = await context.newPage();
  await tab.goto(`${base}/`);
  await tab.locator('.page-jobs').waitFor();
  t.ok(await tab.getByRole('link', { name: 'トークン' }).isVisible(), 'a new tab is signed in as the admin');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
  t.same(problems, [], 'no errors besides the link refused the second time');
});

t.test('without “remember”, the token lasts the tab; it is shown only once', needsChromium, async (t) => {
  const { db, base, page, problems } = await servePage(t);
  const link = createToken(db, 'admin', 'admin (first start sign-in link)', undefined, inADay()).secret;
  await page.goto(`${base}/#token=${link}`);
  await page.locator('.page-keep-token').waitFor();
  await page.getByRole('button', { name: /続ける/ }).click();
  await page.locator('.page-jobs').waitFor();
  t.equal(await page.evaluate(() => localStorage.getItem('qmap.token')), null, 'not kept beyond the tab');
  await page.reload();
  await page.locator('.page-jobs').waitFor();
  t.equal(await page.locator('.page-keep-token').count(), 0, 'reloading does not show the token again');
  t.same(problems, [], 'the page logged no errors');
});

t.test('opening a used sign-in link again says it was used or expired, and what to do, in the page’s language', needsChromium, async (t) => {
  const { app, db, base, page, problems } = await servePage(t);
  const link = createToken(db, 'admin', 'admin (first start sign-in link)', undefined, inADay()).secret;
  await app.inject({ method: 'POST', url: '/v1/sign-in', headers: { authorization: `Bearer ${link}` } });

  await page.goto(`${base}/#token=${link}`);
  const error = page.locator('#signin-error');
  await error.waitFor();
  t.match(await error.textContent(), /このサインインリンクは使用済みか、期限切れです。/, 'the link is said to be used or expired');
  t.match(await error.textContent(), /保存したトークン.*管理者/, 'with what to do: the token kept, or an admin');
  t.notMatch(await error.textContent(), /[A-Za-z]{4,}/, 'in Japanese only');

  await page.getByLabel('言語').selectOption('en');
  await page.goto(`${base}/#token=${link}`);
  await page.locator('#signin-error').filter({ hasText: 'This sign-in link' }).waitFor();
  t.match(await page.locator('#signin-error').textContent(), /already been used or has expired.*token you kept.*admin/, 'and in English');
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
  t.same(problems, [], 'no errors besides the refused link');
});
