// The page: static files from src/web, served by the same app at / and /static/*, and the words it shows
// (the message catalogue in its language). No build step: the browser loads hand-written ES modules, and
// fuse.js's and jsdiff's own ES module builds.
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { messagesIn } from '../../messages.js';
import { fixturesDir, webDir } from '../../paths.js';

/** fuse.js's ES module build (its "import" export), served as is. */
const fuseFile = fileURLToPath(import.meta.resolve('fuse.js'));
/** jsdiff's ES module build (its "import" export): a folder of modules importing each other, served as they are. */
const diffDir = dirname(fileURLToPath(import.meta.resolve('diff')));

export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/static/',
    index: false,
    // The page is small and changes with the server: let the browser revalidate each time.
    cacheControl: true,
    maxAge: 0,
  });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  app.get('/static/vendor/fuse.mjs', { schema: { hide: true } }, (_req, reply) => reply.sendFile(basename(fuseFile), dirname(fuseFile)));
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/static/vendor/diff/*', { schema: { hide: true, params: z.object({ '*': z.string() }) } }, (req, reply) =>
      /^[a-z]+(?:\/[a-z-]+)*\.js$/.test(req.params['*']) ? reply.sendFile(req.params['*'], diffDir) : reply.callNotFound(),
    );
  // The sample questionnaire a first-time user can try (fixtures/sample/), without signing in.
  app.get('/sample/security-checksheet-sample.xlsx', { schema: { hide: true } }, (_req, reply) =>
    reply.sendFile('security-checksheet-sample.xlsx', join(fixturesDir, 'sample'), { contentType: true }),
  );
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/messages/:lang.json', { schema: { hide: true, params: z.object({ lang: z.enum(['ja', 'en']) }) } }, async (req) => messagesIn(req.params.lang));
};
