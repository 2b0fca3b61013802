// The selected row in detail: the question as the customer wrote it, the proposed item with its evidence and the
// answer to write, the decisions, the alternatives and the item search.
// Wide: the question and the ways to pick another item on the left, the proposal beside them.
// Narrow: one column, the proposal right after the question (see styles.css).
import { h, fill, scoreBar } from '../dom.js';
import { formatDate, itemLabel, say, t } from '../i18n.js';
import { who } from '../jobs.js';
import { answerEditor } from './editor.js';
import { addButton, badge } from './render.js';
import { offered } from './state.js';
import { searchCard } from './search.js';

export function renderDetail(el, state, actions) {
  const row = state.current;
  if (!row) {
    fill(el, h('p', { class: 'empty' }, t('noRows')));
    return;
  }
  fill(
    el,
    h(
      'div',
      { class: 'detail-grid' },
      h('div', { class: 'detail-col' }, questionCard(row), alternativesCard(row, state, actions), searchCard(row, state.find, actions)),
      h('div', { class: 'detail-col detail-side' }, proposalCard(row, state, actions)),
    ),
  );
}

function questionCard(row) {
  return h(
    'div',
    { class: 'card question-card' },
    h(
      'div',
      { class: 'meta' },
      badge(row.status),
      h('span', null, t('rowN', { sheet: row.sheet, row: row.row })),
      row.number ? h('span', null, t('questionNo', { n: row.number })) : null,
      row.answerCell ? h('span', null, `${t('cell')} ${row.answerCell}`) : null,
    ),
    row.section ? h('p', { class: 'section-name' }, h('span', { class: 'sr-only' }, `${t('section')}: `), row.section) : null,
    h('h2', { class: 'sr-only' }, t('question')),
    h('p', { class: 'question', id: 'question-text' }, row.question),
    row.existingAnswer || row.existingChoice
      ? h('div', { class: 'alert alert-warn existing' }, h('strong', null, t('existing')), h('p', null, [row.existingChoice, row.existingAnswer].filter(Boolean).join(' / ')))
      : null,
  );
}

function proposalCard(row, state, actions) {
  const editor = answerEditor(row, { onSave: (answer, choice) => actions.saveAnswer(row, answer, choice), onCancel: actions.closeEditor });
  editor.hidden = !state.editing;
  return h(
    'div',
    { class: 'card proposal-card' },
    h('h2', { class: 'card-title' }, row.status === 'confirmed' ? t('chosenItem') : t('proposal')),
    ...(outranked(row) ? [reasons(row), proposedItem(row, state), evidence(row)] : [proposedItem(row, state), evidence(row), reasons(row)]),
    h('h3', { class: 'card-subtitle' }, t('answerToWrite'), row.answerCell ? h('span', { class: 'muted' }, ` (${row.answerCell})`) : null),
    h('div', { class: `answer ${row.answer ? '' : 'answer-empty'}`, id: 'answer-text' }, row.answer || t('emptyAnswer')),
    choicePicker(row, state.editing, actions),
    row.status === 'confirmed' && row.decidedBy ? h('p', { class: 'decided muted small' }, t('decidedBy', { who: who(row.decidedBy), when: formatDate(row.decidedAt) })) : null,
    h(
      'div',
      { class: 'decide' },
      h('button', { type: 'button', class: 'primary', id: 'accept', onclick: () => actions.accept(row) }, t('accept'), h('kbd', null, 'a')),
      h('button', { type: 'button', id: 'edit', 'aria-expanded': String(state.editing), 'aria-controls': 'editor', onclick: actions.toggleEditor }, t('edit'), h('kbd', null, 'e')),
      h('button', { type: 'button', class: 'ghost', onclick: () => actions.leaveEmpty(row) }, t('leaveEmpty')),
    ),
    editor,
  );
}

function proposedItem(row, state) {
  if (!row.match) return h('p', { class: 'muted' }, row.proposal.source === 'library' && row.answer ? t('sourceLibrary') : t('noProposal'));
  const item = state.items.get(row.match.itemNo);
  return h(
    'div',
    { class: 'item-head' },
    h('span', { class: 'item-no' }, itemLabel(row.match.itemNo)),
    h('span', { class: 'item-title', id: 'item-title' }, row.match.title),
    row.itemNos.slice(1).map((n) => h('span', { class: 'item-extra' }, `+ ${itemLabel(n)} ${state.items.get(n)?.title ?? ''}`)),
    item ? h('span', { class: 'item-category' }, item.category) : null,
  );
}

/**
 * Why the matcher decided as it did. Folded away as a rule; open, and first, when an alternative scores higher than
 * the proposal, so the reviewer reads why before the numbers.
 */
function reasons(row) {
  if (!row.proposal.reasons.length) return null;
  return h('details', { class: 'reasons', open: outranked(row) }, h('summary', null, t('reasons')), h('ul', null, row.proposal.reasons.map((r) => h('li', null, say(r)))));
}

const outranked = (row) => row.status !== 'confirmed' && row.match !== null && row.alternatives.some((a) => a.score > row.proposal.score);

/**
 * The customer's allowed values for the row's choice column: picking one keeps the row's item and answer.
 * Hidden while the editor is open (see showEditor): the editor's own choice goes with the typed answer.
 */
function choicePicker(row, editing, actions) {
  if (!row.choices?.length) return row.choice ? h('p', { class: 'choice' }, `${t('choiceToWrite')}: `, h('strong', null, row.choice)) : null;
  const id = 'row-choice';
  return h(
    'p',
    { class: 'choice', hidden: editing },
    h('label', { for: id }, row.choiceCell ? t('choiceLabel', { cell: row.choiceCell }) : t('choiceToWrite')),
    ' ',
    h(
      'select',
      { id, onchange: (e) => actions.setChoice(row, e.target.value || null) },
      h('option', { value: '', selected: !row.choice }, t('noChoice')),
      row.choices.map((c) => h('option', { value: c, selected: c === row.choice }, c)),
    ),
  );
}

/** Score and terms describe what the matcher proposed; once a reviewer picked another item they no longer apply. */
function evidence(row) {
  if (!row.match || row.proposal.itemNos[0] !== row.match.itemNo) return null;
  return h(
    'div',
    { class: 'evidence' },
    scoreBar(row.proposal.score, t('score'), row.status === 'confirmed' ? 'neutral' : row.status),
    row.proposal.terms.length
      ? h('span', { class: 'terms' }, h('span', { class: 'sr-only' }, `${t('terms')}: `), row.proposal.terms.map((term) => h('span', { class: 'term' }, term)))
      : null,
  );
}

function alternativesCard(row, state, actions) {
  return h(
    'div',
    { class: 'card alternatives-card' },
    h('h2', { class: 'card-title' }, t('alternatives')),
    offered(row).length
      ? h('ol', { class: 'options' }, offered(row).map((alt, i) => alternative(row, alt, i, state, actions)))
      : h('p', { class: 'muted' }, t('noAlternatives')),
  );
}

function alternative(row, alt, i, state, actions) {
  const item = state.items.get(alt.itemNo);
  return h(
    'li',
    { class: 'option-row' },
    h(
      'button',
      { type: 'button', class: 'option', onclick: () => actions.choose(row, alt.itemNo) },
      h('kbd', null, String(i + 1)),
      h('span', { class: 'option-body' }, h('span', { class: 'option-title' }, `${itemLabel(alt.itemNo)} ${alt.title}`), h('span', { class: 'option-answer' }, item?.answer ?? '')),
      scoreBar(alt.score, t('score')),
    ),
    addButton(row, item ?? { no: alt.itemNo }, actions),
  );
}
