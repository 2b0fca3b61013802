// What the vendor's pages share: the frame of a page (its title and lead), loading with an error and a retry in
// the page's language, a table that is cards on a phone, and the navigation between the pages.
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { errorView } from '../ui.js';

/** The places in the navigation; admin: shown to admins only. */
const PLACES = [
  { hash: '#/', key: 'navJobs', match: /^\/(?:q\/.*)?$/ },
  { hash: '#/items', key: 'navItems', match: /^\/items/ },
  { hash: '#/library', key: 'navLibrary', match: /^\/library/ },
  { hash: '#/gaps', key: 'navGaps', match: /^\/gaps/ },
  { hash: '#/layouts', key: 'navLayouts', match: /^\/layouts/ },
  { hash: '#/tokens', key: 'navTokens', match: /^\/tokens/, admin: true },
];

/** The navigation for a path (#/items → /items); the current place is marked for screen readers. */
export function navigation(path, role) {
  return h(
    'nav',
    { class: 'nav', 'aria-label': t('nav') },
    h(
      'ul',
      null,
      PLACES.filter((p) => !p.admin || role === 'admin').map((p) =>
        h('li', null, h('a', { href: p.hash, 'aria-current': p.match.test(path) ? 'page' : false }, t(p.key))),
      ),
    ),
  );
}

/**
 * A page: its title, a lead paragraph and a body that load() fills. load() returns the nodes to show; a failure is
 * shown in the page's language with a retry. Returns { body, reload, gone } (gone() is true once the user left).
 */
export function vendorPage(main, { title, lead, className = '' }, load) {
  let left = false;
  document.title = `${title} · qmap`;
  const body = h('div', { class: 'vendor-body' }, h('p', { class: 'muted' }, t('loading')));
  fill(main, h('div', { class: `page page-vendor ${className}` }, h('h1', { class: 'page-title', id: 'page-title' }, title), lead ? h('p', { class: 'lead muted' }, lead) : null, body));
  async function reload() {
    try {
      const nodes = await load();
      if (!left) fill(body, nodes);
    } catch (error) {
      if (!left) fill(body, h('div', { class: 'alert alert-error', role: 'alert' }, errorView(error), ' ', h('button', { type: 'button', onclick: reload }, t('retry'))));
    }
  }
  void reload();
  return { body, reload, leave: () => (left = true), gone: () => left };
}

/** A table on a wide screen, a card per row on a phone; cells carry their column's name for the cards. */
export function cardTable(label, columns, rows) {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table card-table', role: 'table', 'aria-label': label },
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, columns.map((c) => h('th', { scope: 'col', role: 'columnheader', class: c.class }, c.label)))),
      h(
        'tbody',
        { role: 'rowgroup' },
        rows.map((cells) =>
          h(
            'tr',
            { role: 'row' },
            cells.map((content, i) => h('td', { role: 'cell', class: columns[i].class }, columns[i].label && !columns[i].bare ? h('span', { class: 'cell-label', 'aria-hidden': 'true' }, columns[i].label) : null, content)),
          ),
        ),
      ),
    ),
  );
}

/** An alert that says what went wrong, for forms. */
export const errorBox = () => h('div', { class: 'alert alert-error', role: 'alert', hidden: true });

export function showError(box, error) {
  fill(box, errorView(error));
  box.hidden = false;
}
