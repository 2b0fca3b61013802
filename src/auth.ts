// Bearer-token authentication for /v1 and the role each route needs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { QmapError } from './errors.js';
import type { Db } from './store/db.js';
import { authenticate, type Role, type Token } from './store/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    token: Token | null;
  }
}

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : null;
}

/** Attaches `req.token` on every /v1 request and refuses requests without a live token. */
export const authPlugin = fp<{ db: Db }>(async (app, { db }) => {
  app.decorateRequest('token', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/v1/')) return;
    const secret = bearer(req);
    if (!secret) {
      throw new QmapError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>". Ask an admin for a token.');
    }
    const token = authenticate(db, secret);
    if (!token) throw new QmapError('unauthorized', 'This token is unknown or has been revoked. Ask an admin for a new one.');
    req.token = token;
  });
});

/** A preHandler that lets only the given roles through (admin may always act). */
export function requireRole(role: Role) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (req.token?.role === 'admin' || req.token?.role === role) return;
    throw new QmapError('forbidden', `This needs the ${role} role; your token has the ${req.token?.role ?? 'no'} role.`);
  };
}

/** Who did it, for the audit trail: the token's name and id. */
export const actor = (req: FastifyRequest) => (req.token ? `${req.token.name} (${req.token.id})` : 'anonymous');
