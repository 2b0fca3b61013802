// The review screen's keyboard: j/k move, a accept, 1–3 take an alternative, / search, e edit; Escape leaves the
// search for the row list. Keys typed into a field, or with Ctrl, ⌘ or Alt, are left to the field and the browser.
import { typing } from '../ui.js';
import { offered } from './state.js';

/** Listens until signal aborts. */
export function listenKeys(state, actions, signal) {
  const alternative = (n) => () => {
    const row = state.current;
    const alt = row && offered(row)[n];
    if (alt) actions.choose(row, alt.itemNo);
  };
  const withRow = (act) => () => state.current && act(state.current);
  const shortcuts = {
    j: () => actions.move(1),
    k: () => actions.move(-1),
    a: withRow(actions.accept),
    e: withRow(actions.toggleEditor),
    '/': actions.focusSearch,
    1: alternative(0),
    2: alternative(1),
    3: alternative(2),
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (!state.job || e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e)) {
        if (e.key === 'Escape' && e.target.id === 'item-search') actions.leaveSearch(e.target);
        return;
      }
      const act = shortcuts[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    },
    { signal },
  );
}
