// The review API: a job's rows, a decision on one row, confirming many at once.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RowStatus } from '../../domain.js';
import { QmapError } from '../../errors.js';
import type { Context } from '../../services/context.js';
import { rowsOf } from '../../services/questionnaires.js';
import { confirmBody, confirmRows, decide, decisionBody, rowOf } from '../../services/review.js';
import { itemTitles } from '../../services/items.js';
import { actor } from '../auth.js';
import { errors, rowSchema, rowView } from '../views.js';

const params = z.object({ id: z.string().min(1).max(64) });
const rowParams = params.extend({ rowId: z.string().min(1).max(300) });
const statuses = ['auto', 'review', 'unmatched', 'confirmed'] as const;
const statusFilter = z
  .string()
  .optional()
  .transform((s, c) => {
    const list = s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
    const bad = list.filter((x) => !(statuses as readonly string[]).includes(x));
    if (bad.length) c.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}; use ${statuses.join(', ')}` });
    return list as RowStatus[];
  });

/** The version an If-Match header names ("3", W/"3"), or undefined when there is none. */
function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new QmapError('bad_request', `If-Match must be the row's version as its ETag gives it, such as "3", not ${header}.`);
  return Number(m[1]);
}

export const rowRoutes: FastifyPluginAsync<Context> = async (app, ctx) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];

  r.get(
    '/questionnaires/:id/rows',
    { schema: { tags, params, querystring: z.object({ status: statusFilter }), response: { 200: z.array(rowSchema), ...errors(404) } } },
    async (req) => {
      const titleOf = itemTitles(ctx);
      return rowsOf(ctx, req.params.id, req.query.status).map((row) => rowView(row, titleOf));
    },
  );

  r.get(
    '/questionnaires/:id/rows/:rowId',
    { schema: { tags, params: rowParams, description: 'One row, named by its id or as Sheet!8; its ETag is its version.', response: { 200: rowSchema, ...errors(404) } } },
    async (req, reply) => {
      const row = rowOf(ctx, req.params.id, req.params.rowId);
      return reply.header('etag', `"${row.version}"`).send(rowView(row, itemTitles(ctx)));
    },
  );

  r.patch(
    '/questionnaires/:id/rows/:rowId',
    {
      schema: {
        tags,
        params: rowParams,
        body: decisionBody,
        description: 'Decide a row, named by its id or as Sheet!8. With If-Match: "<version>", only if no one decided it meanwhile (else 412).',
        response: { 200: rowSchema, ...errors(404, 412, 422, 503, 507) },
      },
    },
    async (req, reply) => {
      const row = decide(ctx, req.params.id, req.params.rowId, req.body, actor(req), ifMatch(req.headers['if-match']));
      return reply.header('etag', `"${row.version}"`).send(rowView(row, itemTitles(ctx)));
    },
  );

  r.post(
    '/questionnaires/:id/rows::confirm',
    {
      schema: {
        tags,
        params,
        body: confirmBody,
        description: 'Confirm rows as they stand. "all" confirms the rows that carry an answer or a choice; "left" counts the rows still unconfirmed.',
        response: { 200: z.object({ confirmed: z.number(), left: z.number() }), ...errors(404, 503, 507) },
      },
    },
    async (req) => confirmRows(ctx, req.params.id, req.body.rowIds, actor(req)),
  );
};
