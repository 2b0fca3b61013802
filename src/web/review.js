// The review screen: rows needing review first, the question beside the proposed item and its answer,
// alternatives one click (or key) away, a fuzzy search over the 49 items, a custom-answer editor.
import Fuse from '/static/vendor/fuse.mjs';
import { api, download } from './api.js';
import { h, fill, scoreBar } from './dom.js';
import { formatDate, t } from './i18n.js';
import { who } from './jobs.js';
import { messageOf, toast, typing } from './ui.js';

const STATUSES = ['review', 'unmatched', 'auto', 'confirmed'];
const PRIORITY = { review: 0, unmatched: 1, auto: 2, confirmed: 3 };

/**
 * place: where the reviewer was (the status and sheet filters and the selected row), read from the address
 * (#/q/<id>?status=…&sheet=…&row=…) and written back to it, so a reload, a language switch or signing in
 * again returns to the same row.
 */
export function reviewScreen(main, jobId, place = new URLSearchParams()) {
  const base = `/v1/questionnaires/${encodeURIComponent(jobId)}`;
  const status = place.get('status');
  const state = {
    job: null,
    items: new Map(),
    fuse: null,
    status: STATUSES.includes(status) ? status : 'all',
    sheet: place.get('sheet') ?? '',
    visible: [],
    selected: place.get('row'),
    busy: false,
    editing: false,
  };
  // Replaces the address (no new history entry, no hashchange): the back button still leaves the review.
  const keepPlace = () => {
    const kept = new URLSearchParams();
    if (state.status !== 'all') kept.set('status', state.status);
    if (state.sheet) kept.set('sheet', state.sheet);
    if (state.selected) kept.set('row', state.selected);
    const query = kept.toString();
    history.replaceState(null, '', `#/q/${encodeURIComponent(jobId)}${query ? `?${query}` : ''}`);
  };
  const keys = new AbortController();
  let gone = false;

  fill(main, h('div', { class: 'page' }, h('p', { class: 'muted' }, t('loading'))));

  // Rows by id, rebuilt whenever the job is (re)loaded; questionnaires can have thousands of rows.
  let index = new Map();
  const byId = (id) => index.get(id);
  const setJob = (job) => {
    state.job = job;
    index = new Map(job.rows.map((r) => [r.id, r]));
  };
  const selectedRow = () => (state.selected ? byId(state.selected) : undefined);
  const count = (status) => state.job.rows.filter((r) => r.status === status).length;

  // ---- the frame, built once; its parts are refreshed as decisions come back
  const head = h('header', { class: 'review-head' });
  const filters = h('div', { class: 'filters' });
  const listEl = h('ul', { class: 'rowlist', role: 'list' });
  const listPane = h('nav', { class: 'rowlist-pane', 'aria-label': t('question') }, listEl);
  const detail = h('section', { class: 'detail', 'aria-label': t('proposal') });

  async function load() {
    try {
      const [job, items] = await Promise.all([api('GET', base), api('GET', '/v1/items')]);
      if (gone) return;
      setJob(job);
      state.items = new Map(items.map((i) => [i.no, i]));
      // The title carries the most weight; answers and descriptions catch what people remember of them.
      state.fuse = new Fuse(items, {
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
      document.title = `${job.filename} · qmap`;
      fill(
        main,
        h(
          'div',
          { class: 'page page-review' },
          head,
          job.notes?.length ? h('div', { class: 'alert alert-info notes' }, h('strong', null, t('notes')), ' ', job.notes.join(' ')) : null,
          filters,
          h('div', { class: 'review-body' }, listPane, detail),
        ),
      );
      // A sheet the job does not have (an old address) shows them all.
      if (!job.rows.some((r) => r.sheet === state.sheet)) state.sheet = '';
      applyFilters();
      listEl.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
      // Start where the work is (or was): on that row, so j/k, a and screen readers begin there.
      listEl.querySelector('[aria-current="true"]')?.focus();
    } catch (error) {
      if (gone) return;
      fill(main, h('div', { class: 'page' }, h('p', { class: 'alert alert-error', role: 'alert' }, messageOf(error)), h('a', { href: '#/' }, `← ${t('backToJobs')}`)));
    }
  }

  function renderHead() {
    const total = state.job.rows.length;
    const done = count('confirmed');
    const auto = state.job.rows.filter((r) => r.status === 'auto');
    const dl = h('button', { type: 'button', class: 'primary', id: 'download' }, t('download'));
    dl.addEventListener('click', async () => {
      dl.disabled = true;
      fill(dl, t('downloading'));
      try {
        await download(jobId, state.job.filename);
      } catch (error) {
        toast(messageOf(error), 'error');
      } finally {
        dl.disabled = false;
        fill(dl, t('download'));
      }
    });
    const confirmAuto = auto.length
      ? h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              if (!confirm(t('confirmAutoAsk', { n: auto.length }))) return;
              try {
                const res = await api('POST', `${base}/rows:confirm`, { rowIds: auto.map((r) => r.id) });
                setJob(await api('GET', base));
                toast(t('confirmedN', { n: res.confirmed }));
                refreshAll();
              } catch (error) {
                toast(messageOf(error), 'error');
              }
            },
          },
          t('confirmAuto', { n: auto.length }),
        )
      : null;
    fill(
      head,
      h('a', { class: 'back', href: '#/' }, `← ${t('backToJobs')}`),
      h('h1', { class: 'review-title', title: state.job.filename }, state.job.filename),
      h(
        'div',
        { class: 'review-progress' },
        h('span', { class: 'review-progress-text', id: 'reviewed' }, t('reviewedOf', { done, total })),
        h('div', { class: 'meter', role: 'progressbar', 'aria-labelledby': 'reviewed', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done }, h('span', { style: { width: `${total ? (done / total) * 100 : 0}%` } })),
      ),
      h('div', { class: 'review-actions' }, confirmAuto, dl),
    );
  }

  function renderFilters() {
    const chip = (value, label, n, help) =>
      h(
        'button',
        {
          type: 'button',
          class: `chip chip-${value}`,
          'data-status': value,
          'aria-pressed': String(state.status === value),
          title: help,
          onclick: () => {
            state.status = value;
            applyFilters();
          },
        },
        label,
        h('span', { class: 'chip-count' }, String(n)),
      );
    const sheets = [...new Set(state.job.rows.map((r) => r.sheet))];
    // The filters are drawn anew: the chip or select that had the focus gets it back, so Tab goes on from there.
    const had = filters.contains(document.activeElement) ? document.activeElement : null;
    const again = had?.dataset.status ? `[data-status="${had.dataset.status}"]` : had?.id ? `#${had.id}` : null;
    fill(
      filters,
      h(
        'div',
        { class: 'chips', role: 'group', 'aria-label': t('filterStatus') },
        chip('all', t('statusAll'), state.job.rows.length),
        STATUSES.map((s) => chip(s, t(`status_${s}`), count(s), t(`statusHelp_${s}`))),
      ),
      sheets.length > 1
        ? h(
            'label',
            { class: 'sheet-filter' },
            h('span', null, t('filterSheet')),
            h(
              'select',
              {
                id: 'sheet-filter',
                onchange: (e) => {
                  state.sheet = e.target.value;
                  applyFilters();
                },
              },
              h('option', { value: '', selected: state.sheet === '' }, t('allSheets')),
              sheets.map((s) => h('option', { value: s, selected: state.sheet === s }, s)),
            ),
          )
        : null,
      h('p', { class: 'shortcuts', 'aria-hidden': 'true' }, t('shortcuts')),
    );
    if (again) filters.querySelector(again)?.focus();
  }

  /** Filters and sorts once; decisions then update rows in place so the list does not jump under the reader. */
  function applyFilters() {
    const order = new Map(state.job.rows.map((r, i) => [r.id, i]));
    state.visible = state.job.rows
      .filter((r) => (state.status === 'all' || r.status === state.status) && (!state.sheet || r.sheet === state.sheet))
      .sort((a, b) => PRIORITY[a.status] - PRIORITY[b.status] || order.get(a.id) - order.get(b.id))
      .map((r) => r.id);
    if (!state.visible.includes(state.selected)) state.selected = state.visible[0] ?? null;
    keepPlace();
    refreshAll();
  }

  function refreshAll() {
    renderHead();
    renderFilters();
    fill(listEl, state.visible.length ? state.visible.map((id) => listItem(byId(id))) : h('li', { class: 'empty' }, t('noRows')));
    renderDetail();
  }

  function listItem(row) {
    const current = row.id === state.selected;
    return h(
      'li',
      { 'data-id': row.id },
      h(
        'button',
        { type: 'button', class: `row-item status-${row.status}`, 'aria-current': current ? 'true' : false, onclick: () => select(row.id) },
        h('span', { class: 'row-top' }, badge(row.status), h('span', { class: 'row-ref' }, rowRef(row))),
        h('span', { class: 'row-q' }, row.question),
        row.match
          ? h('span', { class: 'row-match' }, h('span', { class: 'row-match-title' }, `No.${row.match.itemNo} ${row.match.title}`), row.status !== 'confirmed' ? scoreBar(row.proposal.score, t('score'), row.status) : null)
          : h('span', { class: 'row-match none' }, row.answer ? t('customAnswer') : t('noItem')),
      ),
    );
  }

  function refreshItem(row) {
    const li = listEl.querySelector(`li[data-id="${CSS.escape(row.id)}"]`);
    li?.replaceWith(listItem(row));
  }

  function select(id, { focusList = false } = {}) {
    const before = state.selected;
    state.selected = id;
    state.editing = false;
    keepPlace();
    for (const other of [before, id]) {
      const row = other && byId(other);
      if (row) refreshItem(row);
    }
    const button = listEl.querySelector(`li[data-id="${CSS.escape(id)}"] button`);
    button?.scrollIntoView({ block: 'nearest' });
    if (focusList) button?.focus();
    renderDetail();
  }

  function move(step) {
    if (!state.visible.length) return;
    const at = state.visible.indexOf(state.selected);
    const next = Math.min(state.visible.length - 1, Math.max(0, at + step));
    select(state.visible[next], { focusList: true });
  }

  // ---- decisions
  async function decide(row, body, message) {
    if (state.busy) return;
    state.busy = true;
    detail.setAttribute('aria-busy', 'true');
    try {
      const updated = await api('PATCH', `${base}/rows/${encodeURIComponent(row.id)}`, body);
      if (gone) return;
      state.job.rows = state.job.rows.map((r) => (r.id === updated.id ? updated : r));
      index.set(updated.id, updated);
      toast(message(updated));
      renderHead();
      renderFilters();
      refreshItem(updated);
      // The focus follows the selection to the next open row (the pane it was in is drawn anew).
      const next = nextOpen(updated.id);
      if (next) select(next, { focusList: true });
      else {
        renderDetail();
        listEl.querySelector('[aria-current="true"]')?.focus();
      }
    } catch (error) {
      toast(messageOf(error), 'error');
    } finally {
      state.busy = false;
      detail.removeAttribute('aria-busy');
    }
  }

  /** The next row after this one that nobody has confirmed yet, wrapping around once. */
  function nextOpen(id) {
    const at = state.visible.indexOf(id);
    const ring = [...state.visible.slice(at + 1), ...state.visible.slice(0, Math.max(0, at))];
    return ring.find((other) => byId(other).status !== 'confirmed') ?? null;
  }

  const ref = (row) => `${row.sheet}!${row.answerCell ?? row.row}`;
  const accept = (row) => decide(row, { status: 'confirmed' }, () => t('acceptedToast', { row: ref(row) }));
  const choose = (row, no) => decide(row, { itemNo: no }, () => t('chosenToast', { row: ref(row), no, title: state.items.get(no)?.title ?? '' }));
  const addItem = (row, no) => decide(row, { itemNos: [...row.itemNos, no] }, (r) => t('addedToast', { row: ref(row), nos: r.itemNos.map((n) => `No.${n}`).join(' + ') }));
  const leaveEmpty = (row) => decide(row, { itemNo: null }, () => t('emptiedToast', { row: ref(row) }));
  // An empty answer is a decision too: the row is confirmed and its cell left blank, and the toast says so.
  const saveAnswer = (row, answer, choice) =>
    decide(row, { answer, choice: choice || null }, () => t(answer.trim() ? 'savedToast' : 'savedBlankToast', { row: ref(row) }));

  // ---- the detail pane
  function renderDetail() {
    const row = selectedRow();
    if (!row) {
      fill(detail, h('p', { class: 'empty' }, t('noRows')));
      return;
    }
    const item = row.match ? state.items.get(row.match.itemNo) : null;
    const editor = answerEditor(row);
    editor.hidden = !state.editing;

    const questionCard = h(
      'div',
      { class: 'card question-card' },
      h(
        'div',
        { class: 'meta' },
        badge(row.status),
        h('span', null, t('rowN', { sheet: row.sheet, row: row.row })),
        row.number ? h('span', null, `No. ${row.number}`) : null,
        row.answerCell ? h('span', null, `${t('cell')} ${row.answerCell}`) : null,
      ),
      row.section ? h('p', { class: 'section-name' }, h('span', { class: 'sr-only' }, `${t('section')}: `), row.section) : null,
      h('h2', { class: 'sr-only' }, t('question')),
      h('p', { class: 'question', id: 'question-text' }, row.question),
      row.existingAnswer || row.existingChoice
        ? h('div', { class: 'alert alert-warn existing' }, h('strong', null, t('existing')), h('p', null, [row.existingChoice, row.existingAnswer].filter(Boolean).join(' / ')))
        : null,
    );

    const proposal = h(
      'div',
      { class: 'card proposal-card' },
      h('h2', { class: 'card-title' }, row.status === 'confirmed' ? t('chosenItem') : t('proposal')),
      row.match
        ? h(
            'div',
            { class: 'item-head' },
            h('span', { class: 'item-no' }, `No.${row.match.itemNo}`),
            h('span', { class: 'item-title', id: 'item-title' }, row.match.title),
            row.itemNos.slice(1).map((n) => h('span', { class: 'item-extra' }, `+ No.${n} ${state.items.get(n)?.title ?? ''}`)),
            item ? h('span', { class: 'item-category' }, item.category) : null,
          )
        : h('p', { class: 'muted' }, row.proposal.source === 'library' && row.answer ? t('sourceLibrary') : t('noProposal')),
      // Score and terms describe what the matcher proposed; once a reviewer picked another item they no longer apply.
      row.match && row.proposal.itemNos[0] === row.match.itemNo
        ? h(
            'div',
            { class: 'evidence' },
            scoreBar(row.proposal.score, t('score'), row.status === 'confirmed' ? 'neutral' : row.status),
            row.proposal.terms.length
              ? h('span', { class: 'terms' }, h('span', { class: 'sr-only' }, `${t('terms')}: `), row.proposal.terms.map((term) => h('span', { class: 'term' }, term)))
              : null,
          )
        : null,
      row.proposal.reasons.length ? h('details', { class: 'reasons' }, h('summary', null, t('reasons')), h('ul', null, row.proposal.reasons.map((r) => h('li', null, r)))) : null,
      h('h3', { class: 'card-subtitle' }, t('answerToWrite'), row.answerCell ? h('span', { class: 'muted' }, ` (${row.answerCell})`) : null),
      h('div', { class: `answer ${row.answer ? '' : 'answer-empty'}`, id: 'answer-text' }, row.answer || t('emptyAnswer')),
      row.choice ? h('p', { class: 'choice' }, `${t('choiceToWrite')}: `, h('strong', null, row.choice), row.choiceCell ? ` (${row.choiceCell})` : '') : null,
      row.status === 'confirmed' && row.decidedBy ? h('p', { class: 'decided muted small' }, t('decidedBy', { who: who(row.decidedBy), when: formatDate(row.decidedAt) })) : null,
      h(
        'div',
        { class: 'decide' },
        h('button', { type: 'button', class: 'primary', id: 'accept', onclick: () => accept(row) }, t('accept'), h('kbd', null, 'a')),
        h(
          'button',
          {
            type: 'button',
            id: 'edit',
            'aria-expanded': String(state.editing),
            'aria-controls': 'editor',
            onclick: (e) => {
              state.editing = !state.editing;
              editor.hidden = !state.editing;
              e.currentTarget.setAttribute('aria-expanded', String(state.editing));
              if (state.editing) editor.querySelector('textarea').focus();
            },
          },
          t('edit'),
          h('kbd', null, 'e'),
        ),
        h('button', { type: 'button', class: 'ghost', onclick: () => leaveEmpty(row) }, t('leaveEmpty')),
      ),
      editor,
    );

    // Wide: the question and the ways to pick another item on the left, the proposal beside them.
    // Narrow: one column, proposal right after the question (see styles.css).
    fill(
      detail,
      h('div', { class: 'detail-grid' }, h('div', { class: 'detail-col' }, questionCard, alternativesCard(row), searchCard(row)), h('div', { class: 'detail-col detail-side' }, proposal)),
    );
  }

  function alternativesCard(row) {
    return h(
      'div',
      { class: 'card alternatives-card' },
      h('h2', { class: 'card-title' }, t('alternatives')),
      row.alternatives.length
        ? h(
            'ol',
            { class: 'options' },
            row.alternatives.map((alt, i) =>
              h(
                'li',
                { class: 'option-row' },
                h(
                  'button',
                  { type: 'button', class: 'option', onclick: () => choose(row, alt.itemNo) },
                  h('kbd', null, String(i + 1)),
                  h('span', { class: 'option-body' }, h('span', { class: 'option-title' }, `No.${alt.itemNo} ${alt.title}`), h('span', { class: 'option-answer' }, state.items.get(alt.itemNo)?.answer ?? '')),
                  scoreBar(alt.score, t('score')),
                ),
                addButton(row, alt.itemNo),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('noAlternatives')),
    );
  }

  function searchCard(row) {
    const results = h('ul', { class: 'options', id: 'search-results', 'aria-live': 'polite' });
    const input = h('input', { type: 'search', id: 'item-search', autocomplete: 'off', placeholder: t('searchPlaceholder'), 'aria-controls': 'search-results' });
    const found = () => {
      // NFKC: 「２８」 or 「Ｎｏ．２８」 typed with the Japanese input method on is No.28 too.
      const q = input.value.normalize('NFKC').trim();
      if (!q) return [];
      const exact = /^(?:no\.?\s*)?(\d{1,2})$/i.exec(q);
      const byNo = exact ? state.items.get(Number(exact[1])) : undefined;
      const hits = state.fuse.search(q, { limit: 8 }).map((r) => r.item);
      return byNo ? [byNo, ...hits.filter((i) => i.no !== byNo.no)] : hits;
    };
    const show = () => {
      const items = found();
      fill(
        results,
        input.value.trim() && !items.length ? h('li', { class: 'muted' }, t('searchNone')) : null,
        items.map((item) =>
          h(
            'li',
            { class: 'option-row' },
            h(
              'button',
              { type: 'button', class: 'option', 'data-no': item.no, onclick: () => choose(row, item.no) },
              h('span', { class: 'option-no' }, `No.${item.no}`),
              h('span', { class: 'option-body' }, h('span', { class: 'option-title' }, item.title, h('span', { class: 'item-category' }, item.category)), h('span', { class: 'option-answer' }, item.answer)),
            ),
            addButton(row, item.no),
          ),
        ),
      );
    };
    input.addEventListener('input', show);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = found()[0];
        if (first) choose(row, first.no);
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        results.querySelector('button')?.focus();
      }
    });
    results.addEventListener('keydown', (e) => {
      const buttons = [...results.querySelectorAll('button')];
      const at = buttons.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && at >= 0) (buttons[at + 1] ?? buttons[at]).focus();
      else if (e.key === 'ArrowUp' && at >= 0) (at === 0 ? input : buttons[at - 1]).focus();
      else return;
      e.preventDefault();
    });
    return h('div', { class: 'card search-card' }, h('label', { class: 'card-title', for: 'item-search' }, t('search'), h('kbd', null, '/')), input, results);
  }

  /** Questions with two topics need two items: "+" answers with this item as well as the current ones. */
  function addButton(row, no) {
    if (!row.itemNos.length || row.itemNos.includes(no) || row.itemNos.length >= 5) return null;
    const title = state.items.get(no)?.title ?? '';
    return h(
      'button',
      { type: 'button', class: 'option-add', 'data-add': no, 'aria-label': t('addItem', { no, title }), title: t('addItem', { no, title }), onclick: () => addItem(row, no) },
      '+',
    );
  }

  function answerEditor(row) {
    // The server's limit (MAX_ANSWER), so a long paste is cut here rather than refused on save.
    const text = h('textarea', { id: 'custom-answer', rows: 5, maxlength: 20000, value: row.answer ?? '' });
    const choice = row.choices?.length
      ? h('select', { id: 'custom-choice' }, h('option', { value: '' }, t('noChoice')), row.choices.map((c) => h('option', { value: c, selected: c === row.choice }, c)))
      : null;
    const save = () => saveAnswer(row, text.value, choice?.value ?? null);
    const cancel = () => {
      state.editing = false;
      renderDetail();
      document.getElementById('edit')?.focus();
    };
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      if (e.key === 'Escape') cancel();
    });
    return h(
      'form',
      {
        class: 'editor',
        id: 'editor',
        onsubmit: (e) => {
          e.preventDefault();
          save();
        },
      },
      h('label', { for: 'custom-answer', class: 'field-label' }, t('customAnswer')),
      text,
      choice ? h('label', { class: 'field-label', for: 'custom-choice' }, t('choiceLabel', { cell: row.choiceCell })) : null,
      choice,
      h('p', { class: 'muted small' }, t('customHelp')),
      h('div', { class: 'decide' }, h('button', { type: 'submit', class: 'primary' }, t('saveAnswer')), h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('cancel'))),
    );
  }

  // ---- keyboard: j/k move, a accept, 1–3 alternatives, / search, e edit; Escape leaves a field
  document.addEventListener(
    'keydown',
    (e) => {
      if (!state.job || e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e)) {
        if (e.key === 'Escape' && e.target.id === 'item-search') {
          e.target.blur();
          listEl.querySelector('[aria-current="true"]')?.focus();
        }
        return;
      }
      const row = selectedRow();
      const act = {
        j: () => move(1),
        k: () => move(-1),
        a: () => row && accept(row),
        e: () => row && document.getElementById('edit')?.click(),
        '/': () => document.getElementById('item-search')?.focus(),
        1: () => row?.alternatives[0] && choose(row, row.alternatives[0].itemNo),
        2: () => row?.alternatives[1] && choose(row, row.alternatives[1].itemNo),
        3: () => row?.alternatives[2] && choose(row, row.alternatives[2].itemNo),
      }[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    },
    { signal: keys.signal },
  );

  load();
  return () => {
    gone = true;
    keys.abort();
  };
}

function badge(status) {
  return h('span', { class: `badge badge-${status}` }, t(`status_${status}`));
}

const rowRef = (row) => `${row.sheet} · ${row.answerCell ?? row.row}`;
