// The review screen: rows needing review first, the question beside the proposed item and its answer,
// alternatives one click (or key) away, a fuzzy search over the 49 items, a custom-answer editor.
// The parts: review/state.js (what the screen knows), review/render.js and review/detail.js (DOM from the state),
// review/keys.js (shortcuts), review/editor.js; here, loading and the reviewer's actions.
import { listItems, questionnaire } from './api.js';
import { h, fill } from './dom.js';
import { itemLabel, t } from './i18n.js';
import { messageOf, toast } from './ui.js';
import { renderDetail } from './review/detail.js';
import { editorChanged, showEditor } from './review/editor.js';
import { listenKeys } from './review/keys.js';
import { currentListItem, frame, refreshListItem, renderFilters, renderHead, renderList, reviewPage } from './review/render.js';
import { itemFinder } from './review/search.js';
import { ReviewState } from './review/state.js';

/** place: the address's query (status, sheet and row), where the reviewer was. Returns the screen's clean-up. */
export function reviewScreen(main, jobId, place = new URLSearchParams()) {
  const server = questionnaire(jobId);
  const state = new ReviewState(jobId, place);
  const view = frame();
  const keys = new AbortController();
  let gone = false;

  // Replaces the address (no new history entry, no hashchange): the back button still leaves the review.
  const keepPlace = () => history.replaceState(null, '', state.address());
  const refreshItem = (row) => refreshListItem(view.list, row, state, actions);
  const focusCurrent = () => currentListItem(view.list)?.focus();

  function refreshAll() {
    renderHead(view.head, state, actions);
    renderFilters(view.filters, state, actions);
    renderList(view.list, state, actions);
    renderDetail(view.detail, state, actions);
  }

  function applyFilters() {
    state.applyFilters();
    keepPlace();
    refreshAll();
  }

  /** Typed words are not thrown away unasked: true when the editor holds nothing unsaved or the reviewer lets it go. */
  function mayLeaveEditor() {
    if (!editorChanged() || confirm(t('discardAsk'))) return true;
    state.editing = true;
    showEditor(true);
    return false;
  }

  /** settled: the editor's words were just saved (or let go), so leaving them needs no question. */
  function select(id, { focusList = false, settled = false } = {}) {
    if (!settled && !mayLeaveEditor()) return;
    const before = state.selected;
    state.selected = id;
    state.editing = false;
    keepPlace();
    for (const other of [before, id]) {
      const row = other && state.row(other);
      if (row) refreshItem(row);
    }
    const button = currentListItem(view.list);
    button?.scrollIntoView({ block: 'nearest' });
    if (focusList) button?.focus();
    renderDetail(view.detail, state, actions);
  }

  /**
   * Sends one row's decision; the list updates in place and the focus follows the selection to the next open row.
   * stay: the reviewer is still working on this row (a choice set), so it stays selected, with the focus on `stay`.
   * fromEditor: the decision is the editor's own save; any other one first asks before dropping typed words.
   */
  async function decide(row, body, message, { stay = null, fromEditor = false } = {}) {
    if (state.busy || (!fromEditor && !mayLeaveEditor())) return;
    state.busy = true;
    view.detail.setAttribute('aria-busy', 'true');
    try {
      const updated = await server.decide(row.id, body, row.version);
      if (gone) return;
      state.replaceRow(updated);
      state.editing = false;
      toast(message(updated));
      renderHead(view.head, state, actions);
      renderFilters(view.filters, state, actions);
      refreshItem(updated);
      const next = stay ? null : state.nextOpen(updated.id);
      if (next) select(next, { focusList: true, settled: true });
      else {
        renderDetail(view.detail, state, actions);
        (document.getElementById(stay ?? '') ?? currentListItem(view.list))?.focus();
      }
    } catch (error) {
      if (error.code === 'precondition_failed' && !gone) await changedMeanwhile(row);
      else toast(messageOf(error), 'error');
    } finally {
      state.busy = false;
      view.detail.removeAttribute('aria-busy');
    }
  }

  /** Someone else decided the row first: say so, show the row as it is now, and stay on it. */
  async function changedMeanwhile(row) {
    toast(t('changedMeanwhile', { row: ref(row) }), 'error');
    const now = await server.row(row.id).catch(() => null);
    if (gone || !now) return;
    state.replaceRow(now);
    renderHead(view.head, state, actions);
    renderFilters(view.filters, state, actions);
    refreshItem(now);
    select(now.id, { focusList: true });
  }

  /**
   * The final copy leaves rows nobody decided blank, and writes automatic answers nobody confirmed as they are:
   * say how many of each before it is made. The blank ones are what the server counts in x-qmap-unreviewed.
   */
  async function downloadFinal() {
    const blank = state.count('review') + state.count('unmatched');
    const auto = state.count('auto');
    const ask = [blank && t('finalAskBlank', { n: blank }), auto && t('finalAskAuto', { n: auto }), t('finalAskGo')].filter(Boolean).join('\n');
    if ((blank || auto) && !confirm(ask)) return;
    const left = await server.download(state.job.filename, 'final');
    toast(left ? t('finalDoneBlank', { n: left }) : t('finalDone'));
  }

  const ref = (row) => `${row.sheet}!${row.answerCell ?? row.row}`;
  /** PATCH {choice} keeps the answer and confirms the row (services/review.ts): the toast says what came back. */
  const choiceMessage = (row, choice) => (updated) =>
    t(`${choice ? 'choice' : 'choiceCleared'}${updated.status === 'confirmed' ? 'Confirmed' : ''}Toast`, { row: ref(row), choice });
  const actions = {
    select: (id) => select(id),
    move: (step) => {
      const id = state.neighbour(step);
      if (id) select(id, { focusList: true });
    },
    filter: ({ status = state.status, sheet = state.sheet }) => {
      if (!mayLeaveEditor()) return;
      state.editing = false;
      Object.assign(state, { status, sheet });
      applyFilters();
    },
    accept: (row) => decide(row, { status: 'confirmed' }, () => t('acceptedToast', { row: ref(row) })),
    choose: (row, no) => decide(row, { itemNo: no }, () => t('chosenToast', { row: ref(row), item: itemLabel(no), title: state.items.get(no)?.title ?? '' })),
    addItem: (row, no) => decide(row, { itemNos: [...row.itemNos, no] }, (r) => t('addedToast', { row: ref(row), nos: r.itemNos.map(itemLabel).join(' + ') })),
    leaveEmpty: (row) => decide(row, { itemNo: null }, () => t('emptiedToast', { row: ref(row) })),
    // An empty answer is a decision too: the row is confirmed and its cell left blank, and the toast says so.
    // The answer as it was: only the choice changes, and the row keeps its item (or its library answer).
    // Saving is the end of the row's editing either way, so the focus moves on.
    saveAnswer: (row, answer, choice) =>
      row.answer && answer === row.answer
        ? decide(row, { choice: choice ?? '' }, choiceMessage(row, choice), { fromEditor: true })
        : decide(row, { answer, choice }, () => t(answer.trim() ? 'savedToast' : 'savedBlankToast', { row: ref(row) }), { fromEditor: true }),
    // The row's own choice picker: the reviewer is still on this row, so the selection and the focus stay.
    setChoice: (row, choice) => decide(row, { choice: choice ?? '' }, choiceMessage(row, choice), { stay: 'row-choice' }),
    confirmAll: async (rows) => {
      if (!confirm(t('confirmAutoAsk', { n: rows.length }))) return;
      try {
        const res = await server.confirm(rows.map((r) => r.id));
        state.setJob(await server.load());
        toast(t('confirmedN', { n: res.confirmed }));
        refreshAll();
      } catch (error) {
        toast(messageOf(error), 'error');
      }
    },
    download: () => server.download(state.job.filename),
    downloadFinal,
    toggleEditor: () => {
      state.editing = !state.editing;
      showEditor(state.editing);
    },
    closeEditor: () => {
      if (!mayLeaveEditor()) return;
      state.editing = false;
      renderDetail(view.detail, state, actions);
      document.getElementById('edit')?.focus();
    },
    focusSearch: () => document.getElementById('item-search')?.focus(),
    leaveSearch: (input) => {
      input.blur();
      focusCurrent();
    },
  };

  async function load() {
    try {
      const [job, items] = await Promise.all([server.load(), listItems()]);
      if (gone) return;
      state.setJob(job);
      state.setItems(items);
      state.find = itemFinder(items);
      document.title = `${job.filename} · qmap`;
      fill(main, reviewPage(view, job));
      applyFilters();
      // Start where the work is (or was): on that row, so j/k, a and screen readers begin there.
      currentListItem(view.list)?.scrollIntoView({ block: 'nearest' });
      focusCurrent();
    } catch (error) {
      if (gone) return;
      fill(main, h('div', { class: 'page' }, h('p', { class: 'alert alert-error', role: 'alert' }, messageOf(error)), h('a', { href: '#/' }, `← ${t('backToJobs')}`)));
    }
  }

  fill(main, h('div', { class: 'page' }, h('p', { class: 'muted' }, t('loading'))));
  listenKeys(state, actions, keys.signal);
  load();
  return () => {
    gone = true;
    keys.abort();
  };
}
