// After signing in with the one-time first-start link: the admin token it was exchanged for, shown once, to keep.
// The link works only once, so without this token (or another admin's help) the admin is locked out of the page.
import { keepToken } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { secretBox } from './ui.js';

/** Shows the new token's secret with a copy button and "remember on this browser"; done() goes on to the page. */
export function keepTokenScreen(main, secret, done) {
  document.title = `${t('keepTokenTitle')} · qmap`;
  const remember = h('input', { id: 'keep-remember', type: 'checkbox', onchange: () => keepToken(secret, remember.checked) });
  const box = secretBox(secret, t('keepTokenNote'));
  fill(
    main,
    h(
      'div',
      { class: 'page page-keep-token' },
      h('h1', { class: 'page-title' }, t('keepTokenTitle')),
      h('div', { class: 'card keep-token' }, box, h('label', { class: 'check' }, remember, t('rememberMe')), h('button', { type: 'button', class: 'primary', onclick: done }, t('keepTokenContinue'))),
    ),
  );
  box.querySelector('#token-secret').select();
}
