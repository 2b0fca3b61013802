// Questionnaire jobs over HTTP: upload, list, read, download (review or final copy), delete, audit trail; and
// pointing at the table (a preview of an upload, the layouts remembered for templates).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QmapError } from '../../errors.js';
import type { Context } from '../../services/context.js';
import { auditTrail, createQuestionnaire, download, questionnaire, questionnaires, removeQuestionnaire, rowsOf, uploadFields, type Upload } from '../../services/questionnaires.js';
import { itemTitles } from '../../services/items.js';
import { forgetLayout, layouts, previewUpload } from '../../services/layouts.js';
import { actor } from '../auth.js';
import { auditEntrySchema, errors, jobSchema, jobSummarySchema, jobSummaryView, jobView, layoutSchema, previewSchema } from '../views.js';

const params = z.object({ id: z.string().min(1).max(64) });
const accepted = '.xlsx, .xlsm, .xls, .ods or .csv';

/** The multipart form of an upload: the file in the field "file", and the optional fields. */
async function readUpload(req: FastifyRequest, limit: number): Promise<Upload> {
  try {
    return await readForm(req);
  } catch (e) {
    if ((e as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw e;
    const size = limit >= 1 << 20 ? `${+(limit / (1 << 20)).toFixed(1)} MiB` : `${+(limit / 1024).toFixed(1)} KiB`;
    throw new QmapError('too_large', `The workbook is larger than ${size}, the most this server accepts. Delete unused sheets or split it into smaller files, or ask an admin to raise the limit (QMAP_MAX_UPLOAD_BYTES).`, { limitBytes: limit });
  }
}

async function readForm(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new QmapError('unsupported_type', `Send the workbook as multipart/form-data with the file in the field "file" (${accepted}).`);
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
  const parsed = uploadFields.safeParse(fields);
  if (!parsed.success) {
    throw new QmapError('bad_request', `The form fields are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ')}.`);
  }
  return { ...file, fields: parsed.data };
}

/** A filename safe for the plain `filename=` parameter; the UTF-8 one carries the real name. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

export const questionnaireRoutes: FastifyPluginAsync<Context> = async (app, ctx) => {
  await app.register(multipart, {
    limits: { fileSize: ctx.config.QMAP_MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['questionnaires'];

  r.post(
    '/questionnaires',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: `Upload a questionnaire (${accepted}) in the form field "file"; optional fields: ${Object.keys(uploadFields.shape).join(', ')}.`,
        response: { 201: jobSchema, ...errors(413, 415, 422, 503, 507) },
      },
    },
    async (req, reply) => {
      const { job, rows } = await createQuestionnaire(ctx, await readUpload(req, ctx.config.QMAP_MAX_UPLOAD_BYTES), actor(req));
      return reply.status(201).header('location', `/v1/questionnaires/${job.id}`).send(jobView(job, rows, itemTitles(ctx)));
    },
  );

  r.post(
    '/previews',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'The top of each sheet of a workbook (the first 40 rows and 26 columns: text, merged and hidden cells) and where qmap would read the questions on its own, so a user can point at the table. Nothing is stored.',
        response: { 200: previewSchema, ...errors(413, 415, 422, 503) },
      },
    },
    async (req) => {
      const { bytes, filename } = await readUpload(req, ctx.config.QMAP_MAX_UPLOAD_BYTES);
      return previewUpload(ctx, bytes, filename);
    },
  );

  r.get('/layouts', { schema: { tags: ['layouts'], description: 'Layouts users gave for questionnaire templates, used again for the same template.', response: { 200: z.array(layoutSchema), ...errors() } } }, async () =>
    layouts(ctx),
  );
  r.delete('/layouts/:id', { schema: { tags: ['layouts'], params, response: { 204: z.null(), ...errors(404, 503, 507) } } }, async (req, reply) => {
    forgetLayout(ctx, req.params.id, actor(req));
    return reply.status(204).send(null);
  });

  r.get('/questionnaires', { schema: { tags, response: { 200: z.array(jobSummarySchema), ...errors() } } }, async () =>
    questionnaires(ctx).map((j) => jobSummaryView(j, j.summary)),
  );

  r.get('/questionnaires/:id', { schema: { tags, params, response: { 200: jobSchema, ...errors(404) } } }, async (req) =>
    jobView(questionnaire(ctx, req.params.id), rowsOf(ctx, req.params.id), itemTitles(ctx)),
  );

  r.delete('/questionnaires/:id', { schema: { tags, params, response: { 204: z.null(), ...errors(404, 503, 507) } } }, async (req, reply) => {
    removeQuestionnaire(ctx, req.params.id, actor(req));
    return reply.status(204).send(null);
  });

  r.get(
    '/questionnaires/:id/download',
    {
      schema: {
        tags,
        params,
        querystring: z.object({ copy: z.enum(['review', 'final']).default('review') }),
        description:
          'The customer\'s workbook answered. copy=review (default): with qmap\'s highlights, comments and review sheet. copy=final: the customer\'s sheets only, answers of auto and confirmed rows only. The header x-qmap-unreviewed counts rows no one has decided yet.',
        response: { 200: z.any().describe('the workbook (.xlsx or .xlsm)'), ...errors(404, 413, 422, 503) },
      },
    },
    async (req, reply) => {
      const file = await download(ctx, req.params.id, req.query.copy, actor(req));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .header('x-qmap-unreviewed', String(file.unreviewed))
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  );

  r.get('/questionnaires/:id/audit', { schema: { tags, params, response: { 200: z.array(auditEntrySchema), ...errors(404) } } }, async (req) =>
    auditTrail(ctx, req.params.id),
  );
};
