// #/items: the 49 items with their Japanese and English answers, default choice and use in the last 90 days;
// filtered by category and searched by word or number (?category=…&q=… in the address, so a reload keeps them).
import { listItems } from '../api.js';
import { h, fill } from '../dom.js';
import { itemLabel, t } from '../i18n.js';
import { itemFinder } from '../review/search.js';
import { cardTable, vendorPage } from './common.js';

export const choiceWord = (choice) => t(`choice_${choice ?? 'none'}`);

export function itemsScreen(main, place) {
  const state = { category: place.get('category') ?? '', q: place.get('q') ?? '' };
  const page = vendorPage(main, { title: t('itemsTitle'), lead: t('itemsLead'), className: 'page-items' }, async () => {
    const items = await listItems();
    const find = itemFinder(items, 49);
    const results = h('div', { class: 'items-results' });
    const count = h('p', { class: 'muted small', 'aria-live': 'polite', id: 'items-count' });
    const show = () => {
      const shown = (state.q.trim() ? find(state.q) : items).filter((i) => !state.category || i.category === state.category);
      fill(count, t('itemsShown', { n: shown.length }));
      fill(results, shown.length ? itemsTable(shown) : h('p', { class: 'empty' }, t('noItems')));
      const kept = new URLSearchParams(Object.entries(state).filter(([, v]) => v));
      history.replaceState(null, '', `#/items${kept.size ? `?${kept}` : ''}`);
    };
    const categories = [...new Set(items.map((i) => i.category))];
    const search = h('input', { type: 'search', id: 'items-search', value: state.q, placeholder: t('itemsSearchPlaceholder'), autocomplete: 'off', 'aria-controls': 'items-count' });
    search.addEventListener('input', () => {
      state.q = search.value;
      show();
    });
    const category = h(
      'select',
      { id: 'items-category', onchange: (e) => ((state.category = e.target.value), show()) },
      h('option', { value: '' }, t('allCategories')),
      categories.map((c) => h('option', { value: c, selected: c === state.category }, c)),
    );
    show();
    return [
      h(
        'div',
        { class: 'toolbar' },
        h('label', { class: 'toolbar-field' }, h('span', null, t('category')), category),
        h('label', { class: 'toolbar-field grow', for: 'items-search' }, h('span', null, t('itemsSearch')), search),
        count,
      ),
      results,
    ];
  });
  return page.leave;
}

function itemsTable(items) {
  const columns = [
    { label: t('colNo'), class: 'num nowrap' },
    { label: t('colItem'), class: 'item-cell' },
    { label: t('colAnswerJa'), class: 'answer-cell' },
    { label: t('colAnswerEn'), class: 'answer-cell' },
    { label: t('colDefault'), class: 'nowrap' },
    { label: t('colUsage'), class: 'nowrap' },
  ];
  return cardTable(
    t('itemsTitle'),
    columns,
    items.map((i) => [
      h('a', { href: `#/items/${i.no}`, 'aria-label': `${itemLabel(i.no)} ${i.title}` }, String(i.no)),
      [h('a', { href: `#/items/${i.no}`, class: 'item-link' }, i.title), h('div', { class: 'muted small', lang: 'en' }, i.titleEn), h('span', { class: 'item-category' }, i.category)],
      h('div', { class: 'clamp' }, i.answer),
      i.answerEn ? h('div', { class: 'clamp', lang: 'en' }, i.answerEn) : h('span', { class: 'muted' }, t('noEnglish')),
      choiceWord(i.defaultChoice),
      h('span', { title: t('usageHelp') }, t('usage', i.usage)),
    ]),
  );
}
