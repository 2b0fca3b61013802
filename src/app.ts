// The fastify app as a plugin-assembled unit: security headers, rate limits, auth, routes, one error handler.
// Built by server.ts for real and by test/helper.ts on a temporary database.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './store/db.js';
import { authPlugin } from './auth.js';
import { limitsPlugin } from './limits.js';
import { errorHandler, notFoundHandler } from './http-errors.js';
import { healthRoutes } from './routes/health.js';
import { itemRoutes } from './routes/items.js';
import { tokenRoutes } from './routes/tokens.js';
import { questionnaireRoutes } from './routes/questionnaires.js';
import { libraryRoutes } from './routes/library.js';
import { webRoutes } from './routes/web.js';
import { analyse } from './pipeline/analyse.js';
import type { Analyser } from './questionnaires.js';

export interface AppOptions {
  config: Config;
  db: Db;
  /** pino options or false; tests pass a stream to read what was logged. */
  logger?: boolean | object;
  /** Where uploads are read, detected and matched; in-process unless the server passes a worker pool. */
  analyser?: Analyser;
}

// Tokens never reach the logs, even where a plugin logs the request headers at trace level (@fastify/multipart does).
const redact = {
  paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', '*.*.headers.authorization', '*.*.headers.cookie'],
  censor: '[redacted]',
};

export async function buildApp({ config, db, logger = true, analyser = async (input) => analyse(input) }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === true ? { level: config.QMAP_LOG_LEVEL, redact } : logger && { redact, ...logger },
    // Small JSON bodies everywhere; uploads have their own limit in the multipart plugin.
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: qmap is often served over plain http inside a company network.
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null },
    },
  });
  await app.register(limitsPlugin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'qmap', description: 'Prefills customer security questionnaires from the vendor checklist.', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(authPlugin, { db });
  await app.register(healthRoutes, { db });
  await app.register(itemRoutes, { db });
  await app.register(tokenRoutes, { db });
  await app.register(questionnaireRoutes, { db, config, analyser });
  await app.register(libraryRoutes, { db });
  await app.register(webRoutes);
  return app;
}
