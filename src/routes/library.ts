// The answer library (answers to questions no item answers) and the gaps report.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../auth.js';
import { QmapError } from '../errors.js';
import { gaps } from '../gaps.js';
import type { Db } from '../store/db.js';
import { deleteLibraryEntry, getLibraryEntry, listLibrary, updateLibraryEntry } from '../store/library.js';

const params = z.object({ id: z.string().min(1).max(64) });
const missing = (id: string) => new QmapError('not_found', `There is no library entry ${id}.`);

export const libraryRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const reviewer = { preHandler: requireRole('reviewer') };
  const admin = { preHandler: requireRole('admin') };

  r.get('/v1/library', { ...reviewer, schema: { tags } }, async () => listLibrary(db));
  r.get('/v1/library/:id', { ...reviewer, schema: { tags, params } }, async (req) => getLibraryEntry(db, req.params.id) ?? Promise.reject(missing(req.params.id)));
  r.put(
    '/v1/library/:id',
    { ...admin, schema: { tags, params, body: z.object({ answer: z.string().trim().min(1).max(20_000), choice: z.string().max(50).nullable().optional() }) } },
    async (req) => updateLibraryEntry(db, req.params.id, req.body, actor(req)) ?? Promise.reject(missing(req.params.id)),
  );
  r.delete('/v1/library/:id', { ...admin, schema: { tags, params } }, async (req, reply) => {
    if (!deleteLibraryEntry(db, req.params.id)) throw missing(req.params.id);
    return reply.status(204).send();
  });

  r.get('/v1/gaps', { ...reviewer, schema: { tags: ['gaps'], querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) } }, async (req) =>
    gaps(db, req.query.limit),
  );
};
