// #/q/<id>/audit: a questionnaire's audit trail as a timeline, each entry a sentence in the page's language
// (who uploaded, decided, confirmed, downloaded which copy, pointed at the table…) and when.
import { vendor } from '../api.js';
import { h, fill } from '../dom.js';
import { currentLanguage, formatDate, itemLabel, t } from '../i18n.js';
import { who } from '../jobs.js';
import { vendorPage } from './common.js';

export function auditScreen(main, jobId) {
  const page = vendorPage(main, { title: t('auditTitle'), lead: t('auditLead'), className: 'page-audit' }, async () => {
    const [job, trail] = await Promise.all([vendor.job(jobId), vendor.audit(jobId)]);
    fill(document.getElementById('page-title'), t('auditOf', { name: job.filename }));
    document.title = `${t('auditTitle')} · ${job.filename} · qmap`;
    const rows = new Map(job.rows.map((r) => [r.id, r]));
    return [
      h('p', { class: 'back-line' }, h('a', { class: 'back', href: `#/q/${encodeURIComponent(jobId)}` }, `← ${t('backToReview')}`)),
      trail.length
        ? h('ol', { class: 'timeline' }, trail.map((e) => h('li', { class: `event event-${e.action.replace(/\W/g, '-')}` }, h('time', { datetime: e.at }, formatDate(e.at)), h('p', null, sentence(e, rows)))))
        : h('p', { class: 'empty' }, t('noAudit')),
    ];
  });
  return page.leave;
}

/** Two sentences one after the other: Japanese puts no space after 。. */
const and = (a, b) => (currentLanguage() === 'ja' ? `${a}${b}` : `${a} ${b}`);
const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const items = (nos) => (nos?.length ? nos.map(itemLabel).join(' + ') : t('noItems_'));

/** One entry of the trail in words. */
export function sentence(e, rows) {
  const d = e.detail ?? {};
  const by = who(e.actor);
  const row = rows.get(e.rowId);
  const where = row ? t('rowRef', { sheet: row.sheet, row: row.row }) : t('aRow');
  switch (e.action) {
    case 'upload':
      return t('a_upload', { who: by, kind: d.kind ?? '?', size: size(Number(d.bytes ?? 0)), questions: d.questions ?? '?' });
    case 'decide': {
      const before = items(d.before?.itemNos);
      const key = d.after?.custom ? 'a_decide_custom' : d.after?.itemNos?.length ? 'a_decide_item' : 'a_decide_none';
      const text = t(key, { who: by, row: where, items: items(d.after?.itemNos), before });
      return d.after?.choice ? and(text, t('a_decide_choice')) : text;
    }
    case 'confirm':
      return t('a_confirm', { who: by, n: d.rows ?? 0 });
    case 'download': {
      const text = t(d.copy === 'final' ? 'a_download_final' : 'a_download_review', { who: by });
      return d.copy === 'final' && d.unreviewed ? and(text, t('a_download_blank', { n: d.unreviewed })) : text;
    }
    case 'delete':
      return t('a_delete', { who: by });
    case 'retention':
      return t('a_retention');
    case 'layout.remember':
      return t('a_layout_remember', { who: by });
    case 'layout.use':
      return t('a_layout_use');
    case 'layout.delete':
      return t('a_layout_delete', { who: by });
    default:
      return t('a_other', { who: by, action: e.action });
  }
}
