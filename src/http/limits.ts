// Request rate limits for the /v1 scope, with @fastify/rate-limit's in-memory store. Signed-in users are limited
// generously, per token, so a runaway script cannot starve the reviewers. Guessing tokens is stopped by counting
// wrong tokens, per token presented and per address separately: after FAILED_SIGN_INS in a minute, further wrong
// tokens get 429. A valid token is never refused for another's failures: behind a proxy or an office NAT every
// user shares one address, and any web page can make a browser send requests without a token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import { QmapError } from '../errors.js';

export const FAILED_SIGN_INS = 10;
export const REQUESTS_PER_MINUTE = 1200;
const MINUTE = 60_000;

export async function limitRequests(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    // After authentication, so a signed-in user is counted by token, not by the office's shared address.
    hook: 'preHandler',
    max: REQUESTS_PER_MINUTE,
    timeWindow: MINUTE,
    keyGenerator: (req) => (req.token ? `token:${req.token.id}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) => new QmapError('rate_limited', `Too many requests: at most ${ctx.max} a minute. Wait ${ctx.after} and try again.`),
  });
}

export interface FailedSignIns {
  /** Counts a wrong token; the seconds to wait when its address or the token itself has failed too often, else 0. */
  record(req: FastifyRequest, secret: string): Promise<number>;
}

export async function failedSignIns(app: FastifyInstance): Promise<FailedSignIns> {
  const limiter = (key: (req: FastifyRequest) => string) => app.createRateLimit({ max: FAILED_SIGN_INS, timeWindow: MINUTE, keyGenerator: key });
  const presented = new WeakMap<FastifyRequest, string>();
  const byAddress = limiter((req) => `failed-ip:${req.ip}`);
  const byToken = limiter((req) => `failed-token:${presented.get(req)}`);
  return {
    async record(req, secret) {
      presented.set(req, createHash('sha256').update(secret).digest('hex'));
      const [ip, token] = [await byAddress(req), await byToken(req)];
      const exceeded = [ip, token].filter((l) => !l.isAllowed && l.isExceeded);
      return exceeded.length ? Math.max(...exceeded.map((l) => (l.isAllowed ? 0 : l.ttlInSeconds))) : 0;
    },
  };
}
