// Liveness for monitors and the Docker health check: the database answers.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QmapError } from '../../errors.js';
import type { Db } from '../../store/db.js';

export const healthRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ ok: z.literal(true), items: z.number() }) } } },
    async () => {
      try {
        const { n } = db.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
        return { ok: true as const, items: n };
      } catch {
        throw new QmapError('unavailable', 'The database does not answer.');
      }
    },
  );
};
