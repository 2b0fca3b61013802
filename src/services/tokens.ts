// Tokens for admins: create (the secret is shown once), list, revoke. The CLI does the same on the server's machine.
import { z } from 'zod';
import { QmapError } from '../errors.js';
import { createToken, getToken, listTokens, liveAdmins, revokeToken, type Role, type Token } from '../store/tokens.js';
import type { Context } from './context.js';

export const roleSchema = z.enum(['admin', 'reviewer']);
export const tokenRequest = z.object({ role: roleSchema, name: z.string().trim().min(1).max(100) }).strict();

export const tokens = (ctx: Context): Token[] => listTokens(ctx.db);

export function newToken(ctx: Context, role: Role, name: string): { token: Token; secret: string } {
  return createToken(ctx.db, role, name);
}

/**
 * Signing in with a token. A one-time sign-in link (the first-start admin link) is exchanged for an admin token of
 * one's own, shown only now, and stops working; any other token is simply confirmed (secret null: keep using it).
 */
export function signIn(ctx: Context, token: Token): { token: Token; secret: string | null } {
  if (!token.signInOnly) return { token, secret: null };
  return ctx.db.transaction(() => {
    revokeToken(ctx.db, token.id);
    return createToken(ctx.db, token.role, token.role === 'admin' ? 'admin (first start)' : token.name);
  })();
}

/** Revokes a token; the last live admin token is kept, or nobody could manage qmap from the page or the API. */
export function revoke(ctx: Context, id: string): void {
  ctx.db.transaction(() => {
    const token = getToken(ctx.db, id);
    if (!token || token.revokedAt) throw new QmapError('not_found', `There is no live token ${id}.`);
    if (token.role === 'admin' && !token.signInOnly && liveAdmins(ctx.db) === 1) {
      throw new QmapError('conflict', 'This is the last admin token: revoking it would leave nobody able to manage qmap. Create another admin token first, then revoke this one.');
    }
    revokeToken(ctx.db, id);
  })();
}
