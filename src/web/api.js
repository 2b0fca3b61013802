// Talks to qmap's /v1 API with the bearer token. The token lives in sessionStorage (or localStorage
// with "remember me") and travels only in the Authorization header: no cookies, so nothing to forge cross-site.
const KEY = 'qmap.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const token = () => sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);

export function keepToken(secret, remember) {
  forgetToken();
  (remember ? localStorage : sessionStorage).setItem(KEY, secret);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

/** Anyone can listen: the app shows the sign-in screen when the server refuses the token. */
export const events = new EventTarget();

function fail(status, body) {
  const error = new ApiError(status, body?.code ?? 'error', body?.message ?? `HTTP ${status}`);
  error.details = body?.details;
  if (status === 401) {
    forgetToken();
    events.dispatchEvent(new CustomEvent('unauthorized', { detail: error }));
  }
  return error;
}

async function send(method, path, body, secret = token(), headers = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${secret ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  return res;
}

export async function api(method, path, body, headers) {
  const res = await send(method, path, body, token(), headers);
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw fail(res.status, data);
  return data;
}

export const listJobs = () => api('GET', '/v1/questionnaires');
export const deleteJob = (jobId) => api('DELETE', `/v1/questionnaires/${encodeURIComponent(jobId)}`);
export const listItems = () => api('GET', '/v1/items');
const at = (path, ...ids) => ids.reduce((p, id) => p.replace('%', encodeURIComponent(id)), path);

/** The vendor's side: items, the answer library, gaps, tokens, remembered layouts. */
export const vendor = {
  item: (no) => api('GET', at('/v1/items/%', no)),
  changeItem: (no, change) => api('PUT', at('/v1/items/%', no), change),
  itemHistory: (no) => api('GET', at('/v1/items/%/history', no)),
  itemQuestions: (no) => api('GET', at('/v1/items/%/questions', no)),
  library: () => api('GET', '/v1/library'),
  writeLibrary: (questions, answer, choice) => api('POST', '/v1/library', { questions, answer, choice }),
  changeLibrary: (id, change) => api('PUT', at('/v1/library/%', id), change),
  mergeLibrary: (into, from) => api('POST', at('/v1/library/%/merge', into), { from }),
  removeLibrary: (id) => api('DELETE', at('/v1/library/%', id)),
  gaps: () => api('GET', '/v1/gaps'),
  tokens: () => api('GET', '/v1/tokens'),
  createToken: (name, role) => api('POST', '/v1/tokens', { name, role }),
  revokeToken: (id) => api('DELETE', at('/v1/tokens/%', id)),
  layouts: () => api('GET', '/v1/layouts'),
  forgetLayout: (id) => api('DELETE', at('/v1/layouts/%', id)),
  audit: (jobId) => api('GET', at('/v1/questionnaires/%/audit', jobId)),
  job: (jobId) => api('GET', at('/v1/questionnaires/%', jobId)),
};

/** Who the token belongs to ({id, name, role, …}), asked once per token and kept for the page's life. */
let me = null;
export async function whoAmI() {
  const secret = token();
  if (me?.secret === secret) return me.token;
  const res = await send('POST', '/v1/sign-in', undefined, secret);
  const data = await res.json().catch(() => null);
  if (!res.ok) throw fail(res.status, data);
  me = { secret, token: data.token };
  return data.token;
}

/** One questionnaire's calls, as the review screen makes them. */
export function questionnaire(jobId) {
  const base = `/v1/questionnaires/${encodeURIComponent(jobId)}`;
  return {
    load: () => api('GET', base),
    /**
     * One row's decision: { status: 'confirmed' }, { itemNo }, { itemNos }, { choice }, { answer, choice }; only if the row is
     * still at `version` (If-Match): otherwise the server answers 412 precondition_failed.
     */
    decide: (rowId, body, version) => api('PATCH', `${base}/rows/${encodeURIComponent(rowId)}`, body, { 'if-match': `"${version}"` }),
    row: (rowId) => api('GET', `${base}/rows`).then((rows) => rows.find((r) => r.id === rowId) ?? null),
    confirm: (rowIds) => api('POST', `${base}/rows:confirm`, { rowIds }),
    download: (fallbackName, copy) => download(jobId, fallbackName, copy),
  };
}

/**
 * Signs in with a token: the server confirms it, or exchanges a one-time sign-in link for a token of one's own.
 * Returns the secret to keep (fresh: a new token's, shown only now), or the server's refusal (an ApiError).
 */
export async function signIn(secret) {
  const res = await send('POST', '/v1/sign-in', undefined, secret);
  const data = await res.json().catch(() => null);
  if (res.ok) return { secret: data?.secret ?? secret, fresh: Boolean(data?.secret) };
  return { error: new ApiError(res.status, data?.code ?? 'error', data?.message ?? `HTTP ${res.status}`) };
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress; fields say where the questions are. */
export function upload(file, fields, onProgress, path = '/v1/questionnaires') {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('authorization', `Bearer ${token() ?? ''}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.upload.addEventListener('load', () => onProgress(1));
    xhr.addEventListener('load', () => (xhr.status === 200 || xhr.status === 201 ? resolve(xhr.response) : reject(fail(xhr.status, xhr.response))));
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', '')));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The top of each sheet of a file and where qmap would read it (POST /v1/previews), for pointing at the table. */
export const preview = (file) => upload(file, {}, () => {}, '/v1/previews');

/** Fetches the prefilled workbook (copy: 'review' or 'final') with the bearer header, then hands it to the browser as a download. */
export async function download(jobId, fallbackName, copy = 'review') {
  const res = await send('GET', `/v1/questionnaires/${encodeURIComponent(jobId)}/download${copy === 'final' ? '?copy=final' : ''}`);
  if (!res.ok) throw fail(res.status, await res.json().catch(() => null));
  const unreviewed = Number(res.headers.get('x-qmap-unreviewed') ?? 0);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filenameOf(res.headers.get('content-disposition')) ?? fallbackName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return unreviewed;
}

function filenameOf(disposition) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? null;
}
