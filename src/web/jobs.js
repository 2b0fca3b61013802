// The first screen: drop a questionnaire to upload it, and the list of questionnaires with their summary.
import { ApiError, deleteJob, download, listJobs, preview, upload } from './api.js';
import { h, fill } from './dom.js';
import { formatDate, say, t } from './i18n.js';
import { pointPanel } from './point.js';
import { busyButton, errorView, messageOf, navigate, toast } from './ui.js';

const ORDER = ['review', 'unmatched', 'auto', 'confirmed'];
/** The sample questionnaire qmap ships (fixtures/sample/, made by scripts/make-sample.ts), served by the app. */
const SAMPLE = '/sample/security-checksheet-sample.xlsx';

export function jobsScreen(main) {
  let gone = false;
  document.title = `${t('jobsTitle')} · qmap`;

  const progress = h('div', { class: 'upload-progress', hidden: true, 'aria-live': 'polite' });
  const input = h('input', { id: 'file', type: 'file', class: 'sr-only', accept: '.xlsx,.xlsm,.xls,.ods,.csv', onchange: () => input.files[0] && send(input.files[0]) });
  const zone = h(
    'label',
    { class: 'dropzone', for: 'file' },
    input,
    h('span', { class: 'dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', { class: 'dropzone-title' }, t('dropTitle')),
    h('span', { class: 'dropzone-or' }, t('dropOr'), ' ', h('span', { class: 'button-like' }, t('chooseFile'))),
    h('span', { class: 'dropzone-hint' }, t('dropHint')),
  );
  // When detection does not find the table, the user says where it is; blank fields are still detected.
  // The placeholders say 「例: C」: a bare 「C」 reads as a value already filled in.
  const where = [
    ['sheet', 'text', 'whereSheet', t('whereSheetExample')],
    ['headerRow', 'number', 'whereHeaderRow', '4'],
    ['questionColumn', 'text', 'whereQuestion', 'C'],
    ['answerColumn', 'text', 'whereAnswer', 'E'],
    ['choiceColumn', 'text', 'whereChoice', 'D'],
  ].map(([name, type, label, example]) => ({
    name,
    input: h('input', { id: `where-${name}`, name, type, min: type === 'number' ? 1 : undefined, placeholder: t('example', { value: example }), autocomplete: 'off', maxlength: name === 'sheet' ? 31 : 8 }),
    label,
  }));
  const options = h(
    'details',
    { class: 'upload-options' },
    h('summary', null, t('whereTitle')),
    h('p', { class: 'muted small' }, t('whereHelp')),
    h('div', { class: 'where-grid' }, where.map((w) => h('label', { class: 'field-label', for: w.input.id }, t(w.label), w.input))),
  );
  const overrides = () => Object.fromEntries(where.map((w) => [w.name, w.input.value.trim()]).filter(([, v]) => v));
  // Pointing at the table in a grid: after qmap found no questions, or when the user asks to from the start.
  const pointBox = h('div', { class: 'point-box' });
  const pointInput = h('input', { id: 'point-file', type: 'file', class: 'sr-only', accept: '.xlsx,.xlsm,.xls,.ods,.csv', onchange: () => pointInput.files[0] && point(pointInput.files[0], false) });
  const pointStart = h('label', { class: 'button-like point-start', for: 'point-file' }, pointInput, t('pointChoose'));

  async function point(file, failed) {
    pointInput.value = '';
    fill(pointBox, h('p', { class: 'muted', 'aria-live': 'polite' }, t('pointLoading')));
    try {
      const shown = await preview(file);
      if (gone) return;
      fill(pointBox, pointPanel(file, shown, { failed, onRead: (fields) => (fill(pointBox), send(file, fields)), onCancel: () => fill(pointBox) }));
      pointBox.querySelector('#point-sheet')?.focus();
    } catch (error) {
      fill(pointBox, h('div', { class: 'alert alert-error', role: 'alert' }, h('strong', null, file.name), ' — ', errorView(error)));
    }
  }

  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) send(file);
  });

  /** Uploads a file, where the user said the questions are (fields) or else as typed under 「読み取り位置を指定」. */
  async function send(file, fields = overrides()) {
    const bar = h('progress', { max: 100, value: 0, 'aria-label': file.name });
    const text = h('span', { class: 'upload-text' }, t('uploading', { name: file.name, pct: 0 }));
    fill(progress, text, bar);
    progress.hidden = false;
    progress.setAttribute('aria-busy', 'true');
    zone.classList.add('busy');
    input.disabled = true;
    try {
      const job = await upload(file, fields, (share) => {
        if (share < 1) {
          bar.value = Math.round(share * 100);
          fill(text, t('uploading', { name: file.name, pct: Math.round(share * 100) }));
        } else {
          // Sent: the server now reads, detects and matches; that has no measurable progress here.
          bar.removeAttribute('value');
          fill(text, t('analysing', { name: file.name }));
        }
      });
      toast(t('uploaded', { name: job.filename, n: job.summary.questions }));
      if (!gone) navigate(`#/q/${encodeURIComponent(job.id)}`);
    } catch (error) {
      fill(progress, h('div', { class: 'alert alert-error', role: 'alert' }, h('strong', null, file.name), ' — ', errorView(error)));
      // qmap found no questions: the user can point at them in the sheet itself.
      if (error.code === 'no_questions' && !gone) void point(file, true);
    } finally {
      progress.removeAttribute('aria-busy');
      zone.classList.remove('busy');
      input.disabled = false;
      input.value = '';
    }
  }

  const list = h('section', { class: 'jobs', 'aria-labelledby': 'jobs-title' }, h('p', { class: 'muted' }, t('loading')));
  fill(
    main,
    h('div', { class: 'page page-jobs' }, h('h1', { class: 'page-title', id: 'jobs-title' }, t('jobsTitle')), zone, h('div', { class: 'upload-more' }, pointStart, options), progress, pointBox, list),
  );

  async function load() {
    try {
      const jobs = await listJobs();
      if (!gone) fill(list, jobs.length ? jobsTable(jobs, load) : noJobs(send));
    } catch (error) {
      if (!gone) fill(list, h('div', { class: 'alert alert-error', role: 'alert' }, errorView(error), ' ', h('button', { type: 'button', onclick: load }, t('retry'))));
    }
  }
  load();
  return () => {
    gone = true;
  };
}

/** Nothing uploaded yet: how to start, and the sample, to try at once or to download and open first. */
function noJobs(send) {
  const tryIt = busyButton({ class: 'primary' }, t('sampleTry'), async () => send(await sampleFile()));
  return h(
    'div',
    { class: 'empty' },
    h('p', null, t('noJobs')),
    h('p', null, t('sampleLead')),
    h('p', { class: 'sample-actions' }, tryIt, h('a', { href: SAMPLE, download: t('sampleName') }, t('sampleDownload'))),
  );
}

async function sampleFile() {
  const res = await fetch(SAMPLE).catch(() => null);
  if (!res) throw new ApiError(0, 'network', '');
  if (!res.ok) throw new ApiError(res.status, 'not_found', `${SAMPLE}: HTTP ${res.status}`);
  return new File([await res.blob()], t('sampleName'), { type: res.headers.get('content-type') ?? '' });
}

/**
 * A table on a wide screen, a card per job on a phone (styles.css). The roles are spelled out because a table
 * displayed as cards loses them in some browsers; the cells' own labels are for the eye only, as the column
 * headers name the cells for screen readers.
 */
function jobsTable(jobs, reload) {
  const sorted = [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const col = (label, cls) => h('th', { scope: 'col', role: 'columnheader', class: cls }, label);
  const head = h('tr', { role: 'row' }, col(t('colFile')), col(t('colUploaded')), col(t('colQuestions'), 'num'), col(t('colStatus')), col(t('colProgress')), col(h('span', { class: 'sr-only' }, t('download'))));
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'table jobs-table', role: 'table', 'aria-labelledby': 'jobs-title' }, h('thead', { role: 'rowgroup' }, head), h('tbody', { role: 'rowgroup' }, sorted.map((job) => jobRow(job, reload)))),
  );
}

/** A cell with its column's name shown on a card (hidden beside a column header). */
const cell = (cls, label, ...content) => h('td', { role: 'cell', class: cls }, label ? h('span', { class: 'cell-label', 'aria-hidden': 'true' }, label) : null, ...content);

function jobRow(job, reload) {
  const s = job.summary;
  const dl = busyButton({ class: 'small' }, t('download'), () => download(job.id, job.filename));
  const del = h('button', { type: 'button', class: 'small ghost danger', 'aria-label': `${t('delete')}: ${job.filename}` }, t('delete'));
  del.addEventListener('click', async () => {
    if (!confirm(t('confirmDelete', { name: job.filename }))) return;
    try {
      await deleteJob(job.id);
      toast(t('deleted', { name: job.filename }));
      reload();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  });
  return h(
    'tr',
    { role: 'row' },
    cell('job-file', null, h('a', { href: `#/q/${encodeURIComponent(job.id)}` }, job.filename), job.notes?.length ? h('div', { class: 'job-note' }, job.notes.map(say).join(' ')) : null),
    cell('job-uploaded nowrap', t('colUploaded'), formatDate(job.createdAt), h('div', { class: 'muted small' }, who(job.createdBy))),
    cell('job-questions num', t('colQuestions'), String(s.questions)),
    cell('job-status', t('colStatus'), summaryBar(s)),
    cell('job-progress nowrap', t('colProgress'), progressText(s.confirmed, s.questions)),
    cell('job-actions', null, h('div', { class: 'actions' }, h('a', { class: 'button small primary', href: `#/q/${encodeURIComponent(job.id)}` }, t('open')), dl, del)),
  );
}

/** The summary as one stacked bar and its legend in words. */
export function summaryBar(s) {
  const total = Math.max(1, s.questions);
  return h(
    'div',
    { class: 'summary' },
    h('div', { class: 'stack', 'aria-hidden': 'true' }, ORDER.map((k) => (s[k] ? h('span', { class: `stack-${k}`, style: { width: `${(s[k] / total) * 100}%` } }) : null))),
    h('div', { class: 'legend' }, ORDER.filter((k) => s[k]).map((k) => h('span', { class: `legend-item legend-${k}` }, `${t(`status_${k}`)} ${s[k]}`))),
  );
}

export function progressText(done, total) {
  return h('span', { class: 'progress-text' }, h('strong', null, String(done)), ` / ${total}`);
}

/** Tokens are named "name (id)"; people read the name. */
export const who = (actor) => (actor ?? '').replace(/\s*\([^)]*\)$/, '');
