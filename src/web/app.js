// The page's shell: sign-in, the top bar with the navigation, the language switch and a tiny hash router
// (#/ lists the questionnaires, #/q/<id> reviews one, ?status=…&sheet=…&row=… keeping the reviewer's place;
// #/q/<id>/audit, #/items, #/items/<no>, #/library, #/gaps, #/layouts and #/tokens are the vendor's pages).
import { events, forgetToken, keepToken, signIn, token, whoAmI } from './api.js';
import { h, fill } from './dom.js';
import { currentLanguage, languages, loadMessages, setLanguage, t } from './i18n.js';
import { jobsScreen } from './jobs.js';
import { keepTokenScreen } from './keep-token.js';
import { reviewScreen } from './review.js';
import { errorView, navigate, toast } from './ui.js';
import { auditScreen } from './vendor/audit.js';
import { navigation } from './vendor/common.js';
import { gapsScreen } from './vendor/gaps.js';
import { itemScreen } from './vendor/item.js';
import { itemsScreen } from './vendor/items.js';
import { layoutsScreen } from './vendor/layouts.js';
import { libraryScreen } from './vendor/library.js';
import { tokensScreen } from './vendor/tokens.js';

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
let leave = null; // the current screen's clean-up (keyboard listeners and the like)

/**
 * A sign-in link (#token=…, the first-start link among them) carries the token in the fragment: wipe it from the
 * address bar, then sign in with it. A one-time link is exchanged for a token of one's own (fresh: shown only now);
 * refused: what to tell the user instead.
 */
async function takeTokenFromUrl() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const secret = params.get('token');
  if (!secret) return {};
  history.replaceState(null, '', `${location.pathname}#/`);
  const signed = await signIn(secret).catch(() => ({ error: null }));
  if (signed.secret) keepToken(signed.secret, false);
  if (signed.secret) return { fresh: signed.fresh ? signed.secret : null };
  // A link refused as unknown is, nearly always, a one-time link used already or past its day.
  if (signed.error?.code === 'unauthorized') return { refused: t(token() ? 'linkUsedSignedIn' : 'linkUsed') };
  return { refused: signed.error ? errorView(signed.error) : t('networkError') };
}

/** Who is signed in ({ id, name, role }), or null before sign-in; the navigation and the pages follow the role. */
let me = null;

function renderTopbar() {
  const signedIn = Boolean(token());
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  fill(
    topbar,
    h('a', { class: 'brand', href: '#/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'q'), h('span', { class: 'brand-name' }, 'qmap'), h('span', { class: 'brand-tagline' }, t('appTagline'))),
    signedIn && me ? navigation(path, me.role) : null,
    h(
      'div',
      { class: 'topbar-tools' },
      h(
        'label',
        { class: 'lang' },
        h('span', { class: 'sr-only' }, t('language')),
        h(
          'select',
          {
            id: 'lang',
            onchange: (e) => {
              setLanguage(e.target.value);
              renderTopbar();
              route();
            },
          },
          languages.map((l) => h('option', { value: l.code, selected: l.code === currentLanguage() }, l.name)),
        ),
      ),
      signedIn &&
        h(
          'button',
          {
            class: 'ghost',
            type: 'button',
            onclick: () => {
              forgetToken();
              me = null;
              showSignIn();
            },
          },
          t('signOut'),
        ),
    ),
  );
}

function showSignIn(message) {
  leave?.();
  leave = null;
  renderTopbar();
  document.title = `${t('signInTitle')} · qmap`;
  const error = h('div', { class: 'alert alert-error', role: 'alert', id: 'signin-error', hidden: !message }, message ?? '');
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', required: true, spellcheck: 'false', 'aria-describedby': 'signin-error' });
  const remember = h('input', { id: 'remember', type: 'checkbox' });
  const submit = h('button', { class: 'primary', type: 'submit' }, t('signIn'));
  const form = h(
    'form',
    {
      class: 'card signin',
      onsubmit: async (e) => {
        e.preventDefault();
        const secret = input.value.trim();
        if (!secret) return;
        submit.disabled = true;
        submit.textContent = t('signingIn');
        const signed = await signIn(secret).catch(() => ({ error: null }));
        submit.disabled = false;
        submit.textContent = t('signIn');
        if (!signed.secret) {
          fill(error, signed.error ? errorView(signed.error) : t('networkError'));
          error.hidden = false;
          input.focus();
          return;
        }
        keepToken(signed.secret, remember.checked);
        renderTopbar();
        // Signed in again after a refusal: back to the page (and the row) the reviewer was on.
        route();
      },
    },
    h('h1', null, t('signInTitle')),
    h('p', { class: 'muted' }, t('signInLead')),
    error,
    // Password managers look for a user name beside a password; a token has none, so say so.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: 'qmap', hidden: true, 'aria-hidden': 'true', tabindex: '-1' }),
    h('label', { for: 'token', class: 'field-label' }, t('tokenLabel')),
    input,
    h('label', { class: 'check' }, remember, t('rememberMe')),
    submit,
  );
  fill(main, h('div', { class: 'signin-wrap' }, form));
  input.focus();
}

async function route() {
  leave?.();
  leave = null;
  const { refused, fresh } = await takeTokenFromUrl();
  if (!token()) return showSignIn(refused);
  // Refused, but this browser is signed in already: say so and stay.
  if (refused) toast(refused, 'error');
  if (fresh) {
    renderTopbar();
    return keepTokenScreen(main, fresh, () => void route());
  }
  me = await whoAmI().catch(() => me);
  if (!token()) return; // refused meanwhile: the sign-in screen is showing
  renderTopbar();
  const path = location.hash.replace(/^#/, '') || '/';
  const [where, query = ''] = path.split(/\?(.*)/s);
  const admin = me?.role === 'admin';
  const at = (pattern) => pattern.exec(where)?.slice(1).map(decodeURIComponent);
  let m;
  if (where === '/') leave = jobsScreen(main);
  else if ((m = at(/^\/q\/([^/]+)\/audit$/))) leave = auditScreen(main, m[0]);
  else if ((m = at(/^\/q\/([^/]+)$/))) leave = reviewScreen(main, m[0], new URLSearchParams(query));
  else if (where === '/items') leave = itemsScreen(main, new URLSearchParams(query));
  else if ((m = at(/^\/items\/(\d{1,2})$/))) leave = itemScreen(main, Number(m[0]), { admin });
  else if (where === '/library') leave = libraryScreen(main, { admin });
  else if (where === '/gaps') leave = gapsScreen(main, { admin });
  else if (where === '/layouts') leave = layoutsScreen(main);
  else if (where === '/tokens' && admin) leave = tokensScreen(main, me);
  else navigate('#/');
}

events.addEventListener('unauthorized', (e) => showSignIn(e.detail?.message ? errorView(e.detail) : t('signedOutExpired')));
window.addEventListener('hashchange', () => void route());
// A file dropped outside the drop zone must not replace the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

setLanguage(currentLanguage());
void loadMessages().then(route);
