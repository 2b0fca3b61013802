// Small pieces every screen uses: the toast, navigation, and error messages in the user's words.
import { h, fill } from './dom.js';
import { errorAdvice, errorSummary, t } from './i18n.js';

let toastTimer;
/** One polite live region: screen readers hear what happened after each action. */
export function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  fill(el, h('div', { class: `toast-body toast-${kind}` }, message));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => fill(el), kind === 'error' ? 8000 : 3500);
}

/** A button that runs its work once at a time: disabled, and saying busyLabel, until the work settles; a failure is a toast. */
export function busyButton(props, label, work, busyLabel = label) {
  const button = h('button', { type: 'button', ...props }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(button, busyLabel);
    try {
      await work();
    } catch (error) {
      toast(messageOf(error), 'error');
    } finally {
      button.disabled = false;
      fill(button, label);
    }
  });
  return button;
}

/** A secret shown once: a note saying so, the secret in a read-only field to select, and a button that copies it. */
export function secretBox(secret, note) {
  const field = h('input', { type: 'text', id: 'token-secret', readonly: true, value: secret, spellcheck: 'false', 'aria-describedby': 'token-secret-note' });
  const copy = h('button', { type: 'button', class: 'primary', id: 'copy-secret' }, t('copy'));
  copy.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(secret);
      toast(t('copied'));
    } catch {
      toast(t('copyFailed'), 'error');
    }
  });
  return h(
    'div',
    { class: 'alert alert-warn secret' },
    h('p', { id: 'token-secret-note' }, note),
    h('label', { class: 'field-label', for: field.id }, t('tokenSecret')),
    h('div', { class: 'secret-row' }, field, copy),
  );
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/**
 * An error in the user's words, as text (for a toast). The server's messages are written in English: in Japanese
 * the page says, in its own words, what kind of problem it is and, for the common ones, what to do; only where it has
 * no words of its own for what to do does the server's English follow. A lost connection has only words of our own.
 */
export function messageOf(error) {
  if (error?.code === 'network' || !error?.message) return t('networkError');
  const summary = errorSummary(error.code);
  if (!summary) return error.message;
  return `${summary} ${errorAdvice(error) || error.message}`;
}

/**
 * An error shown in place (an upload box, a form, a page that failed to load): in Japanese, the page's words with
 * the server's English behind a small 「詳細（英語）」 disclosure instead of inline; in English, the server's message.
 */
export function errorView(error) {
  const summary = error?.code === 'network' || !error?.message ? '' : errorSummary(error.code);
  if (!summary) return messageOf(error);
  const advice = errorAdvice(error);
  return [
    advice ? `${summary} ${advice}` : summary,
    ' ',
    h('details', { class: 'error-details' }, h('summary', null, t('errorDetails')), h('span', { lang: 'en' }, error.message)),
  ];
}

/** True when a key press belongs to a text field, so single-letter shortcuts leave it alone. */
export function typing(event) {
  const el = event.target;
  return el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
