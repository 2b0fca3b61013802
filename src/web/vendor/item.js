// #/items/<no>: one item — its answers in Japanese and English and its default choice (admins edit them), every
// version with what changed from the one before, and the questions it answered recently.
import { vendor } from '../api.js';
import { h, fill } from '../dom.js';
import { formatDate, itemLabel, t } from '../i18n.js';
import { who } from '../jobs.js';
import { badge } from '../review/render.js';
import { toast } from '../ui.js';
import { errorBox, showError, vendorPage } from './common.js';
import { textDiff } from './diff.js';
import { choiceWord } from './items.js';

const CHOICES = ['yes', 'no', 'partial', 'na'];

export function itemScreen(main, no, { admin }) {
  const page = vendorPage(main, { title: t('itemTitle', { no }), className: 'page-item' }, async () => {
    const [item, versions, questions] = await Promise.all([vendor.item(no), vendor.itemHistory(no), vendor.itemQuestions(no).catch(() => [])]);
    document.title = `${itemLabel(no)} ${item.title} · qmap`;
    fill(document.getElementById('page-title'), `${itemLabel(no)} ${item.title}`);
    return [
      h('p', { class: 'back-line' }, h('a', { class: 'back', href: '#/items' }, `← ${t('backToItems')}`)),
      h('div', { class: 'item-about' }, h('p', { lang: 'en', class: 'muted' }, item.titleEn), h('p', null, h('span', { class: 'item-category' }, item.category), ' ', item.description)),
      h('div', { class: 'vendor-grid' }, h('div', { class: 'vendor-col' }, answersCard(item, admin, page.reload), questionsCard(questions)), historyCard(versions)),
    ];
  });
  return page.leave;
}

/** The answers: a form for admins (only what changed is sent), the same values to read for everyone else. */
function answersCard(item, admin, reload) {
  if (!admin) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'answers-title' },
      h('h2', { class: 'card-title', id: 'answers-title' }, t('colAnswerJa'), h('span', { class: 'muted small' }, t('readOnly'))),
      h('div', { class: 'answer' }, item.answer),
      h('h3', { class: 'card-subtitle' }, t('answerEn')),
      item.answerEn ? h('div', { class: 'answer', lang: 'en' }, item.answerEn) : h('p', { class: 'muted' }, t('noEnglish')),
      h('p', { class: 'choice' }, `${t('colDefault')}: `, h('strong', null, choiceWord(item.defaultChoice))),
    );
  }
  const field = (id, label, control, help) => [h('label', { class: 'field-label', for: id }, label), control, help ? h('p', { class: 'muted small', id: `${id}-help` }, help) : null];
  const ja = h('textarea', { id: 'answer-ja', rows: 7, maxlength: 20000, required: true, value: item.answer });
  const en = h('textarea', { id: 'answer-en', rows: 7, maxlength: 20000, lang: 'en', value: item.answerEn ?? '', 'aria-describedby': 'answer-en-help' });
  const short = h('select', { id: 'short-answer' }, h('option', { value: '' }, t('shortNone')), ['有', '無'].map((v) => h('option', { value: v, selected: v === item.shortAnswer }, v)));
  const choice = h('select', { id: 'default-choice', 'aria-describedby': 'default-choice-help' }, h('option', { value: '' }, t('choice_none')), CHOICES.map((c) => h('option', { value: c, selected: c === item.defaultChoice }, choiceWord(c))));
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('save'));
  const form = h(
    'form',
    {
      class: 'card item-form',
      'aria-labelledby': 'answers-title',
      onsubmit: async (e) => {
        e.preventDefault();
        const change = {};
        if (ja.value.trim() !== item.answer) change.answer = ja.value;
        if ((en.value.trim() || null) !== item.answerEn) change.answerEn = en.value.trim() ? en.value : null;
        if ((short.value || null) !== item.shortAnswer) change.shortAnswer = short.value || null;
        if ((choice.value || null) !== item.defaultChoice) change.defaultChoice = choice.value || null;
        if (!Object.keys(change).length) return toast(t('nothingChanged'));
        submit.disabled = true;
        fill(submit, t('saving'));
        try {
          await vendor.changeItem(item.no, change);
          toast(t('itemSaved', { no: item.no }));
          await reload();
          document.getElementById('answer-ja')?.focus();
        } catch (err) {
          showError(error, err);
          submit.disabled = false;
          fill(submit, t('save'));
        }
      },
    },
    h('h2', { class: 'card-title', id: 'answers-title' }, t('editAnswers')),
    error,
    field('answer-ja', t('answerJa'), ja),
    field('answer-en', t('answerEn'), en, t('answerEnHelp')),
    h('div', { class: 'form-row' }, h('div', null, field('short-answer', t('shortAnswer'), short)), h('div', null, field('default-choice', t('defaultChoice'), choice, t('defaultChoiceHelp')))),
    h('div', { class: 'decide' }, submit),
  );
  return form;
}

/** Every version, newest first, each with what changed from the one before. */
function historyCard(versions) {
  const newestFirst = versions.map((v, i) => ({ v, before: versions[i - 1] })).reverse();
  return h(
    'section',
    { class: 'card history', 'aria-labelledby': 'history-title' },
    h('h2', { class: 'card-title', id: 'history-title' }, t('history')),
    h('p', { class: 'muted small' }, t('historyLead')),
    h('ol', { class: 'versions', reversed: true }, newestFirst.map(({ v, before }) => h('li', { class: 'version' }, versionView(v, before)))),
  );
}

function versionView(v, before) {
  const head = h('p', { class: 'version-head' }, h('strong', null, formatDate(v.changedAt)), ' · ', who(v.changedBy));
  if (!before) return [head, h('p', { class: 'muted small' }, t('firstVersion')), h('div', { class: 'diff' }, v.answer)];
  const fields = [
    [t('shortAnswer'), before.shortAnswer ?? '—', v.shortAnswer ?? '—'],
    [t('colDefault'), choiceWord(before.defaultChoice), choiceWord(v.defaultChoice)],
  ].filter(([, a, b]) => a !== b);
  return [
    head,
    v.answer !== before.answer ? [h('p', { class: 'diff-label' }, t('answerJa')), textDiff(before.answer, v.answer, 'ja')] : null,
    v.answerEn !== before.answerEn ? [h('p', { class: 'diff-label' }, t('answerEn')), textDiff(before.answerEn, v.answerEn, 'en')] : null,
    fields.map(([field, a, b]) => h('p', { class: 'small' }, t('changedField', { field, before: a, after: b }))),
    v.answer === before.answer && v.answerEn === before.answerEn && !fields.length ? h('p', { class: 'muted small' }, t('unchanged')) : null,
  ];
}

function questionsCard(questions) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'questions-title' },
    h('h2', { class: 'card-title', id: 'questions-title' }, t('questionsTitle')),
    questions.length
      ? h(
          'ul',
          { class: 'answered' },
          questions.map((q) =>
            h(
              'li',
              null,
              h('p', { class: 'question-line' }, badge(q.status), ' ', q.question),
              h('p', { class: 'muted small' }, h('a', { href: `#/q/${encodeURIComponent(q.jobId)}` }, q.filename), ` · ${t('rowRef', { sheet: q.sheet, row: q.row })} · ${formatDate(q.at)}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noQuestions')),
  );
}
