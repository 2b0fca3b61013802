// /docs is the contract: every /v1 operation it publishes is called here for real, and every answer, success
// or error, must be valid against the schema the document gives for that status code.
import t from 'tap';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { build } from './helpers/app.js';
import { checksheet, form } from './helpers/workbooks.js';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

t.test('every /v1 operation answers what /docs says it answers', async (t) => {
  const ctx = await build(t);
  const { app, as, admin, reviewer } = ctx;
  const spec = (await app.inject({ url: '/docs/json' })).json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
  t.equal(spec.openapi, '3.1.0');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const called = new Set<string>();

  /** Calls the operation and checks the answer against the documented schema of its status. */
  async function call(method: string, path: string, url: string, opts: { token?: string; payload?: object | Buffer; headers?: Record<string, string> } = {}) {
    const res = await app.inject({ method: method as 'GET', url, payload: opts.payload, headers: { ...(opts.token === '' ? {} : as(opts.token ?? admin)), ...opts.headers } });
    const op = spec.paths[path]?.[method.toLowerCase()];
    t.ok(op, `${method} ${path} is documented`);
    if (!op) return res;
    called.add(`${method} ${path}`);
    const documented = op.responses[String(res.statusCode)];
    t.ok(documented, `${method} ${url}: status ${res.statusCode} is documented`);
    const schema = documented?.content?.['application/json']?.schema;
    if (schema && res.headers['content-type']?.toString().startsWith('application/json')) {
      const valid = ajv.validate(schema, res.json());
      t.ok(valid, `${method} ${url} ${res.statusCode}: ${ajv.errorsText(ajv.errors)}`);
    }
    return res;
  }

  const body = form(await checksheet(['通信はTLS1.2以上で暗号化されていますか。', '資本金を教えてください。']), 'チェックシート.xlsx');
  const up = await call('POST', '/v1/questionnaires', '/v1/questionnaires', { token: reviewer, payload: body.payload, headers: body.headers });
  t.equal(up.statusCode, 201);
  const job = up.json();
  const preview = form(await checksheet(['通信はTLS1.2以上で暗号化されていますか。']), 'p.xlsx');
  await call('POST', '/v1/previews', '/v1/previews', { payload: preview.payload, headers: preview.headers });
  const given = form(await checksheet(['通信はTLS1.2以上で暗号化されていますか。']), 'g.xlsx', { answerColumn: 'D' });
  await call('POST', '/v1/questionnaires', '/v1/questionnaires', { payload: given.payload, headers: given.headers });
  const remembered = await call('GET', '/v1/layouts', '/v1/layouts');
  await call('DELETE', '/v1/layouts/{id}', `/v1/layouts/${remembered.json()[0].id}`);
  await call('DELETE', '/v1/layouts/{id}', '/v1/layouts/nope');
  const bad = form(Buffer.from('%PDF-1.4 not a sheet'), 'x.xlsx');
  t.equal((await call('POST', '/v1/questionnaires', '/v1/questionnaires', { payload: bad.payload, headers: bad.headers })).statusCode, 415);

  await call('GET', '/v1/items', '/v1/items', { token: '' });
  await call('GET', '/v1/items', '/v1/items');
  await call('GET', '/v1/items/{no}', '/v1/items/28');
  await call('GET', '/v1/items/{no}', '/v1/items/99');
  await call('GET', '/v1/items/{no}/history', '/v1/items/28/history');
  await call('GET', '/v1/items/{no}/questions', '/v1/items/42/questions');
  await call('GET', '/v1/items/{no}/questions', '/v1/items/99/questions');
  await call('PUT', '/v1/items/{no}', '/v1/items/28', { payload: { answerEn: 'Daily backups, kept 7 generations.' } });
  await call('PUT', '/v1/items/{no}', '/v1/items/28', { token: reviewer, payload: { answer: 'x' } });
  await call('PUT', '/v1/items/{no}', '/v1/items/28', { payload: { nonsense: 1 } });

  await call('GET', '/v1/questionnaires', '/v1/questionnaires');
  await call('GET', '/v1/questionnaires/{id}', `/v1/questionnaires/${job.id}`);
  await call('GET', '/v1/questionnaires/{id}', '/v1/questionnaires/nope');
  await call('GET', '/v1/questionnaires/{id}/rows', `/v1/questionnaires/${job.id}/rows?status=auto,unmatched`);
  await call('GET', '/v1/questionnaires/{id}/rows', `/v1/questionnaires/${job.id}/rows?status=maybe`);
  const [first, second] = job.rows;
  await call('GET', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/${first.id}`);
  await call('GET', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/nope`);
  await call('PATCH', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/${first.id}`, { payload: { itemNo: 42 }, headers: { 'if-match': '"0"' } });
  await call('PATCH', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/${first.id}`, { payload: { itemNo: 42 }, headers: { 'if-match': '"0"' } });
  await call('PATCH', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/${second.id}`, { payload: { answer: '資本金は1億円です。' } });
  await call('PATCH', '/v1/questionnaires/{id}/rows/{rowId}', `/v1/questionnaires/${job.id}/rows/${second.id}`, { payload: { itemNo: 50 } });
  await call('POST', '/v1/questionnaires/{id}/rows:confirm', `/v1/questionnaires/${job.id}/rows:confirm`, { payload: { rowIds: 'all' } });
  const download = await call('GET', '/v1/questionnaires/{id}/download', `/v1/questionnaires/${job.id}/download?copy=final`);
  t.match(download.headers['content-type'], /spreadsheetml/);
  await call('GET', '/v1/questionnaires/{id}/audit', `/v1/questionnaires/${job.id}/audit`);

  const library = await call('GET', '/v1/library', '/v1/library');
  const entry = library.json()[0];
  const own = await call('POST', '/v1/library', '/v1/library', { payload: { questions: ['反社会的勢力との関係はありますか。'], answer: 'ありません。' } });
  await call('POST', '/v1/library', '/v1/library', { payload: { questions: [] } });
  await call('POST', '/v1/library/{id}/merge', `/v1/library/${entry.id}/merge`, { payload: { from: own.json().id } });
  await call('POST', '/v1/library/{id}/merge', `/v1/library/${entry.id}/merge`, { payload: { from: 'nope' } });
  await call('GET', '/v1/library/{id}', `/v1/library/${entry.id}`);
  await call('PUT', '/v1/library/{id}', `/v1/library/${entry.id}`, { payload: { answer: '資本金は1億円です（2026年3月期）。' } });
  await call('DELETE', '/v1/library/{id}', `/v1/library/${entry.id}`);
  await call('DELETE', '/v1/library/{id}', `/v1/library/${entry.id}`);
  await call('GET', '/v1/gaps', '/v1/gaps?limit=5');

  await call('POST', '/v1/sign-in', '/v1/sign-in', { token: reviewer });
  await call('POST', '/v1/sign-in', '/v1/sign-in', { token: 'qmap_wrong' });
  const token = await call('POST', '/v1/tokens', '/v1/tokens', { payload: { role: 'reviewer', name: 'sales' } });
  await call('GET', '/v1/tokens', '/v1/tokens');
  await call('DELETE', '/v1/tokens/{id}', `/v1/tokens/${token.json().id}`);
  await call('DELETE', '/v1/tokens/{id}', '/v1/tokens/tok_nope');

  await call('DELETE', '/v1/questionnaires/{id}', `/v1/questionnaires/${job.id}`);
  await call('DELETE', '/v1/questionnaires/{id}', `/v1/questionnaires/${job.id}`);

  const published = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  t.same(published.filter((op) => !called.has(op)), [], 'every published operation was called');
});
