// Token management for admins (the CLI does the same on the server's machine).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../services/context.js';
import { newToken, revoke, signIn, tokenRequest, tokens } from '../../services/tokens.js';
import { errors, tokenSchema, tokenView } from '../views.js';

export const tokenRoutes: FastifyPluginAsync<Context> = async (app, ctx) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  const config = { role: 'admin' as const };

  r.get('/tokens', { config, schema: { tags, response: { 200: z.array(tokenSchema), ...errors() } } }, async () => tokens(ctx).map(tokenView));
  r.post(
    '/tokens',
    { config, schema: { tags, body: tokenRequest, response: { 201: tokenSchema.extend({ secret: z.string().describe('shown only now') }), ...errors(503, 507) } } },
    async (req, reply) => {
      const { token, secret } = newToken(ctx, req.body.role, req.body.name);
      return reply.status(201).send({ ...tokenView(token), secret });
    },
  );
  r.post(
    '/sign-in',
    {
      config: { role: 'signed-in' },
      schema: {
        tags,
        description: 'Checks the token. A one-time sign-in link (printed on first start) is exchanged here for an admin token of your own, whose secret is returned once; for any other token, secret is null.',
        response: { 200: z.object({ token: tokenSchema, secret: z.string().nullable() }), ...errors(503, 507) },
      },
    },
    async (req) => {
      const { token, secret } = signIn(ctx, req.token!);
      return { token: tokenView(token), secret };
    },
  );
  r.delete('/tokens/:id', { config, schema: { tags, params: z.object({ id: z.string().max(64) }), response: { 204: z.null(), ...errors(404, 409, 503, 507) } } }, async (req, reply) => {
    revoke(ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
