// The review page: static files from src/web, served by the same app at / and /static/*.
// No build step: the browser loads hand-written ES modules, and fuse.js's own browser build.
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/web whether we run from src (tsx, tests) or from dist/src (npm start, where the .ts sources are compiled but the static files are not copied). */
const here = dirname(fileURLToPath(import.meta.url));
const webRoot = [join(here, '..', 'web'), join(here, '..', '..', '..', 'src', 'web')].find((dir) => existsSync(join(dir, 'index.html'))) ?? join(here, '..', 'web');
/** fuse.js's ES module build (its "import" export), served as is. */
const fuseFile = fileURLToPath(import.meta.resolve('fuse.js'));

export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/static/',
    index: false,
    // The page is small and changes with the server: let the browser revalidate each time.
    cacheControl: true,
    maxAge: 0,
  });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  app.get('/static/vendor/fuse.mjs', { schema: { hide: true } }, (_req, reply) => reply.sendFile(basename(fuseFile), dirname(fuseFile)));
};
