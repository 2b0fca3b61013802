// The review screen drawn from its state: the frame, the header (progress, bulk confirm, download), the filters
// and the row list. Clicks call the screen's actions; nothing here changes the state or talks to the server.
import { h, fill, scoreBar } from '../dom.js';
import { itemLabel, say, t } from '../i18n.js';
import { busyButton } from '../ui.js';
import { STATUSES } from './state.js';

/** The parts that stay while the reviewer works; each is refilled as decisions come back. */
export function frame() {
  const list = h('ul', { class: 'rowlist', role: 'list' });
  return {
    head: h('header', { class: 'review-head' }),
    filters: h('div', { class: 'filters' }),
    list,
    listPane: h('nav', { class: 'rowlist-pane', 'aria-label': t('question') }, list),
    detail: h('section', { class: 'detail', 'aria-label': t('proposal') }),
  };
}

export function reviewPage(view, job) {
  return h(
    'div',
    { class: 'page page-review' },
    view.head,
    job.notes?.length
      ? h(
          'div',
          { class: 'alert alert-info notes' },
          h('strong', null, t('notes')),
          ' ',
          job.notes.map(say).join(' '),
          // A layout remembered for the template: the page where it is listed and can be deleted.
          job.notes.some((n) => n.code === 'note.layoutRemembered') ? [' ', h('a', { href: '#/layouts' }, t('layoutNoteLink'))] : null,
        )
      : null,
    view.filters,
    h('div', { class: 'review-body' }, view.listPane, view.detail),
  );
}

export function renderHead(el, state, actions) {
  const total = state.job.rows.length;
  const done = state.count('confirmed');
  const auto = state.job.rows.filter((r) => r.status === 'auto');
  fill(
    el,
    h('a', { class: 'back', href: '#/' }, `← ${t('backToJobs')}`),
    h('div', { class: 'review-name' }, h('h1', { class: 'review-title', title: state.job.filename }, state.job.filename), h('a', { class: 'small', href: `#/q/${encodeURIComponent(state.job.id)}/audit` }, t('auditLink'))),
    h(
      'div',
      { class: 'review-progress' },
      h('span', { class: 'review-progress-text', id: 'reviewed' }, t('reviewedOf', { done, total })),
      h('div', { class: 'meter', role: 'progressbar', 'aria-labelledby': 'reviewed', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done }, h('span', { style: { width: `${total ? (done / total) * 100 : 0}%` } })),
    ),
    h(
      'div',
      { class: 'review-actions' },
      auto.length ? h('button', { type: 'button', onclick: () => actions.confirmAll(auto) }, t('confirmAuto', { n: auto.length })) : null,
      busyButton({ id: 'download', title: t('downloadReviewHelp') }, t('downloadReview'), actions.download, t('downloading')),
      busyButton({ class: 'primary', id: 'download-final', title: t('downloadFinalHelp') }, t('downloadFinal'), actions.downloadFinal, t('downloading')),
    ),
  );
}

export function renderFilters(el, state, actions) {
  // The filters are drawn anew: the chip or select that had the focus gets it back, so Tab goes on from there.
  const had = el.contains(document.activeElement) ? document.activeElement : null;
  const again = had?.dataset.status ? `[data-status="${had.dataset.status}"]` : had?.id ? `#${had.id}` : null;
  fill(
    el,
    h(
      'div',
      { class: 'chips', role: 'group', 'aria-label': t('filterStatus') },
      chip(state, actions, 'all', t('statusAll'), state.job.rows.length),
      STATUSES.map((s) => chip(state, actions, s, t(`status_${s}`), state.count(s), t(`statusHelp_${s}`))),
    ),
    sheetFilter(state, actions),
    h('p', { class: 'shortcuts', 'aria-hidden': 'true' }, t('shortcuts')),
  );
  if (again) el.querySelector(again)?.focus();
}

function chip(state, actions, value, label, n, help) {
  return h(
    'button',
    { type: 'button', class: `chip chip-${value}`, 'data-status': value, 'aria-pressed': String(state.status === value), title: help, onclick: () => actions.filter({ status: value }) },
    label,
    h('span', { class: 'chip-count' }, String(n)),
  );
}

function sheetFilter(state, actions) {
  const sheets = state.sheets;
  if (sheets.length < 2) return null;
  return h(
    'label',
    { class: 'sheet-filter' },
    h('span', null, t('filterSheet')),
    h(
      'select',
      { id: 'sheet-filter', onchange: (e) => actions.filter({ sheet: e.target.value }) },
      h('option', { value: '', selected: state.sheet === '' }, t('allSheets')),
      sheets.map((s) => h('option', { value: s, selected: state.sheet === s }, s)),
    ),
  );
}

export function renderList(el, state, actions) {
  fill(el, state.visible.length ? state.visible.map((id) => listItem(state.row(id), state, actions)) : h('li', { class: 'empty' }, t('noRows')));
}

/** Redraws one row of the list, where it is. */
export function refreshListItem(el, row, state, actions) {
  el.querySelector(`li[data-id="${CSS.escape(row.id)}"]`)?.replaceWith(listItem(row, state, actions));
}

/** The selected row's button in the list. */
export const currentListItem = (el) => el.querySelector('[aria-current="true"]');

function listItem(row, state, actions) {
  return h(
    'li',
    { 'data-id': row.id },
    h(
      'button',
      { type: 'button', class: `row-item status-${row.status}`, 'aria-current': row.id === state.selected ? 'true' : false, onclick: () => actions.select(row.id) },
      h('span', { class: 'row-top' }, badge(row.status), h('span', { class: 'row-ref' }, `${row.sheet} · ${row.answerCell ?? row.row}`)),
      h('span', { class: 'row-q' }, row.question),
      row.match
        ? h('span', { class: 'row-match' }, h('span', { class: 'row-match-title' }, `${itemLabel(row.match.itemNo)} ${row.match.title}`), row.status !== 'confirmed' ? scoreBar(row.proposal.score, t('score'), row.status) : null)
        : h('span', { class: 'row-match none' }, row.answer ? t('customAnswer') : t('noItem')),
    ),
  );
}

export function badge(status) {
  return h('span', { class: `badge badge-${status}` }, t(`status_${status}`));
}

/** Questions with two topics need two items: "+" answers with this item as well as the current ones (at most five). */
export function addButton(row, item, actions) {
  if (!row.itemNos.length || row.itemNos.includes(item.no) || row.itemNos.length >= 5) return null;
  const label = t('addItem', { item: itemLabel(item.no), title: item.title ?? '' });
  return h('button', { type: 'button', class: 'option-add', 'data-add': item.no, 'aria-label': label, title: label, onclick: () => actions.addItem(row, item.no) }, '+');
}
