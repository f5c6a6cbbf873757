import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session ids and API tokens: 32 random bytes, base64url. The store keeps only their SHA-256, so a
 * copy of the database signs nobody in. A token is long and random, so one unsalted hash is enough
 * (passwords, short and guessable, get argon2id instead: passwords.ts).
 */
export const newToken = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** API tokens carry a prefix so that a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'ppt_';

/**
 * The CSRF token of a session, derived from the session id: a page from another site cannot read the
 * cookie, so it cannot compute this, while every server process sharing the database can check it
 * without storing anything more (a session from one process is valid on another).
 */
export const csrfToken = (sessionToken: string): string => createHash('sha256').update(`peakpath-csrf\0${sessionToken}`, 'utf8').digest('base64url');

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
