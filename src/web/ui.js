// Small pieces every screen uses: the toast, navigation, and error messages in the user's words.
import { h, fill } from './dom.js';
import { t } from './i18n.js';

let toastTimer;
/** One polite live region: screen readers hear what happened after each action. */
export function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  fill(el, h('div', { class: `toast-body toast-${kind}` }, message));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => fill(el), kind === 'error' ? 8000 : 3500);
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** The server's messages are written for users; only a lost connection needs words of our own. */
export const messageOf = (error) => (error?.code === 'network' || !error?.message ? t('networkError') : error.message);

/** True when a key press belongs to a text field, so single-letter shortcuts leave it alone. */
export function typing(event) {
  const el = event.target;
  return el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
