// The answer library (answers to questions no item answers) and the gaps report.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../services/context.js';
import { changeLibraryEntry, createLibraryEntry, gaps, libraryChange, libraryCreate, libraryEntries, libraryEntry, libraryMerge, mergeLibraryEntries, removeLibraryEntry } from '../../services/library.js';
import { actor } from '../auth.js';
import { errors, gapSchema, libraryEntrySchema } from '../views.js';

const params = z.object({ id: z.string().min(1).max(64) });

export const libraryRoutes: FastifyPluginAsync<Context> = async (app, ctx) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['library'];
  const admin = { role: 'admin' as const };

  r.get('/library', { schema: { tags, response: { 200: z.array(libraryEntrySchema), ...errors() } } }, async () => libraryEntries(ctx));
  r.get('/library/:id', { schema: { tags, params, response: { 200: libraryEntrySchema, ...errors(404) } } }, async (req) => libraryEntry(ctx, req.params.id));
  r.post(
    '/library',
    { config: admin, schema: { tags, body: libraryCreate, description: 'Write the vendor\'s own answer for questions no item answers (say, a group from /v1/gaps).', response: { 201: libraryEntrySchema, ...errors(422, 503, 507) } } },
    async (req, reply) => reply.status(201).send(createLibraryEntry(ctx, req.body, actor(req))),
  );
  r.post(
    '/library/:id/merge',
    { config: admin, schema: { tags, params, body: libraryMerge, description: 'Merge entry `from` into this one: this entry keeps its answer and takes every question form of the other, which is gone.', response: { 200: libraryEntrySchema, ...errors(404, 422, 503, 507) } } },
    async (req) => mergeLibraryEntries(ctx, req.params.id, req.body.from, actor(req)),
  );
  r.put(
    '/library/:id',
    { config: admin, schema: { tags, params, body: libraryChange, response: { 200: libraryEntrySchema, ...errors(404, 503, 507) } } },
    async (req) => changeLibraryEntry(ctx, req.params.id, req.body, actor(req)),
  );
  r.delete('/library/:id', { config: admin, schema: { tags, params, response: { 204: z.null(), ...errors(404, 503, 507) } } }, async (req, reply) => {
    removeLibraryEntry(ctx, req.params.id);
    return reply.status(204).send(null);
  });
  r.get(
    '/gaps',
    { schema: { tags: ['gaps'], querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: z.array(gapSchema), ...errors() } } },
    async (req) => gaps(ctx, req.query.limit),
  );
};
