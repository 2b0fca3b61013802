// What the review screen knows: the job and its rows, the 49 items, the status and sheet filters, the selected row
// and whether the editor is open; and the part of it the address keeps (#/q/<id>?status=…&sheet=…&row=…), so a
// reload, a language switch or signing in again returns to the same row. No DOM here.
export const STATUSES = ['review', 'unmatched', 'auto', 'confirmed'];
/** Rows that need a person come first. */
const PRIORITY = { review: 0, unmatched: 1, auto: 2, confirmed: 3 };

/**
 * The alternatives offered as one click or one key (1–3): those whose score shows as more than 0 (scoreBar rounds
 * to a percent). One scored 0 shares next to nothing with the question, and taking it writes an unrelated answer;
 * the item search still has it.
 */
export const offered = (row) => row.alternatives.filter((alt) => Math.round(alt.score * 100) > 0);

export class ReviewState {
  /** place: the address's query, where the reviewer was. */
  constructor(jobId, place = new URLSearchParams()) {
    const status = place.get('status');
    this.jobId = jobId;
    this.job = null;
    this.items = new Map();
    /** query → the items that fit it (review/search.js's itemFinder, once the items are loaded). */
    this.find = () => [];
    this.status = STATUSES.includes(status) ? status : 'all';
    this.sheet = place.get('sheet') ?? '';
    this.selected = place.get('row');
    this.visible = [];
    this.editing = false;
    this.busy = false;
    // Rows by id, rebuilt whenever the job is (re)loaded; questionnaires can have thousands of rows.
    this.index = new Map();
  }

  setJob(job) {
    this.job = job;
    this.index = new Map(job.rows.map((r) => [r.id, r]));
    // A sheet the job does not have (an old address) shows them all.
    if (!job.rows.some((r) => r.sheet === this.sheet)) this.sheet = '';
  }

  setItems(items) {
    this.items = new Map(items.map((i) => [i.no, i]));
  }

  /** A decision came back: the row changes in place, so the list does not jump under the reader. */
  replaceRow(updated) {
    this.job.rows = this.job.rows.map((r) => (r.id === updated.id ? updated : r));
    this.index.set(updated.id, updated);
  }

  row(id) {
    return this.index.get(id);
  }

  get current() {
    return this.selected ? this.row(this.selected) : undefined;
  }

  count(status) {
    return this.job.rows.filter((r) => r.status === status).length;
  }

  get sheets() {
    return [...new Set(this.job.rows.map((r) => r.sheet))];
  }

  /** Filters and sorts once; the selection stays if it is still shown, else it is the first row shown. */
  applyFilters() {
    const order = new Map(this.job.rows.map((r, i) => [r.id, i]));
    this.visible = this.job.rows
      .filter((r) => (this.status === 'all' || r.status === this.status) && (!this.sheet || r.sheet === this.sheet))
      .sort((a, b) => PRIORITY[a.status] - PRIORITY[b.status] || order.get(a.id) - order.get(b.id))
      .map((r) => r.id);
    if (!this.visible.includes(this.selected)) this.selected = this.visible[0] ?? null;
  }

  /** The shown row `step` places from the selected one, stopping at either end; null when none is shown. */
  neighbour(step) {
    if (!this.visible.length) return null;
    const at = this.visible.indexOf(this.selected);
    return this.visible[Math.min(this.visible.length - 1, Math.max(0, at + step))];
  }

  /** The next row after this one that nobody has confirmed yet, wrapping around once. */
  nextOpen(id) {
    const at = this.visible.indexOf(id);
    const ring = [...this.visible.slice(at + 1), ...this.visible.slice(0, Math.max(0, at))];
    return ring.find((other) => this.row(other).status !== 'confirmed') ?? null;
  }

  /** The address that brings the reviewer back to this filter and row. */
  address() {
    const kept = new URLSearchParams();
    if (this.status !== 'all') kept.set('status', this.status);
    if (this.sheet) kept.set('sheet', this.sheet);
    if (this.selected) kept.set('row', this.selected);
    const query = kept.toString();
    return `#/q/${encodeURIComponent(this.jobId)}${query ? `?${query}` : ''}`;
  }
}
