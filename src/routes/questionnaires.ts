// Questionnaire jobs over HTTP: upload, list, read, download, delete, and the review API.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../auth.js';
import type { Config } from '../config.js';
import { QmapError } from '../errors.js';
import { createQuestionnaire, notFound, prefilled, questionnaire, removeQuestionnaire, titles, type Analyser, type Upload } from '../questionnaires.js';
import { confirmRows, decide, decisionBody } from '../review.js';
import { auditOf } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { getJob, jobRows, listJobs, type RowStatus } from '../store/jobs.js';
import { rowView } from '../views.js';
import { overridesSchema } from '../schemas.js';

const params = z.object({ id: z.string().min(1).max(64) });
const rowParams = params.extend({ rowId: z.string().min(1).max(64) });
const statuses = ['auto', 'review', 'unmatched', 'confirmed'] as const;
const statusFilter = z
  .string()
  .optional()
  .transform((s, ctx) => {
    const list = s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
    const bad = list.filter((x) => !(statuses as readonly string[]).includes(x));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}; use ${statuses.join(', ')}` });
    return list as RowStatus[];
  });

async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new QmapError('unsupported_type', 'Send the workbook as multipart/form-data with the file in the field "file" (.xlsx, .xlsm, .xls, .ods or .csv).');
  }
  let file: { bytes: Uint8Array; filename: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        throw new QmapError('bad_request', 'Send exactly one file, in the form field "file".');
      }
      file = { bytes: new Uint8Array(await part.toBuffer()), filename: part.filename || 'upload' };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new QmapError('bad_request', 'No file was sent: put the workbook in the form field "file".');
  if (file.bytes.byteLength === 0) throw new QmapError('unreadable', `"${file.filename}" is empty. Upload the questionnaire workbook itself.`);
  const overrides = overridesSchema.safeParse(fields);
  if (!overrides.success) {
    throw new QmapError('bad_request', `The detection overrides are not valid: ${overrides.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  }
  return { ...file, overrides: overrides.data };
}

export const questionnaireRoutes: FastifyPluginAsync<{ db: Db; config: Config; analyser: Analyser }> = async (app, { db, config, analyser }) => {
  await app.register(multipart, {
    limits: { fileSize: config.QMAP_MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reviewer = { preHandler: requireRole('reviewer') };
  const tags = ['questionnaires'];

  r.post('/v1/questionnaires', { ...reviewer, schema: { tags, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const upload = await readUpload(req);
    const job = await createQuestionnaire(db, config, analyser, upload, actor(req));
    // Already JSON, in pieces: sent one after another rather than copied into one buffer first.
    return reply
      .status(201)
      .header('location', `/v1/questionnaires/${job.id}`)
      .header('content-length', job.json.reduce((n, p) => n + p.byteLength, 0))
      .type('application/json; charset=utf-8')
      .send(Readable.from(job.json, { objectMode: false }));
  });

  r.get('/v1/questionnaires', { ...reviewer, schema: { tags } }, async () =>
    listJobs(db).map(({ id, filename, kind, createdAt, createdBy, summary, notes }) => ({ id, filename, kind, createdAt, createdBy, summary, notes })),
  );

  r.get('/v1/questionnaires/:id', { ...reviewer, schema: { tags, params } }, async (req) => questionnaire(db, req.params.id));

  r.delete('/v1/questionnaires/:id', { ...reviewer, schema: { tags, params } }, async (req, reply) => {
    removeQuestionnaire(db, req.params.id, actor(req));
    return reply.status(204).send();
  });

  r.get('/v1/questionnaires/:id/download', { ...reviewer, schema: { tags, params } }, async (req, reply) => {
    const file = prefilled(db, req.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  r.get('/v1/questionnaires/:id/rows', { ...reviewer, schema: { tags, params, querystring: z.object({ status: statusFilter }) } }, async (req) => {
    if (!getJob(db, req.params.id)) throw notFound(req.params.id);
    const titleOf = titles(db);
    return jobRows(db, req.params.id, req.query.status).map((row) => rowView(row, titleOf));
  });

  r.patch('/v1/questionnaires/:id/rows/:rowId', { ...reviewer, schema: { tags, params: rowParams, body: decisionBody } }, async (req) => {
    return rowView(decide(db, req.params.id, req.params.rowId, req.body, actor(req)), titles(db));
  });

  r.post(
    '/v1/questionnaires/:id/rows::confirm',
    { ...reviewer, schema: { tags, params, body: z.object({ rowIds: z.array(z.string()).min(1).max(100_000).or(z.literal('all')) }) } },
    async (req) => confirmRows(db, req.params.id, req.body.rowIds, actor(req)),
  );

  r.get('/v1/questionnaires/:id/audit', { ...reviewer, schema: { tags, params } }, async (req) => {
    if (!getJob(db, req.params.id)) throw notFound(req.params.id);
    return auditOf(db, req.params.id);
  });
};

/** A filename safe for the plain `filename=` parameter; the UTF-8 one carries the real name. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');
