// Token management for admins (the CLI does the same on the server's machine).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth.js';
import { QmapError } from '../errors.js';
import { tokenCreateBody, tokenSchema } from '../schemas.js';
import type { Db } from '../store/db.js';
import { createToken, listTokens, revokeToken } from '../store/tokens.js';

export const tokenRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { preHandler: requireRole('admin') };
  const tags = ['tokens'];

  r.get('/v1/tokens', { ...admin, schema: { tags, response: { 200: z.array(tokenSchema) } } }, async () => listTokens(db));

  r.post(
    '/v1/tokens',
    { ...admin, schema: { tags, body: tokenCreateBody, response: { 201: tokenSchema.extend({ secret: z.string() }) } } },
    async (req, reply) => {
      const { token, secret } = createToken(db, req.body.role, req.body.name);
      return reply.status(201).send({ ...token, secret });
    },
  );

  r.delete('/v1/tokens/:id', { ...admin, schema: { tags, params: z.object({ id: z.string() }) } }, async (req, reply) => {
    if (!revokeToken(db, req.params.id)) throw new QmapError('not_found', `There is no live token ${req.params.id}.`);
    return reply.status(204).send();
  });
};
