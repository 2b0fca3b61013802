// The fastify app: security headers, the API's contract at /docs, the /v1 API scope, the page, and one error
// handler. Built by server.ts for real and by test/helpers/app.ts on a temporary database.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { api } from './http/api.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { healthRoutes } from './http/routes/health.js';
import { webRoutes } from './http/routes/web.js';
import type { Context } from './services/context.js';

export interface AppOptions extends Context {
  /** pino options or false; tests pass a stream to read what was logged. */
  logger?: boolean | object;
}

// Tokens never reach the logs, even where a plugin logs the request headers at trace level (@fastify/multipart does).
const redact = {
  paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', '*.*.headers.authorization', '*.*.headers.cookie'],
  censor: '[redacted]',
};

export async function buildApp({ logger = true, ...ctx }: AppOptions): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: logger === true ? { level: config.QMAP_LOG_LEVEL, redact, serializers: { req: requestLine } } : logger && { redact, serializers: { req: requestLine }, ...logger },
    trustProxy: trustProxy(config.QMAP_TRUST_PROXY),
    // Small JSON bodies everywhere; uploads have their own limit in the multipart plugin.
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  acceptEmptyJson(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: qmap is often served over plain http inside a company network.
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'qmap', description: 'Prefills customer security questionnaires from the vendor checklist.', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(healthRoutes, ctx);
  await app.register(webRoutes);
  await app.register(api, { ...ctx, prefix: '/v1' });
  return app;
}

/** QMAP_TRUST_PROXY as fastify takes it: a number of hops means "trust the nearest n proxies". */
function trustProxy(v: Config['QMAP_TRUST_PROXY']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_address, hop) => hop < v : v;
}

/**
 * What is logged of a request: its route (/v1/questionnaires/:id/rows/:rowId), never the path as sent, which can
 * name a customer's sheet (Sheet!8), nor the query string, which could carry a token someone pasted there.
 */
const requestLine = (req: { method: string; url: string; id: string; routeOptions?: { url?: string }; params?: unknown }) => {
  const route = req.routeOptions?.url;
  // The questionnaire's id is random and names nothing of the customer's: it makes a job's requests traceable.
  const job = route?.startsWith('/v1/questionnaires/:id') ? (req.params as { id?: string } | undefined)?.id : undefined;
  return { id: req.id, method: req.method, url: route ?? req.url.split('?')[0], ...(job ? { job } : {}) };
};

/** content-type: application/json with no body at all (a DELETE sent by a generic client) is a request without a body. */
function acceptEmptyJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(req, body as string, done);
  });
}
