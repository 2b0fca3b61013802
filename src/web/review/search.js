// The search over the 49 items: by number (「28」, 「No.28」, 「項目 No.28」, "item 28", full-width 「２８」) or by fuzzy words in Japanese or
// English, with the arrow keys between the field and its results.
import Fuse from '/static/vendor/fuse.mjs';
import { h, fill } from '../dom.js';
import { itemLabel, t } from '../i18n.js';
import { addButton } from './render.js';

/** A finder over the items: query → the items that fit it best (at most `limit`), an item asked for by number first. */
export function itemFinder(items, limit = 8) {
  const byNo = new Map(items.map((i) => [i.no, i]));
  // The title carries the most weight; answers and descriptions catch what people remember of them.
  const fuse = new Fuse(items, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'titleEn', weight: 2 },
      { name: 'aliases', weight: 2 },
      { name: 'category', weight: 1 },
      { name: 'description', weight: 1 },
      { name: 'answer', weight: 1 },
    ],
    ignoreLocation: true,
    threshold: 0.34,
  });
  return (query) => {
    // NFKC: 「２８」 or 「Ｎｏ．２８」 typed with the Japanese input method on is No.28 too.
    const q = query.normalize('NFKC').trim();
    if (!q) return [];
    // The number as the page writes it (「項目 No.28」, "Item 28") or as people type it (「28」, 「No.28」).
    const exact = /^(?:項目|item)?\s*(?:no\.?)?\s*(\d{1,2})$/i.exec(q);
    const asked = exact ? byNo.get(Number(exact[1])) : undefined;
    const hits = fuse.search(q, { limit }).map((r) => r.item);
    return asked ? [asked, ...hits.filter((i) => i.no !== asked.no)] : hits;
  };
}

/** The search card for a row: a result chooses that item, its "+" adds it. */
export function searchCard(row, find, actions) {
  const results = h('ul', { class: 'options', id: 'search-results', 'aria-live': 'polite' });
  const input = h('input', { type: 'search', id: 'item-search', autocomplete: 'off', placeholder: t('searchPlaceholder'), 'aria-controls': 'search-results' });
  input.addEventListener('input', () => showResults(results, input.value, find(input.value), (item) => resultRow(row, item, actions)));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = find(input.value)[0];
      if (first) actions.choose(row, first.no);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.querySelector('button')?.focus();
    }
  });
  results.addEventListener('keydown', (e) => walkResults(e, results, input));
  return h('div', { class: 'card search-card' }, h('label', { class: 'card-title', for: 'item-search' }, t('search'), h('kbd', null, '/')), input, results);
}

function showResults(results, query, items, draw) {
  fill(results, query.trim() && !items.length ? h('li', { class: 'muted' }, t('searchNone')) : null, items.map(draw));
}

function resultRow(row, item, actions) {
  return h(
    'li',
    { class: 'option-row' },
    h(
      'button',
      { type: 'button', class: 'option', 'data-no': item.no, onclick: () => actions.choose(row, item.no) },
      h('span', { class: 'option-no' }, itemLabel(item.no)),
      h('span', { class: 'option-body' }, h('span', { class: 'option-title' }, item.title, h('span', { class: 'item-category' }, item.category)), h('span', { class: 'option-answer' }, item.answer)),
    ),
    addButton(row, item, actions),
  );
}

/** ArrowDown and ArrowUp move between the results; up from the first goes back to the field. */
function walkResults(e, results, input) {
  const buttons = [...results.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement);
  if (e.key === 'ArrowDown' && at >= 0) (buttons[at + 1] ?? buttons[at]).focus();
  else if (e.key === 'ArrowUp' && at >= 0) (at === 0 ? input : buttons[at - 1]).focus();
  else return;
  e.preventDefault();
}
