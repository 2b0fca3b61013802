import { randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe: job and row ids that cannot be guessed or enumerated. */
export const newId = () => randomBytes(16).toString('base64url');
