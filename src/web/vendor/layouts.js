// #/layouts: where users pointed at a template's table, remembered and used again for the same template; each
// deletable (after asking), so the template is detected on its own again.
import { vendor } from '../api.js';
import { h } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { who } from '../jobs.js';
import { messageOf, toast } from '../ui.js';
import { cardTable, vendorPage } from './common.js';

export function layoutsScreen(main) {
  const page = vendorPage(main, { title: t('layoutsTitle'), lead: t('layoutsLead'), className: 'page-layouts' }, async () => {
    const layouts = await vendor.layouts();
    if (!layouts.length) return h('p', { class: 'empty' }, t('noLayouts'));
    const columns = [{ label: t('layoutSheet') }, { label: t('layoutWhere') }, { label: t('layoutTemplate') }, { label: t('layoutUses'), class: 'nowrap' }, { label: '', class: 'actions-cell' }];
    return cardTable(
      t('layoutsTitle'),
      columns,
      layouts.map((l) => [
        h('strong', null, l.sheet),
        t('layoutWhereText', { headerRow: l.headerRow ?? '—', question: l.questionColumn, answer: l.answerColumn ?? '—', choice: l.choiceColumn ?? '—' }),
        [h('div', { class: 'clamp small' }, l.description), h('div', { class: 'muted small' }, t('createdBy', { who: who(l.createdBy) }), ` · ${formatDate(l.createdAt)}`)],
        t('layoutUsed', { n: l.uses, when: l.usedAt ? formatDate(l.usedAt) : t('never') }),
        h('button', { type: 'button', class: 'small ghost danger', 'aria-label': `${t('forget')}: ${l.sheet}`, onclick: () => forget(l, page.reload) }, t('forget')),
      ]),
    );
  });
  return page.leave;
}

async function forget(layout, reload) {
  if (!confirm(t('forgetAsk', { sheet: layout.sheet }))) return;
  try {
    await vendor.forgetLayout(layout.id);
    toast(t('forgotten'));
    await reload();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}
