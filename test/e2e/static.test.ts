// The page's files, without a browser: served by the app itself, as modules the CSP allows, and nothing else.
import t from 'tap';
import { readdirSync } from 'node:fs';
import { build } from '../helpers/app.js';

/** Every script of the page, as served under /static/ (src/web and its folders). */
const scripts = (readdirSync(new URL('../../src/web/', import.meta.url), { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));

t.test('/ is the review page, and its scripts and styles come from qmap itself', async (t) => {
  const { app } = await build(t);
  const page = await app.inject({ url: '/' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.body, /<script type="module" src="\/static\/app\.js"><\/script>/, 'one module script, no inline code');
  t.notMatch(page.body, /<script>|\son\w+="/, 'no inline script or handler for the CSP to refuse');
  t.match(String(page.headers['content-security-policy']), /script-src 'self'/);

  for (const [url, type] of [
    ['/static/app.js', /javascript/],
    ['/static/review.js', /javascript/],
    ['/static/review/keys.js', /javascript/],
    ['/static/styles.css', /^text\/css/],
    ['/static/vendor/fuse.mjs', /javascript/],
    ['/static/vendor/diff/diff/word.js', /javascript/],
    ['/static/vendor/diff/util/string.js', /javascript/],
  ] as const) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 200, url);
    t.match(res.headers['content-type'], type, `${url} has a type the browser will run as a module`);
  }
  t.match((await app.inject({ url: '/static/vendor/fuse.mjs' })).body, /export \{[^}]*as default/, 'fuse.js is its ES module build');
  t.match((await app.inject({ url: '/static/vendor/diff/diff/word.js' })).body, /export function diffWords/, 'jsdiff is its ES module build');
});

t.test('nothing outside the page’s folder is served', async (t) => {
  const { app } = await build(t);
  for (const url of [
    '/static/../routes/web.ts',
    '/static/%2e%2e/routes/web.ts',
    '/static/..%2f..%2fpackage.json',
    '/static/vendor/fuse.cjs',
    '/static/vendor/diff/../package.json',
    '/static/vendor/diff/%2e%2e/package.json',
    '/static/vendor/diff/..%2f..%2ffuse.js%2fpackage.json',
    '/static/vendor/diff/index.d.ts',
  ]) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 404, url);
  }
});

t.test('the page’s scripts never parse data as HTML', async (t) => {
  const { app } = await build(t);
  t.ok(scripts.includes('review/state.js'), 'the review screen’s parts are among them');
  for (const file of scripts) {
    const source = (await app.inject({ url: `/static/${file}` })).body;
    t.notMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, `${file} builds the DOM from text`);
  }
});
