// Pointing at the table (issue 16): the top of each sheet as a grid (POST /v1/previews: the first 40 rows × 26
// columns, merged cells spanning, hidden rows and columns marked); the user picks the sheet and clicks the header row,
// the question column, the answer column and (optionally) the choice column — where qmap would read on its own is
// selected first. The result is the upload's fields, the same as typing them under 「読み取り位置を指定」.
import { h, fill } from './dom.js';
import { t } from './i18n.js';

const TARGETS = ['headerRow', 'questionColumn', 'answerColumn', 'choiceColumn'];

/**
 * A panel over the preview of `file`; onRead(fields) uploads with the fields, onCancel closes. `failed`: qmap found
 * no questions on its own (the panel says so first).
 */
export function pointPanel(file, preview, { failed, onRead, onCancel }) {
  const sheets = preview.sheets;
  const start = sheets.find((s) => s.detected) ?? sheets.find((s) => !s.hidden) ?? sheets[0];
  const state = { sheet: start, picks: picksOf(start), target: 'headerRow' };
  state.target = nextTarget(state.picks) ?? 'headerRow';

  const status = h('p', { class: 'point-status', 'aria-live': 'polite', id: 'point-status' });
  const summary = h('div', { class: 'point-summary' });
  const targets = h('div', { class: 'point-targets', role: 'group', 'aria-label': t('pointPicking') });
  const gridBox = h('div', { class: 'point-grid-box' });
  const error = h('p', { class: 'alert alert-error', role: 'alert', hidden: true });
  const sheetSelect = h(
    'select',
    { id: 'point-sheet', onchange: (e) => chooseSheet(sheets.find((s) => s.name === e.target.value)) },
    sheets.map((s) => h('option', { value: s.name, selected: s === state.sheet }, s.hidden ? `${s.name} (${t('pointHidden')})` : s.name)),
  );

  function chooseSheet(sheet) {
    state.sheet = sheet;
    state.picks = picksOf(sheet);
    state.target = nextTarget(state.picks) ?? 'headerRow';
    draw();
  }

  /** A click on a row or a column sets what is being picked, then moves on to the next thing not picked yet. */
  function pick(kind, value) {
    const target = kind === 'row' ? 'headerRow' : state.target === 'headerRow' ? 'questionColumn' : state.target;
    state.picks[target] = value;
    state.target = nextTarget(state.picks, target) ?? target;
    error.hidden = true;
    draw();
  }
  /** A cell clicked: its row when the header row is being picked, else its column. */
  const pickCell = (row, letter) => (state.target === 'headerRow' ? pick('row', row) : pick('column', letter));

  function draw() {
    const { picks } = state;
    fill(
      targets,
      TARGETS.map((target) =>
        h(
          'button',
          { type: 'button', class: `point-target target-${target}`, 'aria-pressed': String(state.target === target), onclick: () => ((state.target = target), draw()) },
          t(`pick_${target}`),
          h('span', { class: 'point-value' }, picks[target] === null ? '—' : target === 'headerRow' ? t('pickRow', { n: picks[target] }) : t('pickColumn', { c: picks[target] })),
        ),
      ),
    );
    fill(status, nextTarget(picks) ? t('pointStep', { what: t(`pick_${state.target}`) }) : t('pointDone'));
    fill(summary, state.sheet.detected ? h('p', { class: 'muted small' }, t('pointDetected')) : null, moreNote(state.sheet));
    fill(gridBox, grid(state.sheet, picks, pick, pickCell));
  }

  const read = h('button', { type: 'button', class: 'primary', id: 'point-read' }, t('pointUpload'));
  read.addEventListener('click', () => {
    const { picks } = state;
    if (picks.headerRow === null || !picks.questionColumn || !picks.answerColumn) {
      fill(error, t('pointNeed'));
      error.hidden = false;
      return;
    }
    onRead({
      sheet: state.sheet.name,
      headerRow: String(picks.headerRow),
      questionColumn: picks.questionColumn,
      answerColumn: picks.answerColumn,
      ...(picks.choiceColumn ? { choiceColumn: picks.choiceColumn } : {}),
    });
  });

  draw();
  return h(
    'section',
    { class: 'card point', 'aria-labelledby': 'point-title' },
    h('h2', { class: 'point-title', id: 'point-title' }, t('pointTitle'), ` — ${file.name}`),
    failed ? h('p', { class: 'alert alert-warn' }, t('pointAfterFail', { name: file.name })) : null,
    h('p', { class: 'muted small' }, t('pointLead')),
    h('label', { class: 'toolbar-field', for: 'point-sheet' }, h('span', null, t('pointSheet')), sheetSelect),
    targets,
    status,
    summary,
    gridBox,
    error,
    h('div', { class: 'decide' }, read, h('button', { type: 'button', class: 'ghost', onclick: onCancel }, t('pointCancel'))),
  );
}

/** What qmap would read on its own, as the first picks. */
function picksOf(sheet) {
  const d = sheet.detected;
  return { headerRow: d?.headerRow ?? null, questionColumn: d?.questionColumn ?? null, answerColumn: d?.answerColumn ?? null, choiceColumn: d?.choiceColumn ?? null };
}

/** The first thing (after `after`) not picked yet, the choice column last; null when all that is needed is picked. */
function nextTarget(picks, after) {
  const order = after ? [...TARGETS.slice(TARGETS.indexOf(after) + 1), ...TARGETS.slice(0, TARGETS.indexOf(after))] : TARGETS;
  return order.find((target) => target !== 'choiceColumn' && (picks[target] === null || picks[target] === '')) ?? null;
}

function moreNote(sheet) {
  const rows = sheet.rows.length;
  const cols = sheet.columns.length;
  return sheet.rowCount > rows || sheet.colCount > cols ? h('p', { class: 'muted small' }, t('pointMore', { rows, cols, allRows: sheet.rowCount, allCols: sheet.colCount })) : null;
}

/**
 * The sheet's top as a table: column letters and row numbers are buttons (what the keyboard reaches), a cell clicked
 * picks its row or column as the current target does; merged cells span, hidden rows and columns are marked.
 */
function grid(sheet, picks, pick, pickCell) {
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenColumns);
  const covered = new Set();
  const spans = new Map();
  for (const m of sheet.merges) {
    const c0 = sheet.columns.indexOf(m.column);
    spans.set(`${m.row}:${c0}`, m);
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = c0; c < c0 + m.columns; c++) if (r !== m.row || c !== c0) covered.add(`${r}:${c}`);
  }
  const role = (letter) => TARGETS.slice(1).find((target) => picks[target] === letter);
  const colClass = (letter) => [role(letter) ? `picked-${role(letter)}` : '', hiddenCols.has(letter) ? 'hidden-col' : ''].join(' ');
  const head = h(
    'tr',
    null,
    h('th', { class: 'corner', scope: 'col' }, h('span', { class: 'sr-only' }, t('pickRow', { n: '' }))),
    sheet.columns.map((letter) =>
      h(
        'th',
        { scope: 'col', class: colClass(letter) },
        h(
          'button',
          { type: 'button', class: 'col-pick', 'data-column': letter, 'aria-pressed': String(Boolean(role(letter))), onclick: () => pick('column', letter) },
          letter,
          role(letter) ? h('span', { class: 'pick-tag' }, t(`pick_${role(letter)}`).replace(/（.*|\s*\(.*/, '')) : null,
          hiddenCols.has(letter) ? h('span', { class: 'pick-hidden' }, t('pointHidden')) : null,
        ),
      ),
    ),
  );
  const body = sheet.rows.map((cells, r) => {
    const n = r + 1;
    const header = picks.headerRow === n;
    return h(
      'tr',
      { class: [header ? 'picked-headerRow' : '', hiddenRows.has(n) ? 'hidden-row' : ''].join(' ') },
      h(
        'th',
        { scope: 'row' },
        h(
          'button',
          { type: 'button', class: 'row-pick', 'data-row': n, 'aria-pressed': String(header), 'aria-label': `${t('pickRow', { n })}${header ? ` (${t('pick_headerRow')})` : ''}${hiddenRows.has(n) ? ` (${t('pointHidden')})` : ''}`, onclick: () => pick('row', n) },
          String(n),
        ),
      ),
      cells.map((text, c) => {
        if (covered.has(`${n}:${c}`)) return null;
        const m = spans.get(`${n}:${c}`);
        const letter = sheet.columns[c];
        return h('td', { class: colClass(letter), rowspan: m?.rows > 1 ? m.rows : undefined, colspan: m?.columns > 1 ? m.columns : undefined, title: text || undefined, onclick: () => pickCell(n, letter) }, text);
      }),
    );
  });
  return h('div', { class: 'point-grid-scroll' }, h('table', { class: 'point-grid', 'aria-label': t('pointGrid', { sheet: sheet.name }) }, h('thead', null, head), h('tbody', null, body)));
}
