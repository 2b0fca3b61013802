// What must exist before the service takes requests: the admin token from QMAP_ADMIN_TOKEN, or,
// on a first start with no token at all, a one-time sign-in link for an admin (as Jupyter does).
import type { Config } from './config.js';
import type { Db } from './store/db.js';
import { countTokens, createToken, ensureToken } from './store/tokens.js';

export interface Bootstrap {
  /** Set only when a token was created now and must be shown to the operator once. */
  firstSecret: string | null;
}

export function bootstrapTokens(db: Db, config: Config): Bootstrap {
  if (config.QMAP_ADMIN_TOKEN) {
    ensureToken(db, config.QMAP_ADMIN_TOKEN, 'admin', 'admin (QMAP_ADMIN_TOKEN)');
    return { firstSecret: null };
  }
  if (countTokens(db) > 0) return { firstSecret: null };
  // A link that signs in once, within a day: it is shown on the terminal, where it may linger in a scrollback.
  const expiresAt = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
  return { firstSecret: createToken(db, 'admin', 'admin (first start sign-in link)', undefined, { expiresAt }).secret };
}

/** The token rides in the URL fragment, which browsers never send to the server, so it never reaches a log. */
export const loginUrl = (host: string, port: number, secret: string) =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}/#token=${secret}`;
