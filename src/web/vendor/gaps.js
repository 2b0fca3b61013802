// #/gaps: the questions most often left unanswered, grouped by wording; an admin writes a library answer for a
// group in place (its wordings become the answer's question forms), proposed from the next questionnaire on.
import { vendor } from '../api.js';
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { toast } from '../ui.js';
import { errorBox, showError, vendorPage } from './common.js';

export function gapsScreen(main, { admin }) {
  const page = vendorPage(main, { title: t('gapsTitle'), lead: t('gapsLead'), className: 'page-gaps' }, async () => {
    const gaps = await vendor.gaps();
    if (!gaps.length) return h('p', { class: 'empty' }, t('noGaps'));
    return [admin ? null : h('p', { class: 'muted small' }, t('readOnly')), h('ol', { class: 'gaps' }, gaps.map((g, i) => h('li', null, gapCard(g, i, admin))))];
  });
  return page.leave;
}

function gapCard(gap, i, admin) {
  const id = `gap-${i}`;
  const action = h('div', { class: 'gap-action' });
  const open = () => fill(action, answerForm(gap, i, done, closed));
  const closed = () => {
    fill(action, h('button', { type: 'button', class: 'primary', 'aria-describedby': id, onclick: open }, t('writeAnswer')));
  };
  const done = () => fill(action, h('p', { class: 'gap-done' }, '✓ ', t('gapAnswered'), ' · ', h('a', { href: '#/library' }, t('navLibrary'))));
  if (admin) closed();
  return h(
    'article',
    { class: 'card gap' },
    h('div', { class: 'gap-head' }, h('h2', { class: 'gap-question', id }, gap.question), h('span', { class: 'gap-count' }, t('gapCount', gap))),
    gap.examples.length > 1
      ? h('details', { class: 'forms' }, h('summary', null, `${t('examples')} (${gap.examples.length})`), h('ul', null, gap.examples.map((q) => h('li', null, q))))
      : null,
    action,
  );
}

function answerForm(gap, i, done, cancel) {
  const answer = h('textarea', { id: `gap-answer-${i}`, rows: 4, maxlength: 20000, required: true });
  const choice = h('input', { type: 'text', id: `gap-choice-${i}`, maxlength: 200, autocomplete: 'off' });
  const error = errorBox();
  const form = h(
    'form',
    {
      class: 'editor',
      'aria-label': t('writeAnswerFor', { question: gap.question }),
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await vendor.writeLibrary(gap.examples.length ? gap.examples : [gap.question], answer.value, choice.value.trim() || null);
          toast(t('gapSaved'));
          done();
        } catch (err) {
          showError(error, err);
        }
      },
    },
    error,
    h('label', { class: 'field-label', for: answer.id }, t('gapAnswer')),
    answer,
    h('label', { class: 'field-label', for: choice.id }, t('gapChoice')),
    choice,
    h('div', { class: 'decide' }, h('button', { type: 'submit', class: 'primary' }, t('gapSave')), h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('cancel'))),
  );
  queueMicrotask(() => answer.focus());
  return form;
}
