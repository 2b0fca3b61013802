// Request rate limits, with @fastify/rate-limit's in-memory store.
// Guessing tokens is stopped hard: after FAILED_AUTH_MAX failed sign-ins in a minute, an address gets
// 429 on every /v1 request (even with a right token, so guesses teach nothing) until the minute is over.
// Everyone else is limited generously, per token, so a runaway script cannot starve the reviewers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { QmapError } from './errors.js';

export const FAILED_AUTH_MAX = 10;
export const REQUESTS_PER_MINUTE = 1200;
const MINUTE = 60_000;

const isApi = (req: FastifyRequest) => req.url.startsWith('/v1/');

export const limitsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(rateLimit, {
    global: true,
    // After authentication, so a signed-in user is counted by token, not by the office's shared address.
    hook: 'preHandler',
    max: REQUESTS_PER_MINUTE,
    timeWindow: MINUTE,
    keyGenerator: (req) => (req.token ? `token:${req.token.id}` : `ip:${req.ip}`),
    // Monitoring must see the server as it is, whatever the load.
    allowList: (req) => req.url === '/healthz',
    errorResponseBuilder: (_req, ctx) =>
      new QmapError('rate_limited', `Too many requests: at most ${ctx.max} a minute. Wait ${ctx.after} and try again.`),
  });

  const failures = app.createRateLimit({ max: FAILED_AUTH_MAX, timeWindow: MINUTE, keyGenerator: (req) => `auth-failed:${req.ip}` });

  // Registered before the auth plugin, so a blocked address is refused before its token is even looked at.
  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req)) return;
    const seen = await failures(req, { increment: false });
    if (!seen.isAllowed && seen.remaining === 0 && seen.ttlInSeconds > 0) {
      reply.header('retry-after', String(seen.ttlInSeconds));
      throw new QmapError('rate_limited', `Too many failed sign-ins from this address. Wait ${seen.ttlInSeconds} seconds, then use a valid token.`);
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    if (isApi(req) && reply.statusCode === 401) await failures(req);
  });
});
