import { randomBytes } from 'node:crypto';

const BYTES = 16;

/** 128 random bits, URL-safe: job and row ids that cannot be guessed or enumerated. */
export const newId = () => randomBytes(BYTES).toString('base64url');

/** n ids like newId's, from one read of random bytes instead of n (10,000 rows at a time). */
export function newIds(n: number): () => string {
  const bytes = randomBytes(BYTES * n);
  let at = 0;
  return () => bytes.toString('base64url', at, (at += BYTES));
}
