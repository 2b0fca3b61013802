// #/library: answers written for questions no item answers — the question forms each covers (learned from a
// questionnaire, or the vendor's own), who wrote it, when it was last used. Admins edit (which makes it the vendor's
// own), merge two and delete (after asking).
import { vendor } from '../api.js';
import { h, fill } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { who } from '../jobs.js';
import { messageOf, toast } from '../ui.js';
import { errorBox, showError, vendorPage } from './common.js';

export function libraryScreen(main, { admin }) {
  const page = vendorPage(main, { title: t('libraryTitle'), lead: t('libraryLead'), className: 'page-library' }, async () => {
    const entries = await vendor.library();
    if (!entries.length) return h('p', { class: 'empty' }, t('noLibrary'), ' ', h('a', { href: '#/gaps' }, t('navGaps')));
    return [admin ? null : h('p', { class: 'muted small' }, t('readOnly')), h('ol', { class: 'entries' }, entries.map((e) => h('li', null, entryCard(e, entries, admin, page.reload))))];
  });
  return page.leave;
}

const firstQuestion = (e) => e.forms[0]?.question ?? e.answer.slice(0, 60);

function entryCard(entry, entries, admin, reload) {
  const id = `entry-${entry.id}`;
  const body = h('div', { class: 'entry-body' });
  const view = () =>
    fill(
      body,
      h('div', { class: 'answer' }, entry.answer),
      entry.choice ? h('p', { class: 'choice' }, `${t('choice')}: `, h('strong', null, entry.choice)) : null,
      admin
        ? h(
            'div',
            { class: 'decide' },
            h('button', { type: 'button', onclick: () => fill(body, editForm(entry, view, reload)), 'aria-label': `${t('edit')}: ${firstQuestion(entry)}` }, t('edit')),
            h('button', { type: 'button', onclick: () => fill(body, mergeForm(entry, entries, view, reload)), 'aria-label': `${t('merge')}: ${firstQuestion(entry)}` }, t('merge')),
            h('button', { type: 'button', class: 'ghost danger', onclick: () => remove(entry, reload), 'aria-label': `${t('remove')}: ${firstQuestion(entry)}` }, t('remove')),
          )
        : null,
    );
  view();
  return h(
    'article',
    { class: 'card entry', 'aria-labelledby': id },
    h('h2', { class: 'entry-title', id }, firstQuestion(entry)),
    h(
      'details',
      { class: 'forms' },
      h('summary', null, t('forms', { n: entry.forms.length })),
      h('ul', null, entry.forms.map((f) => h('li', null, f.question, ' ', h('span', { class: `form-source ${f.jobId ? 'learned' : 'own'}` }, f.jobId ? t('formLearned') : t('formOwn'))))),
    ),
    body,
    h(
      'p',
      { class: 'muted small entry-meta' },
      t('createdBy', { who: who(entry.updatedBy) }),
      ` · ${formatDate(entry.updatedAt)} · `,
      t('lastUsed', { when: entry.lastUsedAt ? formatDate(entry.lastUsedAt) : t('never') }),
      ` · ${t('uses', { n: entry.uses })}`,
    ),
  );
}

function editForm(entry, cancel, reload) {
  const answer = h('textarea', { id: `edit-${entry.id}`, rows: 5, maxlength: 20000, required: true, value: entry.answer, 'aria-describedby': `edit-${entry.id}-note` });
  const choice = h('input', { type: 'text', id: `choice-${entry.id}`, maxlength: 200, value: entry.choice ?? '' });
  const error = errorBox();
  return h(
    'form',
    {
      class: 'editor',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await vendor.changeLibrary(entry.id, { answer: answer.value, choice: choice.value.trim() || null });
          toast(t('saved'));
          await reload();
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
    h('p', { class: 'alert alert-info small', id: `edit-${entry.id}-note` }, t('editOwnNote')),
    h('div', { class: 'decide' }, h('button', { type: 'submit', class: 'primary' }, t('save')), h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('cancel'))),
  );
}

function mergeForm(entry, entries, cancel, reload) {
  const others = entries.filter((e) => e.id !== entry.id);
  if (!others.length) return [h('p', { class: 'muted' }, t('mergeNone')), h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('cancel'))];
  const from = h('select', { id: `merge-${entry.id}` }, others.map((e) => h('option', { value: e.id }, firstQuestion(e))));
  const error = errorBox();
  return h(
    'form',
    {
      class: 'editor',
      onsubmit: async (e) => {
        e.preventDefault();
        const other = others.find((o) => o.id === from.value);
        if (!confirm(t('mergeAsk', { from: firstQuestion(other) }))) return;
        try {
          await vendor.mergeLibrary(entry.id, other.id);
          toast(t('merged'));
          await reload();
        } catch (err) {
          showError(error, err);
        }
      },
    },
    error,
    h('label', { class: 'field-label', for: from.id }, t('mergeWith')),
    from,
    h('p', { class: 'muted small' }, t('mergeHelp')),
    h('div', { class: 'decide' }, h('button', { type: 'submit', class: 'primary' }, t('mergeDo')), h('button', { type: 'button', class: 'ghost', onclick: cancel }, t('cancel'))),
  );
}

async function remove(entry, reload) {
  if (!confirm(t('removeAsk'))) return;
  try {
    await vendor.removeLibrary(entry.id);
    toast(t('removed'));
    await reload();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}
