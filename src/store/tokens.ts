// Bearer tokens. The secret is shown once at creation; only its SHA-256 is stored, so a copy of the
// database does not let anyone in. Tokens carry 256 random bits, so a fast hash is enough.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export type Role = 'admin' | 'reviewer';

export interface Token {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** A one-time sign-in link: good only for exchanging it for a token of one's own. */
  signInOnly: boolean;
  expiresAt: string | null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => `qmap_${randomBytes(32).toString('base64url')}`;
const newId = () => `tok_${randomBytes(6).toString('hex')}`;

const columns = `id, name, role, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt,
  sign_in_only AS signInOnly, expires_at AS expiresAt`;
type TokenRecord = Omit<Token, 'signInOnly'> & { signInOnly: number };
const toToken = (r: TokenRecord | undefined): Token | undefined => r && { ...r, signInOnly: r.signInOnly === 1 };

/** Creates a token; the returned secret is never stored and cannot be shown again. */
export function createToken(db: Db, role: Role, name: string, secret = newSecret(), link?: { expiresAt: string }): { token: Token; secret: string } {
  const id = newId();
  db.prepare('INSERT INTO tokens (id, name, role, hash, created_at, sign_in_only, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    name,
    role,
    hashSecret(secret),
    new Date().toISOString(),
    link ? 1 : 0,
    link?.expiresAt ?? null,
  );
  return { token: getToken(db, id)!, secret };
}

/** Makes sure a token with exactly this secret exists with this role (for QMAP_ADMIN_TOKEN); idempotent. */
export function ensureToken(db: Db, secret: string, role: Role, name: string): Token {
  // A new value of the variable replaces the token made from the old one: the old secret stops working.
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND hash != ? AND revoked_at IS NULL').run(new Date().toISOString(), name, hashSecret(secret));
  const found = toToken(db.prepare(`SELECT ${columns} FROM tokens WHERE hash = ?`).get(hashSecret(secret)) as TokenRecord | undefined);
  if (found) {
    if (found.revokedAt || found.role !== role) {
      db.prepare('UPDATE tokens SET revoked_at = NULL, role = ? WHERE id = ?').run(role, found.id);
      return getToken(db, found.id)!;
    }
    return found;
  }
  return createToken(db, role, name, secret).token;
}

export function getToken(db: Db, id: string): Token | undefined {
  return toToken(db.prepare(`SELECT ${columns} FROM tokens WHERE id = ?`).get(id) as TokenRecord | undefined);
}

export function listTokens(db: Db): Token[] {
  return (db.prepare(`SELECT ${columns} FROM tokens ORDER BY created_at, id`).all() as TokenRecord[]).map((r) => toToken(r)!);
}

export function countTokens(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM tokens').get() as { n: number }).n;
}

/** The live, unexpired token with this secret, or undefined; records when it was last used. */
export function authenticate(db: Db, secret: string): Token | undefined {
  const token = toToken(
    db.prepare(`SELECT ${columns} FROM tokens WHERE hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)`).get(hashSecret(secret), new Date().toISOString()) as
      | TokenRecord
      | undefined,
  );
  if (token) {
    // At most one write a minute per token, so reads under load do not queue behind it.
    const now = new Date();
    const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
    try {
      db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)').run(
        now.toISOString(),
        token.id,
        minuteAgo,
      );
    } catch (e) {
      // Bookkeeping only: a read-only or full database must still let people read their jobs.
      if (!(e instanceof Error && 'code' in e && /^SQLITE_(READONLY|FULL|BUSY)/.test(String(e.code)))) throw e;
    }
  }
  return token;
}

/** How many live admin tokens there are (a sign-in link is not one). */
export function liveAdmins(db: Db): number {
  return db.prepare("SELECT count(*) FROM tokens WHERE role = 'admin' AND revoked_at IS NULL AND sign_in_only = 0").pluck().get() as number;
}

export function revokeToken(db: Db, id: string): boolean {
  return db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id)
    .changes === 1;
}
