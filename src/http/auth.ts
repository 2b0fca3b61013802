// Who is asking: the bearer token of every /v1 request, and the role each route needs. Hooks of the /v1 scope
// (http/api.ts), so they run for every route registered there, however its path was spelled.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { QmapError } from '../errors.js';
import type { Db } from '../store/db.js';
import { authenticate, type Role, type Token } from '../store/tokens.js';
import { failedSignIns } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    token: Token | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route: admins only, reviewers (and admins), or anyone signed in. */
    role?: Role | 'signed-in';
  }
}

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : null;
}

/** Adds authentication and roles to the scope it is called in. */
export async function requireTokens(app: FastifyInstance, db: Db): Promise<void> {
  app.decorateRequest('token', null);
  const failures = await failedSignIns(app);

  app.addHook('onRequest', async (req, reply) => {
    const secret = bearer(req);
    if (!secret) throw new QmapError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>". Ask an admin for a token.');
    const token = authenticate(db, secret);
    if (token?.signInOnly && req.routeOptions.url !== '/v1/sign-in') {
      throw new QmapError('unauthorized', 'This is a one-time sign-in link: open it in the browser (or POST /v1/sign-in with it) to get a token of your own.');
    }
    if (token) {
      // A valid token is never refused for what others did from the same address.
      req.token = token;
      return;
    }
    const blocked = await failures.record(req, secret);
    if (blocked) {
      reply.header('retry-after', String(blocked));
      throw new QmapError('rate_limited', `Too many failed sign-ins. Wait ${blocked} seconds, then use a valid token.`);
    }
    throw new QmapError('unauthorized', 'This token is unknown or has been revoked. Ask an admin for a new one.');
  });

  app.addHook('preHandler', async (req) => {
    const needed = req.routeOptions.config.role ?? 'reviewer';
    const role = req.token?.role;
    if (needed === 'signed-in' || role === 'admin' || role === needed) return;
    throw new QmapError('forbidden', `This needs the ${needed} role; your token has the ${role ?? 'no'} role.`);
  });
}

/** Who did it, for the audit trail: the token's name and id. */
export const actor = (req: FastifyRequest) => (req.token ? `${req.token.name} (${req.token.id})` : 'anonymous');
