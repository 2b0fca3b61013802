// The custom-answer editor: the reviewer's own words (and choice) for a row, kept in the answer library.
// Ctrl+Enter (⌘+Enter) saves, Escape cancels.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** The server's limit (MAX_ANSWER): a long paste is cut here rather than refused on save. */
const MAX_ANSWER = 20_000;

/** onSave(answer, choice) with choice null when the row has no choices or none is picked. */
export function answerEditor(row, { onSave, onCancel }) {
  const text = h('textarea', { id: 'custom-answer', rows: 5, maxlength: MAX_ANSWER, value: row.answer ?? '' });
  const choice = row.choices?.length
    ? h('select', { id: 'custom-choice' }, h('option', { value: '' }, t('noChoice')), row.choices.map((c) => h('option', { value: c, selected: c === row.choice }, c)))
    : null;
  // What it opened with, so closing it can tell whether anything typed would be lost (editorChanged).
  text.dataset.original = text.value;
  if (choice) choice.dataset.original = choice.value;
  const save = () => onSave(text.value, choice?.value || null);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
    if (e.key === 'Escape') onCancel();
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
    h('div', { class: 'decide' }, h('button', { type: 'submit', class: 'primary' }, t('saveAnswer')), h('button', { type: 'button', class: 'ghost', onclick: onCancel }, t('cancel'))),
  );
}

/** Whether the editor on screen (open or folded away) holds words or a choice that are not what it opened with. */
export function editorChanged() {
  const fields = [document.getElementById('custom-answer'), document.getElementById('custom-choice')];
  return fields.some((f) => f && f.value !== f.dataset.original);
}

/**
 * Opens or closes the editor where it is (what was typed stays); the edit button tells screen readers.
 * While it is open its own choice is the one: the row's choice picker would save the old answer and drop the typed one.
 */
export function showEditor(open) {
  const editor = document.getElementById('editor');
  if (!editor) return;
  editor.hidden = !open;
  const picker = document.getElementById('row-choice')?.closest('.choice');
  if (picker) picker.hidden = open;
  document.getElementById('edit')?.setAttribute('aria-expanded', String(open));
  if (open) editor.querySelector('textarea').focus();
}
